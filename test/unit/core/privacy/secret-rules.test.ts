import { describe, expect, it } from 'vitest';
import {
  authorizationRule,
  jwtRule,
  privateKeyRule,
  providerKeyRule,
} from '../../../../utils/core/privacy/secret-rules';
import { redact } from './redact';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('privateKeyRule', () => {
  it('replaces a whole PEM block and keeps the text around it', () => {
    const pem =
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z\nProc-Type: 4,ENCRYPTED\n-----END RSA PRIVATE KEY-----';
    expect(redact(`key: ${pem} loaded`, privateKeyRule)).toEqual({
      text: 'key: [REDACTED:private-key] loaded',
      counts: { 'private-key': 1 },
    });
  });

  it('hides the rest of a key cut off before its END line', () => {
    expect(redact('"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg… [3000 chars]', privateKeyRule).text).toBe(
      '"[REDACTED:private-key]',
    );
  });

  it('stops at the next armour line and leaves public material', () => {
    const text = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----';
    expect(redact(text, privateKeyRule).text).toBe(
      '[REDACTED:private-key]-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----',
    );
    expect(redact('-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----', privateKeyRule).counts).toEqual({});
  });
});

describe('jwtRule', () => {
  it('replaces a JWT inside text', () => {
    expect(redact(`token ${JWT}, expired`, jwtRule)).toEqual({
      text: 'token [REDACTED:jwt], expired',
      counts: { jwt: 1 },
    });
  });

  it('leaves base64 that is not three eyJ-parts', () => {
    const text = `eyJhbGciOiJIUzI1NiJ9 alone, eyJhbGciOiJIUzI1NiJ9.abc.def, inside a longer token x${JWT}`;
    expect(redact(text, jwtRule).text).toBe(text);
  });
});

describe('providerKeyRule', () => {
  it.each([
    ['AKIAIOSFODNN7EXAMPLE', 'aws-key'],
    ['ASIAIOSFODNN7EXAMPLE', 'aws-key'],
    ['ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789', 'github-token'],
    ['gho_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789', 'github-token'],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnop', 'github-token'],
    ['glpat-abcdefghij1234567890', 'gitlab-token'],
    ['xoxb-1234567890-abcdefghij', 'slack-token'],
    ['sk_live_abcdefghij1234567890AB', 'stripe-key'],
    ['rk_live_abcdefghij1234567890AB', 'stripe-key'],
    ['AIzaSyA1234567890abcdefghijklmnopqrstuv', 'google-api-key'],
    ['sk-proj-abcdefghij1234567890', 'api-key'],
  ])('names %s as %s', (key, kind) => {
    expect(redact(`key=${key} end`, providerKeyRule)).toEqual({
      text: `key=[REDACTED:${kind}] end`,
      counts: { [kind]: 1 },
    });
  });

  it('leaves look-alikes: short, wrong prefix, test keys, kebab-case names', () => {
    const text =
      'AKIA1234 ghp_short glpat-short xoxz-1234567890-abc sk_test_abcdefghij1234567890AB AIzaShort sk-loading-spinner-container task-abcdefghij1234567890';
    expect(redact(text, providerKeyRule).text).toBe(text);
  });
});

describe('authorizationRule', () => {
  it('keeps the scheme and hides the credentials', () => {
    expect(redact('Authorization: Bearer abcDEF123456xyz', authorizationRule)).toEqual({
      text: 'Authorization: Bearer [REDACTED:authorization]',
      counts: { authorization: 1 },
    });
    expect(redact('basic dXNlcjpwYXNzd29yZA== sent', authorizationRule).text).toBe(
      'basic [REDACTED:authorization] sent',
    );
    expect(redact('Token abcdefgh12', authorizationRule).text).toBe('Token [REDACTED:authorization]');
  });

  it('leaves prose that merely follows the words', () => {
    const text = 'Token validation failed. Basic authentication required. Bearer tokens expire. Token short1';
    expect(redact(text, authorizationRule).text).toBe(text);
  });
});
