import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as helpers from '../../../../utils/page/isolated/html2canvas-cache';
import { cacheParsedValues, sharedSegmenter, type Descriptor } from '../../../../utils/page/isolated/html2canvas-cache';
import { HTML2CANVAS_PARSE, HTML2CANVAS_PATCHES, patchHtml2canvas } from '../../../../modules/html2canvas-patch';

const display: Descriptor = { name: 'display', initialValue: 'inline' };
const color: Descriptor = { name: 'color', initialValue: 'rgb(0, 0, 0)' };

function counting() {
  const calls: string[] = [];
  const parse = cacheParsedValues((_context: object, descriptor: Descriptor, style: unknown) => {
    calls.push(`${descriptor.name}=${String(style)}`);
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

describe('sharedSegmenter', () => {
  it('hands out one segmenter per granularity, which segments as a new one would', () => {
    expect(sharedSegmenter('word')).toBe(sharedSegmenter('word'));
    expect(sharedSegmenter('grapheme')).not.toBe(sharedSegmenter('word'));
    const words = (s: Intl.Segmenter) => Array.from(s.segment('Opened by user 12, 3 h ago.'), (x) => x.segment);
    expect(words(sharedSegmenter('word'))).toEqual(words(new Intl.Segmenter(undefined, { granularity: 'word' })));
    expect(Array.from(sharedSegmenter('grapheme').segment('e\u0301👍🏽'), (x) => x.segment)).toEqual(['e\u0301', '👍🏽']);
  });
});

describe('patchHtml2canvas', () => {
  const require = createRequire(import.meta.url);
  const esm = join(dirname(require.resolve('html2canvas/package.json')), 'dist/html2canvas.esm.js');

  it('applies to the html2canvas installed, importing the cache from the module given', () => {
    const patched = patchHtml2canvas(readFileSync(esm, 'utf8'), '/abs/html2canvas-patch.ts');
    expect(patched.startsWith('import * as __maydayCss from "/abs/html2canvas-patch.ts";\n')).toBe(true);
    // The only parse left is the cached one.
    expect(patched.split(HTML2CANVAS_PARSE)).toHaveLength(2);
    expect(patched).toContain(`${HTML2CANVAS_PARSE} return parseCached(context, descriptor, style); };`);
    expect(patched).toContain('var parseUncached = function (context, descriptor, style) {');
    // Every segmenter is a shared one.
    expect(patched).not.toContain('new Intl.Segmenter');
    expect(patched.match(/__maydayCss\.sharedSegmenter\('(word|grapheme)'\)/g)).toEqual([
      "__maydayCss.sharedSegmenter('grapheme')",
      "__maydayCss.sharedSegmenter('word')",
    ]);
  });

  it('makes every call to parse go through the cache, the original parsing behind it, and segments with the shared segmenters', () => {
    const source = [
      'var calls = [];',
      `${HTML2CANVAS_PARSE} calls.push(style); return descriptor.name + ':' + style; };`,
      `var graphemes = ${HTML2CANVAS_PATCHES[1].find};`,
      `var words = ${HTML2CANVAS_PATCHES[2].find};`,
      "var capture = {}, a = { name: 'a' }, b = { name: 'b' };",
      'return [parse(capture, a, "x"), parse(capture, a, "x"), parse(capture, b, "x"), calls, graphemes, words];',
    ].join('\n');
    const patched = patchHtml2canvas(source, 'helpers').replace(/^import .*\n/, '');
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the patched source, as the bundle would
    const run = new Function('__maydayCss', patched) as (imported: typeof helpers) => unknown[];
    const [a1, a2, b, calls, graphemes, words] = run(helpers);
    expect([a1, a2, b, calls]).toEqual(['a:x', 'a:x', 'b:x', ['x', 'x']]);
    expect([graphemes, words]).toEqual([sharedSegmenter('grapheme'), sharedSegmenter('word')]);
  });

  it('refuses a source it does not recognise rather than shipping an uncached html2canvas unnoticed', () => {
    expect(() => patchHtml2canvas('var parse = function (a, b) {};', 'cache')).toThrow(/html2canvas still 1.4.1/);
    expect(() => patchHtml2canvas(`${HTML2CANVAS_PARSE}}\n${HTML2CANVAS_PARSE}}`, 'cache')).toThrow(/exactly one/);
    // The parse function alone is not enough: every patch must find its text.
    expect(() => patchHtml2canvas(`${HTML2CANVAS_PARSE}}\n${HTML2CANVAS_PATCHES[1].find}`, 'cache')).toThrow(
      /granularity: 'word'/,
    );
  });
});
