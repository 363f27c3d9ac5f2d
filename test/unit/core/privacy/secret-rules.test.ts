import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../../utils/core/privacy/default-rules';
import { PROVIDER_KEYS } from '../../../../utils/core/privacy/provider-keys';
import { infixKeyRule, jwtRule, privateKeyRule, providerKeyRule } from '../../../../utils/core/privacy/secret-rules';
import { FORMATS, samples } from '../../../support/secret-samples';
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

  it('names Stripe test and restricted keys too: a test key still opens the account’s test data', () => {
    expect(redact('sk_test_abcdefghij1234567890AB rk_live_abcdefghij1234567890AB', providerKeyRule).text).toBe(
      '[REDACTED:stripe-key] [REDACTED:stripe-key]',
    );
  });

  it('finds a token right after an escaped newline in JSON text', () => {
    expect(redact('"log":"deploy\\nnpm_abcdefghijABCDEFGHIJ0123456789abcdef"', providerKeyRule).text).toBe(
      '"log":"deploy\\n[REDACTED:npm-token]"',
    );
  });

  it('leaves look-alikes: short, wrong prefix, public keys, kebab-case names, words inside words', () => {
    const text =
      'AKIA1234 ghp_short glpat-short xoxz-1234567890-abc pk_live_51HqLyjWDarjtT1zdp7dcXqW8 AIzaShort sk-loading-spinner-container task-abcdefghij1234567890 xghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 s.getElementById s.ABCDEFGHIJKLMNOPQRSTUVWX';
    expect(redact(text, providerKeyRule).text).toBe(text);
  });
});

describe('infixKeyRule', () => {
  it.each([
    ['8f14e45fceea167a5a36dedd4bea2543-us21', 'mailchimp-key'],
    ['8f14e45fceea167a5a36dedd4bea2543-1a2b3c4d-5e6f7a8b', 'mailgun-key'],
    ['2/1203456789012345/1209876543210987:8f14e45fceea167a5a36dedd4bea2543', 'asana-token'],
    ['abc8Q~Zx81-Qp2mZx81-Qp2mZx81-Qp2mZx81Qp', 'azure-secret'],
    ['1234567890:AAHk9vR2kLmN4pT7wZa1b2c3d4e5f6g7h8i', 'telegram-token'],
    ['MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs', 'discord-token'],
    ['Xq9vR2kLmN4pT7.atlasv1.Zk9xQwZk9xQwZk9xQwZk9xQwZk9xQwZk9xQwZk9xQwZk9xQwZk9xQwZk9xQwZk9xQw1', 'terraform-token'],
  ])('names %s as %s', (token, kind) => {
    expect(redact(`value ${token} end`, infixKeyRule)).toEqual({
      text: `value [REDACTED:${kind}] end`,
      counts: { [kind]: 1 },
    });
  });

  it('leaves hashes, UUIDs, times and identifier chains', () => {
    const text =
      '9fceb02d0ae598e95dc970b74767f19372d61af8-us 3f2b8c1e-4d5a-4b6c-9d7e-8f9a0b1c2d3e 12:34:56 ModuleLoaderComponentFactor.render.handleClickOnTheButtonNowPlease 2024-06-10T12:34:56Z';
    expect(redact(text, infixKeyRule).text).toBe(text);
  });
});

describe('every recognised format', () => {
  // Formats with a shape of their own; the others are found by the name beside them (corpora.test.ts).
  const shaped = FORMATS.filter((format) => !format.byName && !format.personal && !format.link);
  const generated = samples(11, 20);

  it.each(shaped.map((format) => [format.id, format] as const))(
    '%s: 20 generated samples are all hidden in running text',
    (_, format) => {
      for (const { value } of generated.filter((sample) => sample.format === format)) {
        const secret = format.secret ? format.secret(value) : value;
        const { text } = redact(`Upload failed: ${value} was rejected`, ...DEFAULT_RULES);
        expect(text).not.toContain(secret.split('\n').find(Boolean));
        expect(text).toMatch(/^Upload failed: .*\[REDACTED:[a-z0-9-]+\].* was rejected$/s);
      }
    },
  );

  it('has a table of over fifty kinds of token, each entry starting with its literal prefix', () => {
    for (const { source } of PROVIDER_KEYS) expect(source).toMatch(/^(?:[A-Za-z0-9_]|\(\?:[A-Za-z0-9])/);
    expect(new Set(PROVIDER_KEYS.map(({ kind }) => kind)).size).toBeGreaterThanOrEqual(50);
  });
});
