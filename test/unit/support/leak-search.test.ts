/** The E2E corpus search must find a secret however it was encoded, or a green run means nothing. */
import { describe, expect, it } from 'vitest';
import { findIn, findLeaks, readableForms } from '../../support/leak-search';

const SECRET = 'Tr0ub4dor&3-Corpus';
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('findLeaks', () => {
  it.each([
    ['as is', `password is ${SECRET}`],
    ['JSON-escaped', JSON.stringify({ note: `line\n"${SECRET}"` })],
    ['HTML-escaped', '<pre>Tr0ub4dor&amp;3-Corpus</pre>'],
    ['percent-encoded', `https://x.example/?p=${encodeURIComponent(SECRET)}`],
    ['in a base64 attachment', JSON.stringify({ data: b64(`report ${SECRET} end`) })],
    [
      'in a data URL inside base64 HTML',
      JSON.stringify({ data: b64(`<img src="data:text/plain;base64,${b64(`xx ${SECRET} yy`)}">`) }),
    ],
    ['in another case', `PASSWORD IS ${SECRET.toUpperCase()}`],
  ])('finds a secret %s', (_, text) => {
    expect(findLeaks([SECRET, 'absent-secret-42'], [Buffer.from(text)])).toEqual([SECRET]);
  });

  it('finds a card number or IBAN written without its spaces or dashes', () => {
    const found = findLeaks(
      ['4000 0566 5566 5556', 'GB82 WEST 1234 5698 7654 32'],
      [Buffer.from('4000056655665556 / GB82WEST12345698765432')],
    );
    expect(found).toHaveLength(2);
  });

  it('finds nothing in a redacted report', () => {
    const report = JSON.stringify({ message: 'password=[REDACTED:secret]', data: b64('<p>[REDACTED:card]</p>') });
    expect(findLeaks([SECRET, '4000 0566 5566 5556'], [Buffer.from(report)])).toEqual([]);
  });
});

describe('findIn', () => {
  it('matches needles exactly, without the card spellings', () => {
    expect(findIn(['4000 0566'], [Buffer.from('40000566')])).toEqual([]);
    expect(findIn(['code: "E_TIMEOUT"'], [Buffer.from(JSON.stringify('{code: "E_TIMEOUT"}'))])).toEqual([
      'code: "E_TIMEOUT"',
    ]);
  });

  it('reads bytes as UTF-8 and Latin-1', () => {
    expect(readableForms(Buffer.from('café'))).toEqual(expect.arrayContaining(['café']));
  });
});
