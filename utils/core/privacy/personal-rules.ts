/** Rules for personal data: email addresses, payment cards, bank accounts, French social security numbers. */
import { passesIbanCheck, passesLuhn, passesNirKey } from './checksums';
import { marker, type RedactionRule, type Span } from './rule';

/**
 * Found from the `@` (or `%40`, an address in a URL) out: the regex searches for one character
 * and the lookbehind makes sure a local part stands before it, so a long word without `@` costs
 * nothing. The local part is read back by hand. At most 31 domain labels: repeats are bounded
 * (see RedactionRule.pattern).
 */
export const emailRule: RedactionRule = {
  kind: 'email',
  pattern: /(?:@|%40)(?<=[\w.%+-](?:@|%40))[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+){0,30}\.[A-Za-z]{2}[A-Za-z]*(?![\w-])/g,
  mayMatch: (text) => text.includes('@') || text.includes('%40'),
  replace: (match): Span | null => {
    const text = match.input;
    let start = match.index;
    const stop = Math.max(0, start - 256);
    while (start > stop && /[\w.%+-]/.test(text[start - 1])) start--;
    // A percent-encoded address's local part ends where an encoded separator (%2F, %3D) does.
    const local = text.slice(start, match.index);
    const cut = Math.max(
      local.lastIndexOf('%3D'),
      local.lastIndexOf('%2F'),
      local.lastIndexOf('%3A'),
      local.lastIndexOf('%26'),
    );
    if (cut !== -1) start += cut + 3;
    if (start === match.index) return null;
    const end = match.index + match[0].length;
    // Retina image names (logo@2x.png) have the shape of an address.
    if (/^@\d+(?:\.\d+)?x\./.test(match[0])) return null;
    return { start, end, text: marker('email') };
  },
};

/**
 * Digit groups joined by spaces, dashes, dots or slashes, as cards are printed and typed. A
 * card is a run of 13–19 digits of those groups (one separator throughout) that passes Luhn
 * and starts with 2–6, the banking and retail card ranges: epoch milliseconds and most IDs
 * start with 1, and order numbers fail Luhn. A run glued to letters, a dot or a plus (hashes,
 * decimals, phone numbers) is not a card either. A longer run is searched for a card inside
 * it (`ref 123 4111 1111 1111 1111`).
 */
export const cardRule: RedactionRule = {
  kind: 'card',
  // At most 100 groups (far past any card): repeats are bounded, see RedactionRule.pattern.
  pattern: /(?<![\w.+/-])\d{3}\d*(?:([ \-./])\d{3}\d*(?:\1\d{3}\d*){0,98})?(?![\w+]|[.\-/]\d)/g,
  replace: (match) => {
    const separator = match[1];
    const groups = separator ? match[0].split(separator) : [match[0]];
    const offsets: number[] = [];
    let at = 0;
    for (const group of groups) {
      offsets.push(at);
      at += group.length + (separator ? 1 : 0);
    }
    const whole = groups.join('');
    if (whole.length < 13) return null;
    for (let first = 0; first < groups.length && first < 8; first++) {
      for (let last = groups.length; last > first && last - first <= 8; last--) {
        const digits = groups.slice(first, last).join('');
        if (digits.length > 19) continue;
        if (digits.length < 13) break;
        if (!/^[2-6]/.test(digits) || !passesLuhn(digits)) continue;
        const start = match.index + offsets[first];
        const end = match.index + offsets[last - 1] + groups[last - 1].length;
        return { start, end, text: marker('card') };
      }
    }
    return null;
  },
};

/**
 * Compact (DE89370400440532013000) or printed in groups of four. A printed IBAN followed by a
 * four-character word takes the word in too; the check then fails, so groups are dropped from
 * the end until it passes.
 */
export const ibanRule: RedactionRule = {
  kind: 'iban',
  pattern: /\b[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)\b/g,
  replace: ([found]) => {
    const groups = found.split(' ');
    for (let kept = groups.length; kept >= 1; kept--) {
      const iban = groups.slice(0, kept).join('');
      if (iban.length < 15) return null;
      if (passesIbanCheck(iban)) return [marker('iban'), ...groups.slice(kept)].join(' ');
    }
    return null;
  },
};

/**
 * The French social security number (NIR): sex (1, 2, or 3, 4, 7, 8 for provisional numbers),
 * year, month (01–12, or 20–42 and 50–99 when unknown), département (2A and 2B for Corsica),
 * commune, order, then the two-digit key. Written compact or in its groups with spaces, dots
 * or dashes; kept unless the key checks, so a 15-digit reference passes one time in 97.
 */
export const nirRule: RedactionRule = {
  kind: 'nir',
  pattern:
    /(?<![\w.+/-])([1-478])([ .-]?)(\d{2})\2(0[1-9]|1[0-2]|[2-4]\d|[5-9]\d)\2(\d{2}|2[AaBb])\2?(\d{3})\2(\d{3})\2?(\d{2})(?![\w]|[.\-/]\d)/g,
  replace: (match) => {
    const [, sex, , year, month, department, commune, order, key] = match;
    return passesNirKey(sex + year + month + department + commune + order, key) ? marker('nir') : null;
  },
};
