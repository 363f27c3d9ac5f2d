import { describe, expect, it } from 'vitest';
import { keyValueRule, namedFieldRule, xmlElementRule } from '../../../../utils/core/privacy/key-value-rules';
import { redact } from './redact';

const S = '[REDACTED:secret]';

describe('keyValueRule in JSON and logged objects', () => {
  it('hides values of sensitive keys in JSON and keeps it JSON', () => {
    // Not JSON as a whole (that is parsed: json-text.test.ts), so the text rule reads it.
    const json =
      'body {"password":"hunter2","user":"jane","sessionId":12345,"X-Api-Key": "k1","token":null,"keyboard":"de"}';
    expect(redact(json, keyValueRule)).toEqual({
      text: `body {"password":"${S}","user":"jane","sessionId":${S},"X-Api-Key": "${S}","token":null,"keyboard":"de"}`,
      counts: { secret: 3 },
    });
  });

  it('reads objects as the recorder logs them, and Python-style quotes', () => {
    expect(redact('{password: "hunter2", count: 3, apiKey: abc123, author: "Jane"}', keyValueRule).text).toBe(
      `{password: "${S}", count: 3, apiKey: ${S}, author: "Jane"}`,
    );
    expect(redact("{'secret': 'abc\\'def', 'n': 1}", keyValueRule).text).toBe(`{'secret': '${S}', 'n': 1}`);
  });

  it('goes inside containers under ordinary names, at any depth', () => {
    expect(
      redact(
        'Login failed {request: {body: {username: "bob", password: "hunter2"}, headers: {X-Api-Key: "k-42"}}}',
        keyValueRule,
      ).text,
    ).toBe(`Login failed {request: {body: {username: "bob", password: "${S}"}, headers: {X-Api-Key: "${S}"}}}`);
    expect(redact('{"a":{"b":{"c":{"client_secret":"s3"}}}}', keyValueRule).text).toBe(
      `{"a":{"b":{"c":{"client_secret":"${S}"}}}}`,
    );
  });

  it('hides an array or object under a sensitive key whole, nested ones too', () => {
    expect(
      redact('got {"apiKeys":["a1","b2"],"credentials":{"user":"bob","pin":{"v":"1234"}},"keys":[]}', keyValueRule)
        .text,
    ).toBe(`got {"apiKeys":${S},"credentials":${S},"keys":[]}`);
  });

  it('reads JSON inside a JSON string, with its escaped quotes', () => {
    expect(redact('payload {"data":"{\\"refresh_token\\":\\"r-77\\",\\"n\\":1}"}', keyValueRule).text).toBe(
      `payload {"data":"{\\"refresh_token\\":\\"${S}\\",\\"n\\":1}"}`,
    );
  });

  it('hides a string cut off by truncation', () => {
    expect(redact('{token: "abc123def… [900 chars]', keyValueRule).text).toBe(`{token: "${S}`);
  });

  it('takes vendor prefixes and any case or separator', () => {
    const text =
      '{client_secret: "a1", CLOUDFLARE_API_KEY: "a2", SUMO_ACCESS_KEY: "a3", facebook_client_access_token: "a4", "X-API-KEY": "a5", privateKeyPem: "a6", db.password: "a7"}';
    expect(redact(text, keyValueRule).counts).toEqual({ secret: 7 });
  });

  it('leaves prose with a colon, ordinary keys and descriptions of secrets', () => {
    const text =
      'Session: expired at 10:30, please log in. {"keyboard": "de", "monkey": 1, "author": "Jane", "passage": "x", "code": 500, "tokenizer": "bpe", "sessionStorage": 3, "token_type": "bearer", "max_tokens": 256, "sortKey": "createdAt", "credentials": "include", "authDomain": "app.firebaseapp.com"}';
    expect(redact(text, keyValueRule)).toEqual({ text, counts: {} });
  });

  it('hides a weak name’s value only when it looks generated', () => {
    expect(redact('{key: "Enter", session: "active", auth: "google"}', keyValueRule).counts).toEqual({});
    expect(
      redact('{key: "5f4dcc3b5aa765d6", session: "s%3Aj9Xq2", auth: "Basic dXNlcjpwYXNz"}', keyValueRule).text,
    ).toBe(`{key: "${S}", session: "${S}", auth: "Basic ${S}"}`);
  });
});

describe('keyValueRule in header lines', () => {
  it('hides the rest of the line after a sensitive header name', () => {
    const headers = 'Cookie: sid=abc; theme=dark\nX-Api-Key: 12345\n  set-cookie: session=xyz; Path=/\nAccept: */*';
    expect(redact(headers, keyValueRule)).toEqual({
      text: `Cookie: ${S}\nX-Api-Key: ${S}\n  set-cookie: ${S}\nAccept: */*`,
      counts: { secret: 3 },
    });
  });

  it('keeps an auth scheme, and leaves what an earlier rule already hid', () => {
    expect(redact('Authorization: Bearer abc.def', keyValueRule).text).toBe(`Authorization: Bearer ${S}`);
    const done = 'Authorization: Bearer [REDACTED:jwt]';
    expect(redact(done, keyValueRule)).toEqual({ text: done, counts: {} });
  });

  it('leaves error messages, ordinary names, statuses and validation messages', () => {
    const text =
      'TokenExpiredError: jwt expired\nAuthor: Jane\nKeyboard: de\npassword: This field is required.\nToken: expired\npassword=required';
    expect(redact(text, keyValueRule).text).toBe(text);
  });
});

