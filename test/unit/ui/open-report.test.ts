import { describe, expect, it } from 'vitest';
import { openReportFiles, parseReport, reportFromDraft, type FileLike } from '../../../utils/ui/open-report';
import { sampleDraft, sampleTicket, TINY_PNG } from '../../support/sample-ticket';
import { BUILD_CONTEXT } from '../../support/tickets';

const PNG_BASE64 = TINY_PNG.slice(TINY_PNG.indexOf(',') + 1);

function file(name: string, content: string | Buffer, type = ''): FileLike {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    name,
    type,
    text: async () => bytes.toString('utf8'),
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}

describe('openReportFiles', () => {
  it('opens report.json with the screenshot picked alongside it', async () => {
    const ticket = sampleTicket();
    const result = await openReportFiles([
      file('screenshot.png', Buffer.from(PNG_BASE64, 'base64'), 'image/png'),
      file('report.json', JSON.stringify(ticket)),
    ]);
    expect(result).toEqual({ ok: true, report: { ticket, screenshot: { dataUrl: TINY_PNG } } });
  });

  it('opens report.json alone, without a screenshot', async () => {
    const ticket = sampleTicket();
    expect(await openReportFiles([file('report.json', JSON.stringify(ticket), 'application/json')])).toEqual({
      ok: true,
      report: { ticket, screenshot: undefined },
    });
  });

  it('says what is wrong with what was picked', async () => {
    expect(await openReportFiles([file('shot.png', 'x', 'image/png')])).toEqual({ ok: false, problem: 'no-json' });
    expect(await openReportFiles([file('report.json', '{"ticket":')])).toEqual({
      ok: false,
      problem: 'not-json',
      file: 'report.json',
    });
    const { description: _, ...undescribed } = sampleTicket();
    expect(await openReportFiles([file('report.json', JSON.stringify(undescribed))])).toEqual({
      ok: false,
      problem: 'invalid',
      file: 'report.json',
      detail: 'description: Invalid input: expected string, received undefined',
    });
  });
});

describe('parseReport', () => {
  it('reads a whole webhook body and takes the screenshot the ticket names', () => {
    const ticket = sampleTicket();
    const body = {
      ticket,
      attachments: [
        { filename: 'other.png', contentType: 'image/png', data: 'AAAA' },
        { filename: 'screenshot.png', contentType: 'image/png', data: PNG_BASE64 },
      ],
    };
    expect(parseReport(body, 'body.json')).toEqual({ ok: true, report: { ticket, screenshot: { dataUrl: TINY_PNG } } });
    expect(parseReport({ ticket: { ...ticket, version: 2 } }, 'body.json')).toMatchObject({
      problem: 'invalid',
      detail: 'ticket.version: Invalid input: expected 1',
    });
  });

  it('drops an attachment that is not an image it can show', () => {
    const ticket = sampleTicket();
    const body = {
      ticket,
      attachments: [{ filename: 'screenshot.png', contentType: 'image/png', data: '"><script>' }],
    };
    expect(parseReport(body, 'body.json')).toEqual({ ok: true, report: { ticket, screenshot: undefined } });
  });
});

describe('reportFromDraft', () => {
  const draft = sampleDraft({ description: '  ' });
  const ctx = { extensionVersion: '0.1.0', fallbackUserAgent: 'UA', fallbackLanguage: 'fr', t: BUILD_CONTEXT.t };

  it('shows a draft as the ticket it would send, dated when it was captured', () => {
    const result = reportFromDraft(draft, ctx, '(not described yet)');
    expect(result).toMatchObject({
      ok: true,
      report: {
        ticket: { description: '(not described yet)', createdAt: '2026-03-04T09:15:00.000Z' },
        screenshot: { dataUrl: TINY_PNG },
      },
    });
  });

  it('says which field a damaged draft breaks', () => {
    expect(reportFromDraft({ ...draft, ticketId: 'nope' }, ctx, '-')).toEqual({
      ok: false,
      problem: 'invalid',
      file: 'd1',
      detail: 'id: Invalid UUID',
    });
  });
});
