import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../utils/core/wire/page-protocol';
import { compileAdminPatterns } from '../../../../utils/core/privacy/admin-patterns';
import { DEFAULT_RULES } from '../../../../utils/core/privacy/default-rules';
import { redactTicket } from '../../../../utils/core/privacy/redact-ticket';
import { ticketSchema, type Ticket } from '../../../../utils/core/model/ticket';

const GITHUB_TOKEN = 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789';
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.85 Safari/537.36';

/** A valid ticket with a secret planted in every kind of text field, next to text that must stay. */
function plantedTicket(): Ticket {
  return ticketSchema.parse({
    version: 1,
    id: '123e4567-e89b-42d3-a456-426614174000',
    createdAt: '2024-06-10T12:34:56.789Z',
    reporter: { name: 'Jane Doe', email: 'jane@example.com' },
    description: `Saving fails since 10:30. I pasted my token ${GITHUB_TOKEN} in the form, card 4111 1111 1111 1111.`,
    category: 'Billing',
    urgency: 'high',
    page: {
      url: 'https://app.example.com/orders?session=abc123&page=2',
      title: 'Orders for jane@example.com',
      referrer: 'https://jane:pw@sso.example.com/login',
      readyState: 'complete',
      visibility: 'visible',
      timing: { ttfb: 120, load: 900 },
    },
    environment: {
      userAgent: USER_AGENT,
      browser: { name: 'Chrome', version: '131.0.6778.85' },
      os: { name: 'Linux' },
      viewport: { width: 1280, height: 800 },
      devicePixelRatio: 1,
      colorScheme: 'light',
      language: 'de-DE',
      languages: ['de-DE', 'en'],
      timeZone: 'Europe/Berlin',
      localTime: '2024-06-10 14:34:56',
      extensionVersion: '0.1.0',
    },
    console: [
      {
        level: 'error',
        kind: 'console',
        message: 'Login failed {user: "jane", password: "hunter2"}',
        stack: 'at login (https://app.example.com/main.js?sig=f00d:1:2)',
        source: 'https://app.example.com/main.js?token=xyz',
        time: 1718000000006,
        count: 1,
      },
      {
        level: 'warn',
        kind: 'error',
        message: "TypeError: Cannot read properties of undefined (reading 'id')",
        time: 1718000000014,
        count: 2,
      },
    ],
    network: [
      {
        source: 'page',
        method: 'GET',
        url: 'https://api.example.com/v1/me?access_token=ya29abc&lang=de',
        status: 401,
        error: 'rejected Bearer abcDEF123456',
        type: 'fetch',
        durationMs: 40,
        time: 1718000000100,
        count: 1,
      },
    ],
    steps: [
      {
        kind: 'navigation',
        label: 'https://app.example.com/#access_token=xyz&state=1',
        how: 'hashchange',
        time: 1718000000200,
      },
      { kind: 'click', label: 'button "Send to bob@example.com"', selector: 'button.send', time: 1718000000300 },
    ],
    screenshot: { attachment: 'screenshot.png', type: 'image/png', size: 1000, width: 1280, height: 800 },
    capture: {
      recorderInstalledAt: '2024-06-10T12:00:00.000Z',
      recorderMissing: false,
      dropped: { console: 0, network: 0, steps: 0 },
    },
  });
}

describe('redactTicket', () => {
  it('redacts every text field, leaves the rest, and counts by kind', () => {
    const input = plantedTicket();
    const { ticket, counts } = redactTicket(input, DEFAULT_RULES);
    const expected = plantedTicket();
    expected.description =
      'Saving fails since 10:30. I pasted my token [REDACTED:github-token] in the form, card [REDACTED:card].';
    expected.page.url = 'https://app.example.com/orders?session=[REDACTED:url-param]&page=2';
    expected.page.title = 'Orders for [REDACTED:email]';
    expected.page.referrer = 'https://[REDACTED:url-userinfo]@sso.example.com/login';
    expected.console[0].message = 'Login failed {user: "jane", password: "[REDACTED:secret]"}';
    expected.console[0].stack = 'at login (https://app.example.com/main.js?sig=[REDACTED:url-param]:1:2)';
    expected.console[0].source = 'https://app.example.com/main.js?token=[REDACTED:url-param]';
    expected.network![0].url = 'https://api.example.com/v1/me?access_token=[REDACTED:url-param]&lang=de';
    expected.network![0].error = 'rejected Bearer [REDACTED:authorization]';
    expected.steps![0].label = 'https://app.example.com/#access_token=[REDACTED:url-param]&state=1';
    expected.steps![1].label = 'button "Send to [REDACTED:email]"';
    expect(ticket).toEqual(expected);
    expect(counts).toEqual({
      'github-token': 1,
      card: 1,
      'url-param': 5,
      email: 2,
      'url-userinfo': 1,
      secret: 1,
      authorization: 1,
    });
  });

  it('does not change its input', () => {
    const input = plantedTicket();
    redactTicket(input, DEFAULT_RULES);
    expect(input).toEqual(plantedTicket());
  });

  it('returns a ticket the schema accepts', () => {
    const { ticket } = redactTicket(plantedTicket(), DEFAULT_RULES);
    expect(() => ticketSchema.parse(ticket)).not.toThrow();
  });

  it('cuts a field that markers pushed past its limit back to it', () => {
    const input = plantedTicket();
    input.page.url = 'https://example.com/?' + 'x'.repeat(LIMITS.urlChars - 40) + '&pass=12&sid=34';
    const { ticket, counts } = redactTicket(input, DEFAULT_RULES);
    expect(ticket.page.url).toBe('https://example.com/?' + 'x'.repeat(LIMITS.urlChars - 40) + '&pass=…');
    expect(counts['url-param']).toBe(6); // two here, four elsewhere in the ticket
    expect(() => ticketSchema.parse(ticket)).not.toThrow();
  });

  it('redacts string fields the skip list does not know, so new schema fields are covered', () => {
    const input = { ...plantedTicket(), comment: 'mail bob@example.com' } as Ticket;
    const { ticket } = redactTicket(input, DEFAULT_RULES);
    expect((ticket as Ticket & { comment: string }).comment).toBe('mail [REDACTED:email]');
  });

  it('applies admin rules to the ticket too', () => {
    const { rules } = compileAdminPatterns(['Billing']);
    const { ticket, counts } = redactTicket(plantedTicket(), [...DEFAULT_RULES, ...rules]);
    expect(ticket.category).toBe('[REDACTED:custom]');
    expect(counts.custom).toBe(1);
  });
});
