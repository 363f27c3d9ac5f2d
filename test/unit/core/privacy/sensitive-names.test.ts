import { describe, expect, it } from 'vitest';
import { isSensitiveKey, isSensitiveQueryParam, nameWords } from '../../../../utils/core/privacy/sensitive-names';

describe('nameWords', () => {
  it('splits camelCase, acronyms, digits and separators', () => {
    expect(nameWords('X-API-Key')).toEqual(['x', 'api', 'key']);
    expect(nameWords('XSRFToken')).toEqual(['xsrf', 'token']);
    expect(nameWords('oauth2AccessToken')).toEqual(['oauth', '2', 'access', 'token']);
    expect(nameWords('user[password]')).toEqual(['user', 'password']);
  });
});

describe('isSensitiveKey', () => {
  it.each([
    'password',
    'passwd',
    'pwd',
    'newPassword',
    'token',
    'access_token',
    'refreshToken',
    'secret',
    'client_secret',
    'session',
    'sessionId',
    'JSESSIONID',
    'PHPSESSID',
    'sid',
    'connect.sid',
    'jwt',
    'bearer',
    'sso',
    'ssoTicket',
    'SAMLResponse',
    'csrf',
    'X-XSRF-TOKEN',
    'credentials',
    'cookie',
    'Set-Cookie',
    'auth',
    'Authorization',
    'Proxy-Authorization',
    'oauth',
    'authToken',
    'key',
    'apiKey',
    'api_key',
    'x-api-key',
    'apikey',
    'privateKey',
  ])('takes %s', (name) => {
    expect(isSensitiveKey(name)).toBe(true);
  });

  it.each([
    'keyboard',
    'monkey',
    'hotkey',
    'passage',
    'author',
    'authorId',
    'authority',
    'inside',
    'consider',
    'side',
    'lasso',
    'user',
    'email',
    'id',
    'name',
    'status',
    'code',
    'errorCode',
    'pass',
    'otp',
    'signature',
  ])('leaves %s', (name) => {
    expect(isSensitiveKey(name)).toBe(false);
  });
});

describe('isSensitiveQueryParam', () => {
  it.each([
    'token',
    'access_token',
    'pass',
    'passcode',
    'code',
    'auth_code',
    'sig',
    'X-Amz-Signature',
    'otp',
    'totp',
    'key',
    'sid',
  ])('takes %s', (name) => {
    expect(isSensitiveQueryParam(name)).toBe(true);
  });

  it.each(['page', 'lang', 'keyboard', 'monkey', 'passage', 'author', 'zipcode', 'design', 'footprint', 'state', 'v'])(
    'leaves %s',
    (name) => {
      expect(isSensitiveQueryParam(name)).toBe(false);
    },
  );
});
