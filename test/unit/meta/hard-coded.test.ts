/**
 * Every word a person reads comes from public/_locales: this fails on literal text between JSX
 * tags and on literal accessible names (aria-label, alt, title, placeholder) in the pages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.tsx') ? [path] : [];
  });
}

/** Literal UI text in one TSX source; expressions ({…}) and comments are not text. */
export function hardCodedStrings(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const match of code.matchAll(/(?<!=)>([^<>{}]*)</g)) {
    const text = match[1].trim();
    // Text between tags, not a TypeScript generic or comparison: must contain a word.
    if (/\p{L}{2,}/u.test(text) && !/[=;()]/.test(text)) found.push(text);
  }
  for (const match of code.matchAll(/\b(aria-label|alt|title|placeholder)="([^"]*\p{L}[^"]*)"/gu))
    found.push(`${match[1]}="${match[2]}"`);
  return found;
}

describe('UI strings', () => {
  it('finds literal text when there is some (the check itself works)', () => {
    expect(hardCodedStrings('<p class="x">Send report</p><img alt="Logo" />')).toEqual(['Send report', 'alt="Logo"']);
    expect(hardCodedStrings("<p>{t('composeSend')}</p><div>{a > b ? x : y}</div>")).toEqual([]);
    expect(hardCodedStrings('copy: (text: string) => Promise<void>')).toEqual([]);
  });

  const sources = [...files(join(ROOT, 'components')), ...files(join(ROOT, 'entrypoints'))];
  it.each(sources.map((path) => [relative(ROOT, path), path]))('%s has no hard-coded UI text', (_name, path) => {
    expect(hardCodedStrings(readFileSync(path, 'utf8'))).toEqual([]);
  });
});
