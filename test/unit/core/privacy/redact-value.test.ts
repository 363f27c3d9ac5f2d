import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../../utils/core/privacy/default-rules';
import { redactValue } from '../../../../utils/core/privacy/redact-value';
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
        headers: { Authorization: '[REDACTED:secret]', Accept: 'application/json', 'X-Api-Key': '' },
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
