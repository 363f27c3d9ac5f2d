import { describe, expect, it } from 'vitest';
import { cardRule, emailRule, ibanRule, nirRule } from '../../../../utils/core/privacy/personal-rules';
import { redact } from './redact';

describe('emailRule', () => {
  it('replaces addresses', () => {
    expect(redact('mail jane.doe+it@mail.example.co.uk, or bob@example.com.', emailRule)).toEqual({
      text: 'mail [REDACTED:email], or [REDACTED:email].',
      counts: { email: 2 },
    });
  });

  it('reads a percent-encoded address, as URLs carry it', () => {
    expect(redact('GET /api/users/jane.doe%40example.org/orders?notify=ops%40example.com', emailRule).text).toBe(
      'GET /api/users/[REDACTED:email]/orders?notify=[REDACTED:email]',
    );
    expect(redact('?redirect=%2Fprofile%3Fu%3Djane%40example.org', emailRule).text).toBe(
      '?redirect=%2Fprofile%3Fu%3D[REDACTED:email]',
    );
  });

  it('leaves stack frames, package versions, scoped packages and retina images', () => {
    const text =
      'onClick@https://app.example.com/main.js:1:2 react@18.2.0 /node_modules/@babel/core logo@2x.png icon@1.5x.webp user@localhost';
    expect(redact(text, emailRule).text).toBe(text);
  });
});

describe('cardRule', () => {
  it.each([
    ['4111111111111111', 'Visa'],
    ['4111 1111 1111 1111', 'Visa, spaced'],
    ['5500-0055-5555-5559', 'Mastercard, dashed'],
    ['3782 822463 10005', 'Amex'],
    ['4222222222222', '13 digits'],
    ['4000000000000000006', '19 digits'],
    ['4111.1111.1111.1111', 'Visa, dotted'],
    ['4111/1111/1111/1111', 'Visa, with slashes'],
    ['2223 0031 2200 3222', 'Mastercard 2-series'],
  ])('replaces %s (%s)', (card) => {
    expect(redact(`paid with ${card}.`, cardRule)).toEqual({ text: 'paid with [REDACTED:card].', counts: { card: 1 } });
  });

  it('leaves digit runs failing Luhn, epoch milliseconds, and runs of the wrong length', () => {
    // 1718000000006 passes Luhn but is a timestamp: cards do not start with 1.
    const text = 'order 4111111111111112, at 1718000000006, id 123456789012, ref 41111111111111111111';
    expect(redact(text, cardRule).text).toBe(text);
  });

  it('finds a card inside a longer run of groups', () => {
    expect(redact('ref 123 4111 1111 1111 1111 2024', cardRule).text).toBe('ref 123 [REDACTED:card] 2024');
  });

  it('leaves dates, IP addresses, versions and SIRET numbers', () => {
    const text = '2024/06/10 10.0.12.7 131.0.6778.85 SIRET 732 829 320 00074 2024.06.10.1842';
    expect(redact(text, cardRule).text).toBe(text);
  });

  it('leaves decimals, hashes, phone numbers and short groups', () => {
    const text = '0.4111111111111111 a4111111111111111 +49 4111 1111 111 1 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1';
    expect(redact(text, cardRule).text).toBe(text);
  });
});

describe('ibanRule', () => {
  it('replaces compact and printed IBANs, keeping a word the print form took in', () => {
    expect(
      redact(
        'to DE89370400440532013000 or GB82 WEST 1234 5698 7654 32 or DE89 3704 0044 0532 0130 00 THEN paid',
        ibanRule,
      ),
    ).toEqual({
      text: 'to [REDACTED:iban] or [REDACTED:iban] or [REDACTED:iban] THEN paid',
      counts: { iban: 3 },
    });
  });

  it('leaves IBAN-shaped text failing mod-97 and lowercase identifiers', () => {
    const text = 'DE89370400440532013001 DE89 3704 0044 0532 0130 01 AB12CDEFGHIJKLMNOP de89370400440532013000';
    expect(redact(text, ibanRule).text).toBe(text);
  });
});

describe('nirRule', () => {
  it.each([
    ['1 85 05 78 006 084 91', 'with spaces'],
    ['185057800608491', 'compact'],
    ['2 85 05 2A 006 084 82', 'Corsica, 2A'],
    ['1.85.05.78.006.084.91', 'dotted'],
  ])('replaces %s (%s)', (nir) => {
    expect(redact(`n° sécu ${nir}.`, nirRule)).toEqual({ text: 'n° sécu [REDACTED:nir].', counts: { nir: 1 } });
  });

  it('leaves numbers whose key does not check, and other 15-digit runs', () => {
    const text = '1 85 05 78 006 084 36 185057800608492 100000000123456 2 85 13 75 006 084 82';
    expect(redact(text, nirRule).text).toBe(text);
  });
});
