import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../../utils/core/privacy/default-rules';
import { redact } from './redact';

const S = '[REDACTED:secret]';

describe('JSON text', () => {
  it('is parsed, redacted value by value at every depth, and written back', () => {
    const json = JSON.stringify({ data: { attributes: { client_secret: 'x1', count: 3, otp: 482913 } }, ok: false });
    expect(redact(json, ...DEFAULT_RULES)).toEqual({
      text: JSON.stringify({ data: { attributes: { client_secret: S, count: 3, otp: S } }, ok: false }),
      counts: { secret: 2 },
    });
  });

  it('redacts JSON inside a JSON string, and keeps the outer JSON valid', () => {
    const inner = JSON.stringify({ refresh_token: 'r-77', user: 'bob' });
    const { text } = redact(JSON.stringify({ event: 'sync', payload: inner }), ...DEFAULT_RULES);
    expect(JSON.parse(JSON.parse(text).payload)).toEqual({ refresh_token: S, user: 'bob' });
  });

  it('keeps the indentation of pretty-printed JSON', () => {
    const json = JSON.stringify({ user: 'bob', password: 'hunter2' }, null, 2);
    expect(redact(json, ...DEFAULT_RULES).text).toBe(JSON.stringify({ user: 'bob', password: S }, null, 2));
  });

  it('comes back exactly as it was when it holds no secret', () => {
    const json = '{ "orderId" : "ORD-2024-118842",  "total": 129.90, "big": 12345678901234567890 }';
    expect(redact(json, ...DEFAULT_RULES)).toEqual({ text: json, counts: {} });
  });

  it('finds shapes in any string of it, with the same markers as in text', () => {
    const json = '["mail jane@example.org", {"url": "https://x.test/?token=abc&page=2"}]';
    expect(JSON.parse(redact(json, ...DEFAULT_RULES).text)).toEqual([
      'mail [REDACTED:email]',
      { url: 'https://x.test/?token=[REDACTED:url-param]&page=2' },
    ]);
  });

  it('falls back to the text rules when it does not parse (a truncated body)', () => {
    expect(redact('{"password":"hunter2","items":[1,2… [4000 chars]', ...DEFAULT_RULES).text).toBe(
      `{"password":"${S}","items":[1,2… [4000 chars]`,
    );
  });
});

describe('JSON text nested deeper than the stack allows', () => {
  it('is read by the text rules instead, without throwing', () => {
    const deep = '['.repeat(200_000) + '"password=hunter2"' + ']'.repeat(200_000);
    const { text } = redact(deep, ...DEFAULT_RULES);
    expect(text).toContain('password=[REDACTED:secret]');
    expect(text.length).toBe(deep.length + 'REDACTED:secret]'.length + 1 - 'hunter2'.length);
  });
});
