import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { mdBlock, mdCode, renderSummary } from '../../../../utils/core/ticket/summary';
import { evilTicket, PAYLOADS, sampleTicket, tEn, tFr } from '../../../support/sample-ticket';

describe('renderSummary', () => {
  it('fits the essentials on one screen, in Markdown', () => {
    expect(renderSummary(sampleTicket(), tEn).markdown).toBe(
      [
        '**Problem report** · 2026-03-04 10:16:00 UTC+01:00',
        '',
        '**What went wrong**',
        '```',
        'The invoice list stays empty after I pick March.',
        'It worked yesterday.',
        '```',
        '',
        '**Page:** `Invoices — ERP` — `https://erp.example.org/invoices?month=2026-03`  ',
        '**Browser and system:** `Chrome 126 on Windows 10/11`  ',
        '**Failed requests:** 3',
        '',
        '**Most frequent errors**',
        "1. `TypeError: Cannot read properties of undefined (reading 'total')` ×3",
        '2. `Failed to load invoices {status: 500}`',
        '',
        '_Full report attached: report.html (opens in any browser), report.json and screenshot.png._',
        '',
      ].join('\n'),
    );
  });

  it('gives the same in simple HTML', () => {
    const { html } = renderSummary(sampleTicket(), tEn);
    expect(html).toContain(
      '<blockquote>The invoice list stays empty after I pick March.<br>It worked yesterday.</blockquote>',
    );
    expect(html).toContain(
      '<ol><li><code>TypeError: Cannot read properties of undefined (reading &#39;total&#39;)</code> ×3</li><li><code>Failed to load invoices {status: 500}</code></li></ol>',
    );
    expect(html).toContain('<strong>Failed requests:</strong> 3</p>');
  });

  it('keeps to the five most frequent errors and says when there are none', () => {
    const T = Date.parse('2026-03-04T09:15:00Z');
    const many = sampleTicket({
      console: Array.from({ length: 8 }, (_, i) => ({
        level: 'error' as const,
        kind: 'console' as const,
        message: `E${i}`,
        time: T + i,
        count: i + 1,
      })),
    });
    expect(renderSummary(many, tEn).markdown).toMatch(
      /1\. `E7` ×8\n2\. `E6` ×7\n3\. `E5` ×6\n4\. `E4` ×5\n5\. `E3` ×4\n\n/,
    );
    const none = renderSummary(sampleTicket({ console: [], screenshot: null }), tFr).markdown;
    expect(none).toContain('**Erreurs les plus fréquentes :** aucune enregistrée');
    expect(none).toContain('**Requêtes en échec :** 3');
    expect(none).toContain(
      "_Rapport complet en pièce jointe : report.html (s'ouvre dans n'importe quel navigateur) et report.json._",
    );
  });

  it('puts untrusted text in Markdown only inside code no content can close', () => {
    expect(mdCode('a `b` c')).toBe('``a `b` c``');
    expect(mdCode('`x``')).toBe('``` `x`` ```');
    expect(mdCode('line\none')).toBe('`line one`');
    expect(mdBlock('```\n</script>')).toBe('````\n```\n</script>\n````');
    const { markdown } = renderSummary(evilTicket(), tEn);
    // Outside code, only our own words remain: no link, image or HTML syntax from the page.
    const outside = markdown.replace(/(`+)[^]*?\1/g, '');
    expect(outside).not.toMatch(/[<>[\]]/);
  });

  it('escapes every planted payload in the HTML body', () => {
    const { html } = renderSummary(evilTicket(), tEn);
    const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    const tags = new Set([...doc.body.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()));
    expect([...tags].sort()).toEqual(['blockquote', 'br', 'code', 'em', 'li', 'ol', 'p', 'strong']);
    expect([...doc.body.querySelectorAll('*')].flatMap((e) => [...e.attributes])).toEqual([]);
    for (const payload of PAYLOADS) expect(doc.body.textContent).toContain(payload.replace(/\s+/g, ' ').slice(0, 40));
  });
});
