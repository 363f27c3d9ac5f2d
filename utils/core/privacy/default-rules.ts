import { keyValueRule, namedFieldRule, xmlElementRule } from './key-value-rules';
import { cardRule, emailRule, ibanRule, nirRule } from './personal-rules';
import type { RedactionRule } from './rule';
import { authorizationRule, infixKeyRule, jwtRule, privateKeyRule, providerKeyRule } from './secret-rules';
import { urlParamRule, urlPathRule, urlUserinfoRule, webhookUrlRule } from './url-rules';

/**
 * The rules on by default, in the order they run. Private keys go first: they span lines that
 * line-based rules would cut through. Shape-based rules go before key-based ones so a token gets
 * its own name (`jwt`, `github-token`) rather than the generic `secret`; webhook URLs before
 * userinfo and paths, which would take them apart; userinfo before email, which would otherwise
 * take `pass@host.com` for an address. NIR before cards: both are digit runs.
 */
export const DEFAULT_RULES: readonly RedactionRule[] = [
  privateKeyRule,
  jwtRule,
  providerKeyRule,
  infixKeyRule,
  authorizationRule,
  webhookUrlRule,
  urlUserinfoRule,
  urlPathRule,
  urlParamRule,
  namedFieldRule,
  xmlElementRule,
  keyValueRule,
  emailRule,
  nirRule,
  cardRule,
  ibanRule,
];
