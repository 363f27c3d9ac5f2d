import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheParsedValues, HTML2CANVAS_PARSE, patchHtml2canvas, type Descriptor } from '../../../utils/capture/css-parse-cache';

const display: Descriptor = { name: 'display', initialValue: 'inline' };
const color: Descriptor = { name: 'color', initialValue: 'rgb(0, 0, 0)' };

function counting() {
  const calls: string[] = [];
  const parse = cacheParsedValues((_context: object, descriptor: Descriptor, style: unknown) => {
    calls.push(`${descriptor.name}=${style}`);
    return { parsed: style ?? descriptor.initialValue };
  });
  return { calls, parse };
}

describe('cacheParsedValues', () => {
  it('parses each property and text once per capture, and hands back the same value after', () => {
    const { calls, parse } = counting();
    const capture = {};
    const first = parse(capture, display, 'block');
    expect(parse(capture, display, 'block')).toBe(first);
    expect(parse(capture, display, 'flex')).toEqual({ parsed: 'flex' });
    expect(parse(capture, color, 'block')).toEqual({ parsed: 'block' }); // same text, another property
    expect(calls).toEqual(['display=block', 'display=flex', 'color=block']);
  });

  it('parses again for another capture: parsing may queue work in that capture (its images)', () => {
    const { calls, parse } = counting();
    parse({}, display, 'block');
    parse({}, display, 'block');
    expect(calls).toEqual(['display=block', 'display=block']);
  });

  it('takes an absent value as the initial one, as html2canvas does, and a CSS value by its text', () => {
    const { calls, parse } = counting();
    const capture = {};
    parse(capture, display, undefined);
    parse(capture, display, null);
    parse(capture, display, 'inline');
    parse(capture, display, { toString: () => 'grid' });
    parse(capture, display, 'grid');
    expect(calls).toEqual(['display=undefined', 'display=grid']);
  });
});

describe('patchHtml2canvas', () => {
  const require = createRequire(import.meta.url);
  const esm = join(dirname(require.resolve('html2canvas/package.json')), 'dist/html2canvas.esm.js');

  it('applies to the html2canvas installed, importing the cache from the module given', () => {
    const patched = patchHtml2canvas(readFileSync(esm, 'utf8'), '/abs/css-parse-cache.ts');
    expect(patched.startsWith('import { cacheParsedValues as __maydayCacheParsedValues } from "/abs/css-parse-cache.ts";\n')).toBe(true);
    // The only parse left is the cached one.
    expect(patched.split(HTML2CANVAS_PARSE)).toHaveLength(2);
    expect(patched).toContain(`${HTML2CANVAS_PARSE} return parseCached(context, descriptor, style); };`);
    expect(patched).toContain('var parseUncached = function (context, descriptor, style) {');
  });

  it('makes every call to parse go through the cache, the original parsing behind it', () => {
    const source = `var calls = [];\n${HTML2CANVAS_PARSE} calls.push(style); return descriptor.name + ':' + style; };\nvar capture = {};\nreturn [parse(capture, { name: 'a' }, 'x'), parse(capture, { name: 'a' }, 'x'), parse(capture, { name: 'b' }, 'x'), calls];`;
    const patched = patchHtml2canvas(source, 'cache').replace(/^import .*\n/, '');
    const run = new Function('__maydayCacheParsedValues', patched) as (cache: typeof cacheParsedValues) => unknown;
    expect(run(cacheParsedValues)).toEqual(['a:x', 'a:x', 'b:x', ['x', 'x']]);
  });

  it('refuses a source it does not recognise rather than shipping an uncached html2canvas unnoticed', () => {
    expect(() => patchHtml2canvas('var parse = function (a, b) {};', 'cache')).toThrow(/html2canvas still 1.4.1/);
    expect(() => patchHtml2canvas(`${HTML2CANVAS_PARSE}}\n${HTML2CANVAS_PARSE}}`, 'cache')).toThrow(/exactly one/);
  });
});
