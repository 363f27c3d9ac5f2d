import { createHash } from 'node:crypto';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { REPORT_OVERHEAD_MAX, renderReportHtml } from '../../../../utils/core/ticket/report-html';
import { REPORT_CSP, REPORT_CSS, REPORT_STYLE_HASH } from '../../../../utils/core/ticket/report-style';
import { evilTicket, largestTicket, PAYLOADS, sampleTicket, tEn, tFr, TINY_PNG } from '../../../support/sample-ticket';

function parse(markup: string): Document {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  return new window.DOMParser().parseFromString(markup, 'text/html') as unknown as Document;
}

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('renderReportHtml', () => {
  it('puts the strict CSP first in the head and allows only its own stylesheet and data: images', () => {
    const doc = parse(renderReportHtml(sampleTicket(), { t: tEn, screenshot: { dataUrl: TINY_PNG } }));
    const [charset, csp] = [...doc.head.children];
    expect(charset.getAttribute('charset')).toBe('utf-8');
    expect(csp.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(csp.getAttribute('content')).toBe(REPORT_CSP);
    expect(REPORT_CSP).toBe(
      `default-src 'none'; img-src data:; style-src '${REPORT_STYLE_HASH}'; base-uri 'none'; form-action 'none'`,
    );
  });

  it('carries the hash of its stylesheet in the CSP', () => {
    const hash = `sha256-${createHash('sha256').update(REPORT_CSS, 'utf8').digest('base64')}`;
    expect(REPORT_STYLE_HASH, 'update REPORT_STYLE_HASH in utils/core/ticket/report-style.ts').toBe(hash);
    const doc = parse(renderReportHtml(sampleTicket(), { t: tEn }));
    expect([...doc.querySelectorAll('style')].map((s) => s.textContent)).toEqual([REPORT_CSS]);
  });

  it('shows every section, the screenshot as a data URL and the summary facts', () => {
    const ticket = sampleTicket();
    const doc = parse(renderReportHtml(ticket, { t: tEn, screenshot: { dataUrl: TINY_PNG } }));
    expect([...doc.querySelectorAll('main > section')].map((s) => s.id)).toEqual([
      'summary',
      'screenshot',
      'console',
      'requests',
      'timeline',
      'environment',
    ]);
    expect(doc.querySelector('img')!.getAttribute('src')).toBe(TINY_PNG);
    expect(doc.querySelector('img')!.getAttribute('alt')).toBe('Screenshot of the reported page');
    const summary = doc.getElementById('summary')!.textContent.replace(/\s+/g, ' ');
    expect(summary).toContain('The invoice list stays empty after I pick March.');
    expect(summary).toContain('https://erp.example.org/invoices?month=2026-03');
    expect(summary).toContain('2026-03-04 10:16:00 UTC+01:00');
    expect(summary).toContain('Chrome 126 on Windows 10/11');
    expect(summary).toContain("TypeError: Cannot read properties of undefined (reading 'total') ×3");
    expect([...doc.querySelectorAll('ul.counts li')].map((li) => li.textContent)).toEqual([
      '4Errors',
      '2Warnings',
      '3Failed requests',
      '2Steps',
    ]);
    expect(doc.querySelectorAll('#console li')).toHaveLength(5);
    expect(doc.querySelector('#console details pre')!.textContent).toContain(
      'at render (https://erp.example.org/app.js:10:5)',
    );
    expect(doc.querySelectorAll('#requests tbody tr')).toHaveLength(2);
    expect(doc.querySelectorAll('#timeline li')).toHaveLength(6);
    expect(doc.getElementById('environment')!.textContent).toContain('Europe/Paris (UTC+01:00)');
  });

  it('offers a level filter per level present, as checkboxes that work without script', () => {
    const doc = parse(renderReportHtml(sampleTicket(), { t: tEn }));
    expect([...doc.querySelectorAll('#console .filters label')].map((l) => l.textContent)).toEqual([
      'Errors (4)',
      'Warnings (2)',
      'Info (1)',
      'Logs (1)',
    ]);
    expect(doc.querySelectorAll('#console .filters input:checked')).toHaveLength(4);
    expect(REPORT_CSS).toContain('#console:has(#f-error:not(:checked)) .lv-error');
  });

  it('says where the screenshot is when it is not embedded, and embeds nothing but a PNG or JPEG', () => {
    const ticket = sampleTicket();
    for (const dataUrl of [
      undefined,
      'data:text/html;base64,PHNjcmlwdD4=',
      `${TINY_PNG}" onerror="x`,
      'javascript:alert(1)',
    ]) {
      const doc = parse(renderReportHtml(ticket, { t: tEn, screenshot: dataUrl ? { dataUrl } : undefined }));
      expect(doc.querySelector('img')).toBeNull();
      expect(doc.getElementById('screenshot')!.textContent).toContain('attached to the ticket as screenshot.png');
    }
    const none = parse(renderReportHtml(sampleTicket({ screenshot: null }), { t: tEn }));
    expect(none.getElementById('screenshot')!.textContent).toContain('No screenshot was taken');
  });

  it('renders planted payloads as text only: no script, handler, frame or outside URL', () => {
    const markup = renderReportHtml(evilTicket(), { t: tEn, screenshot: { dataUrl: TINY_PNG } });
    const doc = parse(markup);
    const elements = [...doc.querySelectorAll('*')];
    expect(
      elements
        .map((e) => e.tagName.toLowerCase())
        .filter((tag) => ['script', 'iframe', 'svg', 'object', 'embed', 'base', 'form', 'link'].includes(tag)),
    ).toEqual([]);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(doc.querySelectorAll('img')).toHaveLength(1);
    for (const element of elements) {
      for (const attr of [...element.attributes]) {
        expect(attr.name, `${element.tagName} ${attr.name}`).not.toMatch(/^on/i);
        if (attr.name === 'href') expect(attr.value).toMatch(/^#\w+$/);
        if (attr.name === 'src') expect(attr.value).toBe(TINY_PNG);
      }
    }
    const text = doc.body.textContent;
    for (const payload of PAYLOADS) expect(text).toContain(payload);
    expect(markup).not.toContain('<img src=x');
    expect(markup).not.toContain('</script>');
  });

  it('stays within the screenshot plus REPORT_OVERHEAD_MAX bytes with every list and string at its cap', () => {
    const ticket = largestTicket();
    const markup = renderReportHtml(ticket, { t: tEn, screenshot: { dataUrl: TINY_PNG } });
    expect(bytes(markup) - TINY_PNG.length).toBeLessThanOrEqual(REPORT_OVERHEAD_MAX);
    const doc = parse(markup);
    // The errors come first when not everything fits, and the page says how much it left out.
    const shown = [...doc.querySelectorAll('#console li')];
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((li) => li.className === 'lv-error')).toBe(true);
    expect(doc.querySelector('#console .more')!.textContent).toBe(
      `${200 - shown.length} more entries are not shown here: report.json has them all.`,
    );
    expect(doc.querySelectorAll('#requests tbody tr').length).toBeGreaterThan(0);
    expect(doc.querySelectorAll('#timeline li').length).toBeGreaterThan(0);
  });

  it('speaks the language of the lookup it is given', () => {
    const doc = parse(renderReportHtml(sampleTicket(), { t: tFr }));
    expect(doc.documentElement.getAttribute('lang')).toBe('fr');
    expect(doc.querySelector('#summary h1')!.textContent).toBe('Ce qui ne va pas');
    expect(doc.getElementById('summary')!.textContent).toContain('Chrome 126 sous Windows 10/11');
  });

  it("marks what the page supplied as reported by the page, and the browser's rows not", () => {
    for (const [t, mark] of [
      [tEn, 'reported by the page'],
      [tFr, 'signalé par la page'],
    ] as const) {
      const doc = parse(renderReportHtml(sampleTicket(), { t }));
      const rows = [...doc.querySelectorAll('#requests tbody tr')].map((tr) => tr.textContent);
      expect(rows.find((r) => r.includes('api/invoices'))).toContain(mark);
      expect(rows.find((r) => r.includes('logo.png'))).not.toContain(mark);
      const items = [...doc.querySelectorAll('#timeline li')];
      const marked = (text: string) => items.find((li) => li.textContent.includes(text))!.textContent.includes(mark);
      expect(marked('logo.png')).toBe(false);
      expect(marked('api/invoices')).toBe(true);
      expect(marked('button "March"')).toBe(true);
      expect(doc.querySelector('#console .origin')!.textContent).toContain(
        t === tEn ? 'Reported by the page' : 'Signalé par la page',
      );
    }
  });
});
