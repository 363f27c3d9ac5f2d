import { describe, expect, it } from 'vitest';
import { utf8ToBase64 } from '../../../../utils/core/encoding';
import { ticketAttachments } from '../../../../utils/core/ticket/attachments';
import { buildTicket } from '../../../../utils/core/ticket/build';
import { renderReportHtml } from '../../../../utils/core/ticket/report-html';
import { outgoingReportSchema } from '../../../../utils/core/model/ticket';
import { sampleDraft, sampleTicket, tEn, tFr, TINY_PNG } from '../../../support/sample-ticket';

const decode = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');

describe('ticketAttachments', () => {
  it('sends the screenshot, report.json and report.html, in that order', () => {
    const ticket = sampleTicket();
    const files = ticketAttachments(ticket, { dataUrl: TINY_PNG }, tEn);
    expect(files.map((f) => [f.filename, f.contentType])).toEqual([
      ['screenshot.png', 'image/png'],
      ['report.json', 'application/json'],
      ['report.html', 'text/html; charset=utf-8'],
    ]);
    expect(files[0].data).toBe(TINY_PNG.slice(TINY_PNG.indexOf(',') + 1));
    expect(JSON.parse(decode(files[1].data))).toEqual(ticket);
    expect(decode(files[2].data)).toBe(renderReportHtml(ticket, { t: tEn, screenshot: { dataUrl: TINY_PNG } }));
  });

  it('sends report.json and report.html alone when there is no screenshot', () => {
    const files = ticketAttachments(sampleTicket({ screenshot: null }), null, tEn);
    expect(files.map((f) => f.filename)).toEqual(['report.json', 'report.html']);
  });

  it('encodes text as UTF-8 base64, long texts included', () => {
    expect(utf8ToBase64('Café — ✓ 🚀')).toBe(Buffer.from('Café — ✓ 🚀').toString('base64'));
    const long = 'é'.repeat(100_000);
    expect(decode(utf8ToBase64(long))).toBe(long);
  });
});

describe('buildTicket', () => {
  const draft = sampleDraft();
  const ctx = {
    now: Date.parse('2026-03-04T09:16:00Z'),
    extensionVersion: '0.1.0',
    fallbackUserAgent: 'UA',
    fallbackLanguage: 'fr',
  };

  it('returns a payload the receiver accepts, with the three files, in the language asked for', () => {
    const payload = buildTicket(draft, 'Nothing loads', { ...ctx, t: tFr });
    expect(outgoingReportSchema.parse(payload)).toEqual(payload);
    expect(payload.ticket.screenshot).toEqual({
      attachment: 'screenshot.png',
      type: 'image/png',
      size: 68,
      width: 2,
      height: 2,
      mode: 'visible',
      masks: 0,
      ...(draft.context ? { devicePixelRatio: draft.context.devicePixelRatio } : {}),
    });
    expect(payload.attachments.map((a) => a.filename)).toEqual(['screenshot.png', 'report.json', 'report.html']);
    expect(decode(payload.attachments[2].data)).toContain('<h1 id="summary-h">Ce qui ne va pas</h1>');
  });
});
