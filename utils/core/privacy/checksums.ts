/** Check digits that tell a real card number or IBAN from a digit run that only looks like one. */

/** Luhn (mod 10) over a string of digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/** ISO 13616 mod-97 over a compact, uppercase IBAN (country, check digits, BBAN). */
export function passesIbanCheck(iban: string): boolean {
  let remainder = 0;
  for (let i = 0; i < iban.length; i++) {
    // The first four characters count last; letters count as two digits (A = 10 … Z = 35).
    const code = iban.charCodeAt((i + 4) % iban.length);
    if (code >= 48 && code <= 57) remainder = (remainder * 10 + code - 48) % 97;
    else if (code >= 65 && code <= 90) remainder = (remainder * 100 + code - 55) % 97;
    else return false;
  }
  return remainder === 1;
}
