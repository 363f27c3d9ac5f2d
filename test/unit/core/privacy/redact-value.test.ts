import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../../utils/core/privacy/default-rules';
import { redactValue } from '../../../../utils/core/privacy/redact';
import type { RedactionCounts } from '../../../../utils/core/privacy/rule';

function redactWithCounts(value: unknown, skip = {}) {
  const counts: RedactionCounts = {};
  return { value: redactValue(value, DEFAULT_RULES, counts, skip), counts };
}

describe('redactValue', () => {
  it('hides every string under a sensitive key, whatever it looks like, and keeps other types', () => {
    const value = {
      headers: { Authorization: 'Basic abc', Accept: 'application/json', 'X-Api-Key': '' },
      form: { user: 'jane', password: 'hunter2', pin: 1234 },
      credentials: { user: 'bob', tokens: ['a', 'b'], remember: true },
      keyboard: 'de',
      monkey: 'see',
      author: 'Jane',
    };
    expect(redactWithCounts(value)).toEqual({
      value: {
        headers: { Authorization: 'Basic [REDACTED:secret]', Accept: 'application/json', 'X-Api-Key': '' },
        form: { user: 'jane', password: '[REDACTED:secret]', pin: 1234 },
        credentials: { user: '[REDACTED:secret]', tokens: ['[REDACTED:secret]', '[REDACTED:secret]'], remember: true },
        keyboard: 'de',
        monkey: 'see',
        author: 'Jane',
      },
      counts: { secret: 5 },
    });
  });

  it('applies the text rules to strings at any depth, in arrays too', () => {
    expect(redactWithCounts({ a: [{ b: ['mail a@example.com'] }], n: 1, z: null }).value).toEqual({
      a: [{ b: ['mail [REDACTED:email]'] }],
      n: 1,
      z: null,
    });
  });

  it('leaves skipped paths as they are, with * for array elements', () => {
    const value = { keep: 'a@example.com', list: [{ keep: 'b@example.com', mail: 'c@example.com' }] };
    expect(redactWithCounts(value, { keep: true, list: { '*': { keep: true } } }).value).toEqual({
      keep: 'a@example.com',
      list: [{ keep: 'b@example.com', mail: '[REDACTED:email]' }],
    });
  });

  it('does not change its input', () => {
    const value = { mail: 'a@example.com', nested: [{ password: 'x' }] };
    const before = structuredClone(value);
    redactWithCounts(value);
    expect(value).toEqual(before);
  });

  it('copies a __proto__ key as data, not as a prototype', () => {
    const value: unknown = JSON.parse('{"__proto__":{"mail":"a@example.com"}}');
    const redacted = redactWithCounts(value).value as Record<string, unknown>;
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(redacted, '__proto__')?.value).toEqual({ mail: '[REDACTED:email]' });
  });
});

describe('redactValue, arrays and records', () => {
  it('hides the item after a secret’s name in an array (console arguments, argv)', () => {
    expect(redactWithCounts(['password', 'hunter2']).value).toEqual(['password', '[REDACTED:secret]']);
    expect(redactWithCounts(['deploy', '--token', 't0k3n-abc', '--verbose']).value).toEqual([
      'deploy',
      '--token',
      '[REDACTED:secret]',
      '--verbose',
    ]);
  });

  it('leaves a list of field names', () => {
    const value = { missing: ['username', 'password', 'email'] };
    expect(redactWithCounts(value).value).toEqual(value);
  });

  it('hides the value of a name/value record (HAR headers, serialised forms)', () => {
    const value = [
      { name: 'Authorization', value: 'Bearer abc' },
      { name: 'Accept', value: '*/*' },
      { name: 'password', type: 'password', value: 'hunter2' },
    ];
    expect(redactWithCounts(value).value).toEqual([
      { name: 'Authorization', value: 'Bearer [REDACTED:secret]' },
      { name: 'Accept', value: '*/*' },
      { name: 'password', type: 'password', value: '[REDACTED:secret]' },
    ]);
  });

  it('goes inside a weak name’s object, and hides a weak name’s string only when it looks generated', () => {
    const value = {
      auth: { user: 'jane', token: 'abc' },
      session: 'active',
      prefs: { key: 'Enter' },
      key: '5f4dcc3b5aa765d61d83',
    };
    expect(redactWithCounts(value).value).toEqual({
      auth: { user: 'jane', token: '[REDACTED:secret]' },
      session: 'active',
      prefs: { key: 'Enter' },
      key: '[REDACTED:secret]',
    });
  });

  it('in values from JSON text, hides numbers under a secret’s name too', () => {
    const counts: RedactionCounts = {};
    expect(redactValue({ otp: 482913, n: 3 }, DEFAULT_RULES, counts, {}, { json: true })).toEqual({
      otp: '[REDACTED:secret]',
      n: 3,
    });
  });
});
