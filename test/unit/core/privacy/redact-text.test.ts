import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../../utils/core/privacy/default-rules';
import { keyValueRule } from '../../../../utils/core/privacy/key-value-rules';
import { redactText } from '../../../../utils/core/privacy/redact';
import type { RedactionCounts, RedactionRule } from '../../../../utils/core/privacy/rule';
import { jwtRule } from '../../../../utils/core/privacy/secret-rules';
import { mixedText, PLANTED_SECRETS } from '../../../support/mixed-text';
import { redact } from './redact';

const JWT = PLANTED_SECRETS.jwt;

describe('redactText', () => {
  it('applies every default rule in one text and counts by kind', () => {
    const text = [
      `GET https://bob:pw@api.example.com/me?access_token=abc123&page=2 -> 401`,
      `Authorization: Bearer ${JWT}`,
      `{"user":"jane@example.com","password":"hunter2","card":"4111 1111 1111 1111"}`,
      `AWS AKIAIOSFODNN7EXAMPLE, IBAN DE89370400440532013000, Chrome/131.0.6778.85`,
    ].join('\n');
    expect(redact(text, ...DEFAULT_RULES)).toEqual({
      text: [
        'GET https://[REDACTED:url-userinfo]@api.example.com/me?access_token=[REDACTED:url-param]&page=2 -> 401',
        'Authorization: Bearer [REDACTED:jwt]',
        '{"user":"[REDACTED:email]","password":"[REDACTED:secret]","card":"[REDACTED:card]"}',
        'AWS [REDACTED:aws-key], IBAN [REDACTED:iban], Chrome/131.0.6778.85',
      ].join('\n'),
      counts: { 'url-userinfo': 1, 'url-param': 1, jwt: 1, email: 1, secret: 1, card: 1, 'aws-key': 1, iban: 1 },
    });
  });

  it('lets a later rule take over the count of a marker it swallows', () => {
    // The jwt marker disappears into the Cookie header's marker: counts follow what is left.
    expect(redact(`Cookie: jwt=${JWT}; theme=dark`, jwtRule, keyValueRule)).toEqual({
      text: 'Cookie: [REDACTED:secret]',
      counts: { secret: 1 },
    });
  });

  it('never counts below zero for markers that were in the input', () => {
    expect(redact('Cookie: [REDACTED:jwt]; theme=dark', keyValueRule).counts).toEqual({ secret: 1 });
  });

  it('adds to the counts it is given', () => {
    const counts: RedactionCounts = { email: 2 };
    redactText('a@example.com', DEFAULT_RULES, counts);
    expect(counts).toEqual({ email: 3 });
  });

  it('skips empty matches, matches a rule keeps, and rules whose pre-check says no', () => {
    const everyGap: RedactionRule = { kind: 'gap', pattern: /x*/g };
    const keepAll: RedactionRule = { kind: 'keep', pattern: /b/g, replace: () => null };
    const neverRuns: RedactionRule = { kind: 'never', pattern: /c/g, mayMatch: () => false };
    expect(redact('abc', everyGap, keepAll, neverRuns)).toEqual({ text: 'abc', counts: {} });
  });

  it('leaves no planted secret in generated mixed text', () => {
    const counts: RedactionCounts = {};
    const redacted = redactText(mixedText(500_000), DEFAULT_RULES, counts);
    for (const secret of Object.values(PLANTED_SECRETS)) expect(redacted).not.toContain(secret);
    expect(Object.keys(counts).sort()).toEqual([
      'aws-key',
      'card',
      'email',
      'jwt',
      'nir',
      'secret',
      'stripe-key',
      'url-param',
      'url-path',
    ]);
  });
});
