import { describe, expect, it } from 'vitest';
import { urlParamRule, urlUserinfoRule } from '../../../../utils/core/privacy/url-rules';
import { redact } from './redact';

describe('urlUserinfoRule', () => {
  it('keeps scheme, host and path', () => {
    expect(redact('GET https://bob:hunter2@api.example.com/v1?x=1 failed', urlUserinfoRule)).toEqual({
      text: 'GET https://[REDACTED:url-userinfo]@api.example.com/v1?x=1 failed',
      counts: { 'url-userinfo': 1 },
    });
    expect(redact('ftp://anonymous@files.example.com', urlUserinfoRule).text).toBe(
      'ftp://[REDACTED:url-userinfo]@files.example.com',
    );
  });

  it('leaves an @ in the path or query', () => {
    const text = 'https://example.com/@jane https://example.com/?mention=@jane mailto:jane@example.com';
    expect(redact(text, urlUserinfoRule).text).toBe(text);
  });
});

describe('urlParamRule', () => {
  it('hides the value of sensitive query parameters and keeps their names', () => {
    const url =
      'https://app.example.com/cb?code=4/0Adeu5B&state=xyz&page=2&access_token=ya29.a0Af&X-Amz-Signature=abc123';
    expect(redact(url, urlParamRule)).toEqual({
      text: 'https://app.example.com/cb?code=[REDACTED:url-param]&state=xyz&page=2&access_token=[REDACTED:url-param]&X-Amz-Signature=[REDACTED:url-param]',
      counts: { 'url-param': 3 },
    });
  });

  it('covers fragments written as queries, path parameters and form data', () => {
    expect(
      redact('https://app.example.com/#access_token=abc&token_type=bearer&expires_in=3600', urlParamRule).text,
    ).toBe(
      'https://app.example.com/#access_token=[REDACTED:url-param]&token_type=[REDACTED:url-param]&expires_in=3600',
    );
    expect(redact('/shop;jsessionid=A1B2C3?lang=de', urlParamRule).text).toBe(
      '/shop;jsessionid=[REDACTED:url-param]?lang=de',
    );
    expect(redact('user=jane&pass=hunter2&otp=123456', urlParamRule).text).toBe(
      'user=jane&pass=[REDACTED:url-param]&otp=[REDACTED:url-param]',
    );
  });

  it('keeps the line and column a stack frame puts after a script URL', () => {
    expect(
      redact('at f (https://x.test/app.js?sig=abc123:10:5)\nat g (https://x.test/b.js?token=t0k:3:1', urlParamRule)
        .text,
    ).toBe(
      'at f (https://x.test/app.js?sig=[REDACTED:url-param]:10:5)\nat g (https://x.test/b.js?token=[REDACTED:url-param]:3:1',
    );
  });

  it('stops the value at quotes, so a URL inside JSON stays valid JSON', () => {
    expect(redact('{"url":"https://x.test/?sid=abc","n":1}', urlParamRule).text).toBe(
      '{"url":"https://x.test/?sid=[REDACTED:url-param]","n":1}',
    );
  });

  it('leaves ordinary parameters, including names that only contain a fragment', () => {
    const text =
      'https://shop.example.com/search?keyboard=qwerty&monkey=1&author=jane&passage=3&zipcode=10115&design=flat&q=token#section';
    expect(redact(text, urlParamRule).text).toBe(text);
  });

  it('leaves empty values and values an earlier rule redacted', () => {
    const text = '?token=&sid=[REDACTED:jwt]';
    expect(redact(text, urlParamRule)).toEqual({ text, counts: {} });
  });
});
