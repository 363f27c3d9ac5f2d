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

/**
 * The NIR's key: 97 minus the 13-digit number mod 97. For Corsica the département 2A counts as
 * 19 and 2B as 18 (INSEE's rule: the number read with 20, minus 1,000,000 or 2,000,000).
 */
export function passesNirKey(number: string, key: string): boolean {
  const corsica = { '2A': '19', '2B': '18' } as Record<string, string>;
  const upper = number.toUpperCase();
  const department = upper.slice(5, 7);
  const digits = department in corsica ? upper.slice(0, 5) + corsica[department] + upper.slice(7) : upper;
  if (!/^\d{13}$/.test(digits)) return false;
  let remainder = 0;
  for (let i = 0; i < digits.length; i++) remainder = (remainder * 10 + digits.charCodeAt(i) - 48) % 97;
  return 97 - remainder === Number(key);
}
