import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../../utils/core/privacy/default-rules';
import { urlParamRule, urlPathRule, urlUserinfoRule, webhookUrlRule } from '../../../../utils/core/privacy/url-rules';
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
    ).toBe('https://app.example.com/#access_token=[REDACTED:url-param]&token_type=bearer&expires_in=3600');
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

describe('urlParamRule with percent-encoding', () => {
  it('decodes a value and redacts what it stands for, keeping the rest encoded', () => {
    expect(redact('https://app.example.com/users?email=jane%40example.org&page=2', ...DEFAULT_RULES).text).toBe(
      'https://app.example.com/users?email=[REDACTED:email]&page=2',
    );
    expect(redact('/login?next=%2Faccount%2Freset%3Ftoken%3Dq8Zp2LmX%26lang%3Dfr&lang=fr', ...DEFAULT_RULES).text).toBe(
      '/login?next=%2Faccount%2Freset%3Ftoken%3D[REDACTED:url-param]%26lang%3Dfr&lang=fr',
    );
  });

  it('decodes names too, and leaves values with nothing to hide as they were', () => {
    expect(redact('?access%5Ftoken=abc&q=caf%C3%A9%20cr%C3%A8me', urlParamRule).text).toBe(
      '?access%5Ftoken=[REDACTED:url-param]&q=caf%C3%A9%20cr%C3%A8me',
    );
  });

  it('hides a weak name’s value only when it looks generated', () => {
    expect(redact('?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj', urlParamRule).text).toBe(
      '?code=[REDACTED:url-param]&state=af0ifjsldkj',
    );
    expect(redact('?code=FR&lang=fr', urlParamRule).text).toBe('?code=FR&lang=fr');
  });
});

describe('urlPathRule', () => {
  it.each([
    [
      'https://app.example.com/account/reset/MQ/5z1-8f2c9a1b7d3e4f6a',
      'https://app.example.com/account/reset/MQ/[REDACTED:url-path]',
    ],
    [
      'https://app.example.com/#/invite/3f2b8c1e-4d5a-4b6c-9d7e-8f9a0b1c2d3e',
      'https://app.example.com/#/invite/[REDACTED:url-path]',
    ],
    ['POST /api/v2/email/verify/eyJ1aWQiOjQyfQ.Zk9xQw.a8Xq2 404', 'POST /api/v2/email/verify/[REDACTED:url-path] 404'],
    [
      'https://x.test/magic-link/Q7mZp4LxR2vT9wKs?next=/home',
      'https://x.test/magic-link/[REDACTED:url-path]?next=/home',
    ],
    [
      'https://news.example.com/unsubscribe/u/8841/kQzPmWvXyRtLsNbJ',
      'https://news.example.com/unsubscribe/u/8841/[REDACTED:url-path]',
    ],
    [
      'at f (https://x.test/password/reset/abc123def456ghi:1:2)',
      'at f (https://x.test/password/reset/[REDACTED:url-path]:1:2)',
    ],
    ['https://x.test/activate/a1b2c3d4e5f6a7b8%3D', 'https://x.test/activate/[REDACTED:url-path]'],
  ])('hides the token in %s', (text, expected) => {
    expect(redact(text, urlPathRule).text).toBe(expected);
  });

  it('leaves ordinary segments after those words, and other paths', () => {
    const text = [
      '/password/reset',
      '/invite/jane',
      '/confirm/order/INV-2024-0042',
      '/static/js/reset-password.3f9a1c2b.chunk.js',
      '/reset/assets/main.3f9a1c2b.css',
      '/api/v1/users/3f2b8c1e-4d5a-4b6c-9d7e-8f9a0b1c2d3e/orders',
      '/verify/phone/33612345678',
      '/unsubscribe/newsletter/weekly-digest-for-customers',
    ].join(' ');
    expect(redact(text, urlPathRule).text).toBe(text);
  });
});

describe('webhookUrlRule', () => {
  it.each([
    [
      'https://hooks.slack.com/services/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',
      'https://hooks.slack.com/services/[REDACTED:slack-webhook]',
    ],
    [
      'https://discord.com/api/webhooks/112233445566778899/AbCdEf_gh-1234567890',
      'https://discord.com/api/webhooks/[REDACTED:discord-webhook]',
    ],
    [
      'https://contoso.webhook.office.com/webhookb2/3f2b8c1e-4d5a@1a2b/IncomingWebhook/abc123/4d5a',
      'https://contoso.webhook.office.com/webhookb2/[REDACTED:teams-webhook]',
    ],
  ])('keeps the service and hides the rest of %s', (url, expected) => {
    expect(redact(`POST ${url} failed`, webhookUrlRule).text).toBe(`POST ${expected} failed`);
  });
});
