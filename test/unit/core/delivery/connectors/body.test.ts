import { describe, expect, it } from 'vitest';
import { ticketBody, ticketTitle } from '../../../../../utils/core/delivery/connectors/body';
import type { Ticket } from '../../../../../utils/core/model/ticket';
import { samplePayload } from '../../../../support/tickets';

function ticket(change: (t: Ticket) => Partial<Ticket>): Ticket {
  const base = samplePayload().ticket;
  return { ...base, ...change(base) };
}

describe('ticket title', () => {
  it('is the first line of the description', () => {
    expect(ticketTitle(ticket(() => ({ description: '  Printing fails  \r\nsince this morning' })))).toBe(
      'Printing fails',
    );
  });

  it('is clipped to 100 characters with an ellipsis', () => {
    const title = ticketTitle(ticket(() => ({ description: 'x'.repeat(150) })));
    expect(title).toHaveLength(100);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('ticket body', () => {
  it('gives the description, page, browser, errors and report id, as text and as HTML', () => {
    const t = ticket(() => ({ description: 'Empty list\n\nSecond paragraph' }));
    const { text, html } = ticketBody(t);
    expect(text).toBe(
      [
        'Empty list',
        '',
        'Second paragraph',
        '',
        'Page: Invoices — https://intranet.example.org/invoices',
        'Browser: Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0',
        '',
        'Errors reported by the page (it could have written anything here):',
        '- Failed to load invoices (×2)',
        '',
        `Mayday report ${t.id}. All details are in the attached report.json.`,
      ].join('\n'),
    );
    expect(html).toBe(
      '<p>Empty list</p><p>Second paragraph</p>' +
        '<p><b>Page:</b> Invoices — <a href="https://intranet.example.org/invoices">https://intranet.example.org/invoices</a><br>' +
        '<b>Browser:</b> Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0</p>' +
        '<p><b>Errors reported by the page (it could have written anything here):</b></p><ul><li>Failed to load invoices (×2)</li></ul>' +
        `<p>Mayday report ${t.id}. All details are in the attached report.json.</p>`,
    );
  });

  it('escapes everything that came from the page or the person, and links only web addresses', () => {
    const t = ticket((base) => ({
      description: '<img src=x onerror=alert(1)> & "quotes"',
      page: { url: 'file:///C:/secret"><script>', title: '<b>Title</b>' },
      console: [{ ...base.console[0], message: '<script>alert("x")</script>', count: 1 }],
    }));
    const { html } = ticketBody(t);
    expect(html).not.toMatch(/<(img|script|b>Title)/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(html).toContain('&lt;b&gt;Title&lt;/b&gt; — file:///C:/secret&quot;&gt;&lt;script&gt;<br>');
    expect(html).toContain('<li>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</li>');
  });

  it('keeps the last five errors, each clipped, and leaves warnings out', () => {
    const t = ticket((base) => ({
      console: [
        { ...base.console[0], level: 'warn', message: 'a warning' },
        ...Array.from({ length: 7 }, (_, n) => ({
          ...base.console[0],
          message: `error ${n} ${'y'.repeat(400)}`,
          count: 1,
        })),
      ],
    }));
    const lines = ticketBody(t)
      .text.split('\n')
      .filter((line) => line.startsWith('- '));
    expect(lines.map((line) => line.slice(0, 9))).toEqual([
      '- error 2',
      '- error 3',
      '- error 4',
      '- error 5',
      '- error 6',
    ]);
    expect(lines.every((line) => line.length === 302 && line.endsWith('…'))).toBe(true);
    expect(ticketBody(t).text).not.toContain('a warning');
  });
});
