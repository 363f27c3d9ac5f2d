/**
 * Recall and precision of the default rules, measured on the two corpora (test/corpora/). The
 * figures are printed; docs/privacy.md quotes them. A secret counts as leaked when any stretch of
 * half its length (12 to 40 characters) is still readable in the redacted ticket, decoded the
 * ways a helpdesk could read it.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../../utils/core/privacy/default-rules';
import { redactText } from '../../../../utils/core/privacy/redact';
import { redactTicket } from '../../../../utils/core/privacy/redact-ticket';
import { ticketSchema } from '../../../../utils/core/model/ticket';
import { ORDINARY_GROUPS, ORDINARY_LINES } from '../../../corpora/ordinary-lines';
import { recallCorpus, type Planted } from '../../../corpora/recall-corpus';
import { githubChecksumValid, samples } from '../../../support/secret-samples';

function unescapeJson(text: string): string {
  return text.replace(/\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g, (_, hex: string | undefined, c: string) =>
    hex
      ? String.fromCharCode(parseInt(hex, 16))
      : (({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c),
  );
}

function decodePercent(text: string): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Every way the ticket's text can be read, and the same without separators for digit formats. */
function readable(json: string): { forms: string[]; compact: string[] } {
  const unescaped = unescapeJson(json);
  const forms = [json, unescaped, decodePercent(unescaped), decodePercent(decodePercent(unescaped))];
  return { forms, compact: forms.map((form) => form.replace(/[\s./-]/g, '')) };
}

/** The stretches of a secret that must not be readable: all of a short one, any half of a long one. */
function windows(secret: string): string[] {
  const size = secret.length <= 12 ? secret.length : Math.max(12, Math.min(40, Math.ceil(secret.length / 2)));
  const out: string[] = [];
  for (let i = 0; i + size <= secret.length; i++) out.push(secret.slice(i, i + size));
  return out;
}

function found(planted: Planted, text: { forms: string[]; compact: string[] }): boolean {
  const personal = planted.format.personal && planted.format.id !== 'email';
  const secret = personal ? planted.secret.replace(/[\s./-]/g, '') : planted.secret;
  const haystacks = personal ? text.compact : text.forms;
  // A line of a private key at a time: the body's line breaks are the ticket's too.
  const parts = secret.split('\n').filter((part) => part.length >= 8);
  return parts.some((part) => windows(part).some((w) => haystacks.some((h) => h.includes(w))));
}

describe('the recall corpus', () => {
  const { tickets, planted } = recallCorpus();
  const before = tickets.map((ticket) => readable(JSON.stringify(ticket)));
  const after = tickets.map((ticket) => {
    const { ticket: redacted } = redactTicket(ticket, DEFAULT_RULES);
    expect(() => ticketSchema.parse(redacted)).not.toThrow();
    return readable(JSON.stringify(redacted));
  });

  it('plants at least 300 secrets of at least 40 formats, each of which arrived in its ticket', () => {
    const formats = new Set(planted.filter((p) => !p.format.personal).map((p) => p.format.id));
    expect(planted.filter((p) => !p.format.personal).length).toBeGreaterThanOrEqual(300);
    expect(formats.size).toBeGreaterThanOrEqual(40);
    const missing = planted.filter((p) => !found(p, before[p.ticket]));
    expect(missing.map((p) => `${p.format.id} in ${p.placement}`)).toEqual([]);
  });

  it('redacts at least 99 % of them', () => {
    const leaked = planted.filter((p) => found(p, after[p.ticket]));
    const recall = 1 - leaked.length / planted.length;
    const byPlacement = new Map<string, [number, number]>();
    for (const p of planted) {
      const [n, missed] = byPlacement.get(p.placement) ?? [0, 0];
      byPlacement.set(p.placement, [n + 1, missed + (leaked.includes(p) ? 1 : 0)]);
    }
    const formats = new Set(planted.map((p) => p.format.id)).size;
    const providers = new Set(planted.filter((p) => !p.format.personal).map((p) => p.format.provider)).size;
    console.log(
      `recall: ${planted.length - leaked.length} of ${planted.length} planted values redacted (${(recall * 100).toFixed(1)} %), ` +
        `${formats} formats from ${providers} providers, ${tickets.length} tickets\n` +
        [...byPlacement].map(([placement, [n, missed]]) => `  ${placement}: ${n - missed}/${n}`).join('\n') +
        (leaked.length ? `\n  leaked: ${leaked.map((p) => `${p.format.id} (${p.placement})`).join(', ')}` : ''),
    );
    expect(recall).toBeGreaterThanOrEqual(0.99);
  });
});

describe('the precision corpus', () => {
  it('has at least 200 ordinary lines, at least 99 % of which come through unchanged', () => {
    expect(ORDINARY_LINES.length).toBeGreaterThanOrEqual(200);
    const changed = ORDINARY_LINES.map((line) => [line, redactText(line, DEFAULT_RULES, {})]).filter(
      ([line, out]) => line !== out,
    );
    const precision = 1 - changed.length / ORDINARY_LINES.length;
    console.log(
      `precision: ${ORDINARY_LINES.length - changed.length} of ${ORDINARY_LINES.length} ordinary lines unchanged (${(precision * 100).toFixed(1)} %) in ${Object.keys(ORDINARY_GROUPS).length} groups` +
        changed.map(([, out]) => `\n  changed: ${out.slice(0, 200)}`).join(''),
    );
    expect(precision).toBeGreaterThanOrEqual(0.99);
  });
});

describe('the secret samples', () => {
  it('carry valid GitHub checksums, so a checksum-checking matcher would take them too', () => {
    const github = samples(7, 20)
      .filter(({ format }) => format.id === 'github-classic')
      .map(({ value }) => value);
    expect(github.length).toBe(20);
    expect(github.every(githubChecksumValid)).toBe(true);
  });
});
