/** Rules for secrets carried inside URLs: credentials before the host, tokens in the query. */
import { isRedacted, marker, type RedactionRule } from './rule';
import { isSensitiveQueryParam } from './sensitive-names';

/** `https://user:pass@host` -> `https://[REDACTED:url-userinfo]@host`: scheme and host stay. */
export const urlUserinfoRule: RedactionRule = {
  kind: 'url-userinfo',
  pattern: /:\/\/[^\s/?#@"'<>\\]+@/g,
  replace: () => `://${marker('url-userinfo')}@`,
  mayMatch: (text) => text.includes('://'),
};

/**
 * The value of a sensitive parameter in a query, a fragment written like one (`#access_token=…`,
 * OAuth's implicit flow), `;jsessionid=` path parameters, or form data: the name stays, and so
 * does the `:line:column` a stack frame puts after a script URL.
 */
export const urlParamRule: RedactionRule = {
  kind: 'url-param',
  pattern: /([?&#;])([^\s=&#?;"'<>\\]{1,64})=([^\s&#?;"'<>\\`()]+?)((?::\d+:\d+)?)(?=[\s&#?;"'<>\\`()]|$)/g,
  replace: ([, separator, name, value, position]) =>
    isSensitiveQueryParam(name) && !isRedacted(value) ? `${separator}${name}=${marker('url-param')}${position}` : null,
};
