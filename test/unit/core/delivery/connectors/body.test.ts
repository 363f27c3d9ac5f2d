import { describe, expect, it } from 'vitest';
import { redmineBody, ticketBody, ticketTitle } from '../../../../../utils/core/delivery/connectors/body';
import { redmineIssue } from '../../../../../utils/core/delivery/connectors/redmine';
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
        'Errors reported by the page, which could have written anything here:',
        '- Failed to load invoices (×2)',
        '',
        `Mayday report ${t.id}. All details are in the attached report.json.`,
      ].join('\n'),
    );
    expect(html).toBe(
      '<p>Empty list</p><p>Second paragraph</p>' +
        '<p><b>Page:</b> Invoices — <a href="https://intranet.example.org/invoices">https://intranet.example.org/invoices</a><br>' +
        '<b>Browser:</b> Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0</p>' +
        '<p><b>Errors reported by the page, which could have written anything here:</b></p><ul><li>Failed to load invoices (×2)</li></ul>' +
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

describe('the Redmine body', () => {
  const NASTY = [
    '"Reset your password":https://evil.example/reset !https://evil.example/px.png!',
    '[Reset](https://evil.example/reset) ![px](https://evil.example/px.png) <https://evil.example/auto>',
    '<img src=https://evil.example/x.png onerror=alert(1)> <a href="https://evil.example">x</a>',
    'www.evil.example mail@evil.example {{macro}} [[Wiki]] #123 *bold* _em_ `code` h1. Title',
  ];
  const nasty = () =>
    ticket((base) => ({
      description: NASTY[3],
      page: { ...base.page, title: NASTY[0], url: 'https://evil.example/?q=' + NASTY[1] },
      console: NASTY.map((message, i) => ({
        level: 'error' as const,
        kind: 'console' as const,
        message,
        time: i,
        count: 1,
      })),
    }));
  // What Textile or Markdown (Redmine's two formats) read as a link, an image, HTML, an
  // auto-linked address or a Redmine macro; the body's own labels have none of these.
  const MARKUP = /["![\]()<>`*_{}#@]|:\/\/|www\./;

  it('leaves nothing from the page or the person that Textile or Markdown could read as a link, image or markup', () => {
    const body = redmineBody(nasty());
    // Numeric character references are text in both formats.
    for (const line of body.split('\n')) expect(line.replace(/&#\d+;/g, '')).not.toMatch(MARKUP);
    // Without the escaping these are there (the test can fail).
    expect(ticketBody(nasty()).text).toMatch(MARKUP);
  });

  it('shows the same characters once rendered: numeric references that both formats turn back into text', () => {
    const decoded = redmineBody(nasty())
      .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
      .replace(/\u2060/g, '');
    expect(decoded).toBe(ticketBody(nasty()).text);
  });

  it('is what the Redmine connector sends as the description', () => {
    const report = { ...samplePayload(), ticket: nasty() };
    const issue = redmineIssue(
      { type: 'redmine', url: 'https://redmine.example', apiKey: 'k', projectId: 'p' } as never,
      report,
      [],
    );
    expect(issue.issue.description).toBe(redmineBody(nasty()));
  });
});

describe('the HTML body (GLPI, Zammad, RT)', () => {
  it('keeps markup from the page as text: no element but its own, one link, to the reported page', () => {
    const t = ticket((base) => ({
      description: '<img src=https://evil.example/d.png> [x](https://evil.example/md)',
      page: { ...base.page, title: '<a href="https://evil.example/t">t</a>', url: 'https://app.test/x' },
      console: [
        {
          level: 'error',
          kind: 'console',
          message: '<script>alert(1)</script><img src=x onerror=alert(1)>',
          time: 1,
          count: 1,
        },
      ],
    }));
    const { html } = ticketBody(t);
    const tags = [...html.matchAll(/<([a-z]+)/g)].map((m) => m[1]);
    expect(new Set(tags)).toEqual(new Set(['p', 'b', 'br', 'a', 'ul', 'li']));
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['https://app.test/x']);
  });
});
