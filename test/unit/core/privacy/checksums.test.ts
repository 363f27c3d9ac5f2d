import { describe, expect, it } from 'vitest';
import { passesIbanCheck, passesLuhn, passesNirKey } from '../../../../utils/core/privacy/checksums';

describe('passesLuhn', () => {
  it.each(['4111111111111111', '5500005555555559', '378282246310005', '4222222222222', '4000000000000000006'])(
    'accepts %s',
    (digits) => {
      expect(passesLuhn(digits)).toBe(true);
    },
  );

  it.each(['4111111111111112', '1234567890123', '4000000000000000000'])('rejects %s', (digits) => {
    expect(passesLuhn(digits)).toBe(false);
  });
});

describe('passesIbanCheck', () => {
  it.each(['DE89370400440532013000', 'GB82WEST12345698765432', 'FR1420041010050500013M02606', 'NO9386011117947'])(
    'accepts %s',
    (iban) => {
      expect(passesIbanCheck(iban)).toBe(true);
    },
  );

  it.each(['DE89370400440532013001', 'GB82WEST12345698765433', 'DE89 3704', 'DE8937040044053201300!'])(
    'rejects %s',
    (iban) => {
      expect(passesIbanCheck(iban)).toBe(false);
    },
  );
});

describe('passesNirKey', () => {
  it.each([
    ['1850578006084', '91'],
    ['2850519006084', '82'],
    ['285052A006084', '82'],
    ['285052B006084', '12'],
  ])('accepts %s key %s', (number, key) => {
    expect(passesNirKey(number, key)).toBe(true);
  });

  it.each([
    ['1850578006084', '92'],
    ['285052A006084', '86'],
    ['285052C006084', '82'],
    ['18505780060', '91'],
  ])('rejects %s key %s', (number, key) => {
    expect(passesNirKey(number, key)).toBe(false);
  });
});
