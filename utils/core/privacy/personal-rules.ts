/** Rules for personal data: email addresses, payment cards, bank accounts. */
import { passesIbanCheck, passesLuhn } from './checksums';
import { marker, type RedactionRule } from './rule';

/**
 * The lookbehind starts a match only where a local part starts, so a long word without `@`
 * is read once rather than once per position. At most 31 domain labels: repeats are bounded
 * (see RedactionRule.pattern).
 */
export const emailRule: RedactionRule = {
  kind: 'email',
  pattern: /(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+){0,30}\.[A-Za-z]{2}[A-Za-z]*(?![\w-])/g,
  mayMatch: (text) => text.includes('@'),
  // Retina image names (logo@2x.png) have the shape of an address.
  replace: (match) => (/@\d+(?:\.\d+)?x\./.test(match[0]) ? null : marker('email')),
};

/**
 * Digit groups of three or more, joined by single spaces or dashes, as cards are printed. Kept:
 * runs outside 13–19 digits, runs failing Luhn (order numbers), and runs not starting with 2–6,
 * the banking and retail card ranges: epoch milliseconds and most IDs start with 1. A run glued
 * to letters, a dot or a plus (hashes, decimals, phone numbers) is not a card either.
 */
export const cardRule: RedactionRule = {
  kind: 'card',
  // At most 100 groups (far past any card): repeats are bounded, see RedactionRule.pattern.
  pattern: /(?<![\w.+])\d{3}\d*(?:[ -]\d{3}\d*){0,99}(?!\w)/g,
  replace: (match) => {
    const digits = match[0].replace(/[ -]/g, '');
    const isCard = digits.length >= 13 && digits.length <= 19 && /^[2-6]/.test(digits) && passesLuhn(digits);
    return isCard ? marker('card') : null;
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
