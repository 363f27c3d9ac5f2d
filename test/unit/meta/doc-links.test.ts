/**
 * The docs cite the repository's files by path and link to each other's sections: when a file moves
 * or a heading changes, the doc that cites it must change too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Top-level folders whose paths the docs cite from the repository's root. */
const ROOTS = [
  'utils',
  'entrypoints',
  'components',
  'modules',
  'receiver',
  'test',
  'bench',
  'scripts',
  'docs',
  'public',
];
const REPO_PATH = new RegExp(`(?<![\\w./:@-])((?:${ROOTS.join('|')})/[\\w.*{},/@-]*[\\w*}])`, 'g');
const LINK = /!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

interface Citation {
  line: number;
  /** A path from the repository's root, or a link relative to the doc, with its #anchor if any. */
  target: string;
  kind: 'path' | 'link';
}

function citations(markdown: string): Citation[] {
  const found: Citation[] = [];
  markdown.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(LINK)) {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(m[1])) found.push({ line: i + 1, target: m[1], kind: 'link' });
    }
    // A link's target is checked as a link, relative to the doc: only the rest is read for paths.
    const prose = text.replace(LINK, (link, target: string) => link.replace(`(${target}`, '('));
    for (const m of prose.matchAll(REPO_PATH)) found.push({ line: i + 1, target: m[1], kind: 'path' });
  });
  return found;
}

/** `a/{b,c}/d` → `a/b/d`, `a/c/d`. */
function expandBraces(path: string): string[] {
  const m = /\{([^{}]*)\}/.exec(path);
  if (!m) return [path];
  return m[1]
    .split(',')
    .flatMap((alt) => expandBraces(path.slice(0, m.index) + alt + path.slice(m.index + m[0].length)));
}

/** Whether a path exists; `*` matches within one name (`test/e2e/helpdesk-*.e2e.ts`). */
function pathExists(path: string): boolean {
  const parts = path.replace(/\/$/, '').split('/');
  let candidates = [ROOT];
  for (const part of parts) {
    if (!part.includes('*')) {
      candidates = candidates.map((c) => join(c, part)).filter((c) => existsSync(c));
      continue;
    }
    const pattern = new RegExp(`^${part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    candidates = candidates.flatMap((c) =>
      statSync(c).isDirectory()
        ? readdirSync(c)
            .filter((n) => pattern.test(n))
            .map((n) => join(c, n))
        : [],
    );
  }
  return candidates.length > 0;
}

/** The anchors GitHub gives a Markdown file's headings. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = heading[1]
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n ? `${slug}-${n}` : slug);
  }
  return anchors;
}

/** What is wrong with one doc's citations, as "doc:line: target" lines. */
function brokenCitations(doc: string, markdown: string): string[] {
  const broken: string[] = [];
  for (const { line, target, kind } of citations(markdown)) {
    const where = `${doc}:${line}: ${target}`;
    if (kind === 'path') {
      if (!expandBraces(target).every(pathExists)) broken.push(`${where} (no such path)`);
      continue;
    }
    const [file, anchor] = target.split('#');
    const path = file ? relative(ROOT, resolve(ROOT, dirname(doc), decodeURI(file))) : doc;
    if (path.startsWith('..') || !pathExists(path)) {
      broken.push(`${where} (no such file)`);
    } else if (anchor !== undefined && path.endsWith('.md')) {
      const anchors = headingAnchors(file ? readFileSync(join(ROOT, path), 'utf8') : markdown);
      if (!anchors.has(decodeURIComponent(anchor))) broken.push(`${where} (no such heading)`);
    }
  }
  return broken;
}

function docs(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
    );
  return ['README.md', 'CHANGELOG.md', ...walk('docs')];
}

describe('paths and links in the docs', () => {
  it('finds a cited path that does not exist, a dead link and a missing heading', () => {
    const doc = [
      '# Title',
      'See `utils/core/ticket/build.ts` and `utils/core/ticket/no-such-file.ts`,',
      'every `test/e2e/*.e2e.ts`, `public/_locales/{en,fr}/messages.json` and `public/_locales/{en,xx}/messages.json`;',
      '[the policies](docs/policies/), [gone](docs/gone.md), [ok](#title), [not a heading](#nothing),',
      '[privacy](docs/privacy.md#nothing-here) and [the web](https://example.org/utils/x.ts).',
    ].join('\n');
    expect(brokenCitations('README.md', doc)).toEqual([
      'README.md:2: utils/core/ticket/no-such-file.ts (no such path)',
      'README.md:3: public/_locales/{en,xx}/messages.json (no such path)',
      'README.md:4: docs/gone.md (no such file)',
      'README.md:4: #nothing (no such heading)',
      'README.md:5: docs/privacy.md#nothing-here (no such heading)',
    ]);
  });

  it('gives headings the anchors GitHub gives them', () => {
    const anchors = headingAnchors('## Item 1: what the webRequest permission costs\n## Où ça tourne\n## Où ça tourne');
    expect([...anchors]).toEqual(['item-1-what-the-webrequest-permission-costs', 'où-ça-tourne', 'où-ça-tourne-1']);
  });

  it.each(docs())('%s cites only paths and headings that exist', (doc) => {
    expect(brokenCitations(doc, readFileSync(join(ROOT, doc), 'utf8'))).toEqual([]);
  });
});
