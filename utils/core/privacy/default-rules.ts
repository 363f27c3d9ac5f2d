import { assignmentRule, headerLineRule, jsonKeyRule } from './key-value-rules';
import { cardRule, emailRule, ibanRule } from './personal-rules';
import type { RedactionRule } from './rule';
import { authorizationRule, jwtRule, privateKeyRule, providerKeyRule } from './secret-rules';
import { urlParamRule, urlUserinfoRule } from './url-rules';

/**
 * The rules on by default, in the order they run. Private keys go first: they span lines that
 * line-based rules would cut through. Shape-based rules go before key-based ones so a token gets
 * its own name (`jwt`) rather than the generic `secret`; userinfo goes before email, which would
 * otherwise take `pass@host.com` for an address.
 */
export const DEFAULT_RULES: readonly RedactionRule[] = [
  privateKeyRule,
  jwtRule,
  providerKeyRule,
  authorizationRule,
  urlUserinfoRule,
  urlParamRule,
  jsonKeyRule,
  headerLineRule,
  assignmentRule,
  emailRule,
  cardRule,
  ibanRule,
];