describe('keyValueRule in a quoted header', () => {
  it('hides a header’s value inside a curl command up to its closing quote', () => {
    expect(
      redact(
        "curl -H 'Content-Type: application/json' -H 'X-Postmark-Server-Token: 3f2b8c1e-4d5a' https://x.test",
        keyValueRule,
      ).text,
    ).toBe(`curl -H 'Content-Type: application/json' -H 'X-Postmark-Server-Token: ${S}' https://x.test`);
  });

  it('leaves documentation placeholders', () => {
    const text = "(e.g. 'Authorization: Bearer YOUR_SECRET_KEY')";
    expect(redact(text, keyValueRule).text).toBe(text);
  });
});

describe('keyValueRule mid-line', () => {
  it('hides a generated value after `name:` inside a sentence', () => {
    expect(redact('request failed with X-Api-Key: 9f8e7d6c5b4a (401)', keyValueRule).text).toBe(
      `request failed with X-Api-Key: ${S} (401)`,
    );
    expect(redact('retrying, client_secret: Zx81-Qp2m', keyValueRule).text).toBe(`retrying, client_secret: ${S}`);
  });

  it('hides a value that ends the line, and leaves words inside a sentence', () => {
    expect(redact('login for bob, password: correcthorse', keyValueRule).text).toBe(`login for bob, password: ${S}`);
    const text = 'Error: password: must be at least 8 characters long';
    expect(redact(text, keyValueRule).text).toBe(text);
  });
});

describe('keyValueRule in assignments', () => {
  it('hides the value after a sensitive name, up to a separator', () => {
    expect(redact('login password=hunter2&user=jane; sid=abc; theme=dark', keyValueRule)).toEqual({
      text: `login password=${S}&user=jane; sid=${S}; theme=dark`,
      counts: { secret: 2 },
    });
    expect(redact('user[password]=x api_key = "a b c" --token=t0k done', keyValueRule).text).toBe(
      `user[password]=${S} api_key = "${S}" --token=${S} done`,
    );
  });

  it('leaves ordinary names, comparisons and empty values', () => {
    const text = 'keyboard=qwerty monkey=1 author=jane passage=2 password="" token === null token !== undefined';
    expect(redact(text, keyValueRule)).toEqual({ text, counts: {} });
  });
});

describe('keyValueRule with the value next to the name', () => {
  it('hides console arguments written side by side', () => {
    expect(redact('password hunter2', keyValueRule).text).toBe(`password ${S}`);
    expect(redact('Using API key 9f8e7d6c5b4a3210 for upload', keyValueRule).text).toBe(
      `Using API key ${S} for upload`,
    );
    expect(redact('mot de passe Tr0ub4dor', keyValueRule).text).toBe(`mot de passe ${S}`);
    expect(redact('login bob password correcthorse', keyValueRule).text).toBe(`login bob password ${S}`);
  });

  it('hides the item after a name in an array, and a command-line flag’s value', () => {
    expect(redact('args ["password", "hunter2"] ["--token", "t0k3n"] ["secret:", 4242]', keyValueRule).text).toBe(
      `args ["password", "${S}"] ["--token", "${S}"] ["secret:", ${S}]`,
    );
    const fields = 'missing ["username", "password", "email"] {"type": "password", "label": "Password"}';
    expect(redact(fields, keyValueRule).text).toBe(fields);
    expect(redact('deploy --password correcthorse --verbose', keyValueRule).text).toBe(
      `deploy --password ${S} --verbose`,
    );
  });

  it('leaves prose and code', () => {
    const text =
      'Token validation failed. Forgot your password? password reset requested. Invalid token provided\n    at Object.getToken (https://app.example.com/main.3f9a1c2b.js:12:34)\nYour session 4 expired';
    expect(redact(text, keyValueRule)).toEqual({ text, counts: {} });
  });
});

describe('namedFieldRule', () => {
  it('hides the value of a name/value record whose name is a secret’s', () => {
    expect(
      redact(
        'headers [{"name":"Authorization","value":"Bearer abc.def"},{"name":"Accept","value":"*/*"}]',
        namedFieldRule,
      ).text,
    ).toBe(`headers [{"name":"Authorization","value":"Bearer ${S}"},{"name":"Accept","value":"*/*"}]`);
    expect(redact("{name: 'password', type: 'password', value: 'x'}", namedFieldRule).text).toBe(
      `{name: 'password', type: 'password', value: '${S}'}`,
    );
    expect(redact('<input type="hidden" name="csrf_token" value="Zx81Qp2m">', namedFieldRule).text).toBe(
      `<input type="hidden" name="csrf_token" value="${S}">`,
    );
    const plain = "{name: 'email', value: 'x'} {name: 'tokenizer', value: 'bpe'} <input name=\"q\" value=\"shoes\">";
    expect(redact(plain, namedFieldRule).text).toBe(plain);
    expect(redact("{name: 'password', value: 'x'}", namedFieldRule).text).toBe(`{name: 'password', value: '${S}'}`);
  });
});

describe('xmlElementRule', () => {
  it('hides the text of elements named like secrets, namespaced ones too', () => {
    expect(
      redact(
        '<Request><Account>8841</Account><ns:ApiKey>Zx81-Qp2m</ns:ApiKey><Password>hunter2</Password></Request>',
        xmlElementRule,
      ).text,
    ).toBe(`<Request><Account>8841</Account><ns:ApiKey>${S}</ns:ApiKey><Password>${S}</Password></Request>`);
  });

  it('leaves other elements and a weak name’s words', () => {
    const text = '<key>Enter</key><keyboard>azerty</keyboard><author>Jane</author><password></password>';
    expect(redact(text, xmlElementRule).text).toBe(text);
  });
});
