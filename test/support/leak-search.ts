/**
 * Searching delivered bytes for secrets, whatever encoding carried them: each file is read as
 * UTF-8 and Latin-1, with JSON escapes, HTML entities and percent-encoding undone, and every
 * base64 run inside decoded and read the same way (attachments, data: URLs), twice deep.
 */

const BASE64_RUN = /[A-Za-z0-9+/_-]{24,}={0,2}/g;

function unescapeJson(text: string): string {
  return text.replace(/\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g, (_, hex: string | undefined, char: string) =>
    hex
      ? String.fromCharCode(parseInt(hex, 16))
      : (({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[char] ?? char),
  );
}

function decodeHtml(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(\w+));/g, (whole, dec?: string, hex?: string, name?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (named[name!] ?? whole),
  );
}

/** Percent-escapes one at a time, so one malformed sequence does not stop the rest. */
function decodePercent(text: string): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Every readable form of `bytes`, with base64 runs inside decoded down to `depth` levels. */
export function readableForms(bytes: Buffer, depth = 2): string[] {
  const forms = new Set<string>();
  for (const text of [bytes.toString('utf8'), bytes.toString('latin1')]) {
    for (const form of [
      text,
      unescapeJson(text),
      decodeHtml(text),
      decodePercent(text),
      decodePercent(decodeHtml(unescapeJson(text))),
    ])
      forms.add(form);
  }
  if (depth > 0) {
    for (const run of bytes.toString('latin1').match(BASE64_RUN) ?? []) {
      const decoded = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
      for (const form of readableForms(decoded, depth - 1)) forms.add(form);
    }
  }
  return [...forms];
}

/** How a secret could be written: as is, and without the spaces and dashes of cards and IBANs. */
function spellings(secret: string): string[] {
  return [...new Set([secret, secret.replace(/[\s-]/g, '')])];
}

/** The needles found, in any case, in any form of any of the files. */
export function findIn(
  needles: readonly string[],
  files: readonly Buffer[],
  spell: (needle: string) => string[] = (n) => [n],
): string[] {
  const found = new Set<string>();
  for (const file of files) {
    for (const form of readableForms(file)) {
      const text = form.toLowerCase();
      for (const needle of needles) if (spell(needle).some((s) => text.includes(s.toLowerCase()))) found.add(needle);
    }
  }
  return needles.filter((needle) => found.has(needle));
}

/** The secrets found anywhere in the files, however spelled or encoded. */
export function findLeaks(secrets: readonly string[], files: readonly Buffer[]): string[] {
  return findIn(secrets, files, spellings);
}
