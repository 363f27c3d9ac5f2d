import { describe, expect, it } from 'vitest';
import {
  keySensitivity,
  looksGenerated,
  nameWords,
  querySensitivity,
} from '../../../../utils/core/privacy/sensitive-names';

describe('nameWords', () => {
  it('splits camelCase, acronyms, digits and separators', () => {
    expect(nameWords('X-API-Key')).toEqual(['x', 'api', 'key']);
    expect(nameWords('XSRFToken')).toEqual(['xsrf', 'token']);
    expect(nameWords('oauth2AccessToken')).toEqual(['oauth', '2', 'access', 'token']);
    expect(nameWords('user[password]')).toEqual(['user', 'password']);
  });
});

describe('keySensitivity says a name is sensitive', () => {
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
    'client_secret',
    'CLOUDFLARE_API_KEY',
    'SUMO_ACCESS_KEY',
    'facebook_client_access_token',
    'DD_APP_KEY',
    'STRIPE_KEY',
    'private_key_id',
    'pass',
    'db_pass',
    'otp',
    'otpCode',
    'verificationCode',
    'ssn',
    'nir',
    'cvv',
    'signature',
    'X-Hub-Signature-256',
    'mot_de_passe',
    'mdp',
    'passwordConfirmation',
    'tokens',
    'accessTokens',
  ])('takes %s', (name) => {
    expect(keySensitivity(name)).not.toBeNull();
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
    'tokenizer',
    'tokenType',
    'token_type',
    'max_tokens',
    'completion_tokens',
    'sessionStorage',
    'session_timeout',
    'passwordPolicy',
    'passwordMinLength',
    'cookieEnabled',
    'authDomain',
    'authProvider',
    'authorization_endpoint',
    'keyCode',
    'keyId',
    'primaryKey',
    'sortKey',
    'publicKey',
    'NEXT_PUBLIC_STRIPE_KEY',
    'bypass',
    'compass',
    'secretary',
    'design',
    'promo_code',
  ])('leaves %s', (name) => {
    expect(keySensitivity(name)).toBeNull();
  });
});

describe('querySensitivity says a query parameter is sensitive', () => {
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
    'ticket',
    'signature',
    'verification_code',
  ])('takes %s', (name) => {
    expect(querySensitivity(name)).not.toBeNull();
  });

  it.each([
    'page',
    'lang',
    'keyboard',
    'monkey',
    'passage',
    'author',
    'zipcode',
    'design',
    'footprint',
    'state',
    'v',
    'promo_code',
    'token_type',
    'expires_in',
  ])('leaves %s', (name) => {
    expect(querySensitivity(name)).toBeNull();
  });
});

describe('keySensitivity', () => {
  it.each([
    ['password', 'strong'],
    ['apiKey', 'strong'],
    ['Authorization', 'strong'],
    ['key', 'weak'],
    ['stripeKey', 'weak'],
    ['session', 'weak'],
    ['sessionId', 'strong'],
    ['credentials', 'weak'],
    ['auth', 'weak'],
    ['oauthToken', 'strong'],
  ])('%s is %s', (name, strength) => {
    expect(keySensitivity(name)).toBe(strength);
  });
});

describe('looksGenerated', () => {
  it.each(['hunter2', '9f8e7d6c', 'dXNlcjpwYXNz', 'Zx81-Qp2m', '482913', 'AbC.dEf'])('takes %s', (value) => {
    expect(looksGenerated(value)).toBe(true);
  });

  it.each([
    'Enter',
    'include',
    'createdAt',
    'menu.title',
    'expired',
    '10:30',
    '2024-06-10',
    'v1.2.3',
    '1234',
    'ArrowDown',
    '***',
  ])('leaves %s', (value) => {
    expect(looksGenerated(value)).toBe(false);
  });
});
