import { describe, expect, it } from 'vitest';
import { assignmentRule, headerLineRule, jsonKeyRule } from '../../../../utils/core/privacy/key-value-rules';
import { redact } from './redact';

describe('jsonKeyRule', () => {
  it('hides values of sensitive keys in JSON and keeps it JSON', () => {
    const json =
      '{"password":"hunter2","user":"jane","sessionId":12345,"X-Api-Key": "k1","token":null,"keyboard":"de"}';
    expect(redact(json, jsonKeyRule)).toEqual({
      text: '{"password":"[REDACTED:secret]","user":"jane","sessionId":[REDACTED:secret],"X-Api-Key": "[REDACTED:secret]","token":null,"keyboard":"de"}',
      counts: { secret: 3 },
    });
  });

  it('reads objects as the recorder logs them, and Python-style quotes', () => {
    expect(redact('{password: "hunter2", count: 3, apiKey: abc123, author: "Jane"}', jsonKeyRule).text).toBe(
      '{password: "[REDACTED:secret]", count: 3, apiKey: [REDACTED:secret], author: "Jane"}',
    );
    expect(redact("{'secret': 'abc\\'def', 'n': 1}", jsonKeyRule).text).toBe("{'secret': '[REDACTED:secret]', 'n': 1}");
  });

  it('hides a flat array or object under a sensitive key whole', () => {
    expect(
      redact('{"apiKeys":["a1","b2"],"credentials":{"user":"bob","pin":"1234"},"keys":[]}', jsonKeyRule).text,
    ).toBe('{"apiKeys":[REDACTED:secret],"credentials":[REDACTED:secret],"keys":[]}');
  });

  it('hides a string cut off by truncation', () => {
    expect(redact('{token: "abc123def… [900 chars]', jsonKeyRule).text).toBe('{token: "[REDACTED:secret]');
  });

  it('leaves prose with a colon and ordinary keys', () => {
    const text =
      'Session: expired at 10:30, please log in. {"keyboard": "de", "monkey": 1, "author": "Jane", "passage": "x", "code": 500}';
    expect(redact(text, jsonKeyRule)).toEqual({ text, counts: {} });
  });
});

describe('headerLineRule', () => {
  it('hides the rest of the line after a sensitive header name', () => {
    const headers = 'Cookie: sid=abc; theme=dark\nX-Api-Key: 12345\n  set-cookie: session=xyz; Path=/\nAccept: */*';
    expect(redact(headers, headerLineRule)).toEqual({
      text: 'Cookie: [REDACTED:secret]\nX-Api-Key: [REDACTED:secret]\n  set-cookie: [REDACTED:secret]\nAccept: */*',
      counts: { secret: 3 },
    });
  });

  it('keeps an auth scheme, and leaves what an earlier rule already hid', () => {
    expect(redact('Authorization: Bearer abc.def', headerLineRule).text).toBe(
      'Authorization: Bearer [REDACTED:secret]',
    );
    const done = 'Authorization: Bearer [REDACTED:jwt]';
    expect(redact(done, headerLineRule)).toEqual({ text: done, counts: {} });
  });

  it('leaves error messages, ordinary names, and names inside a line', () => {
    const text = 'TokenExpiredError: jwt expired\nAuthor: Jane\nKeyboard: de\nUncaught error token: abc';
    expect(redact(text, headerLineRule).text).toBe(text);
  });
});

describe('assignmentRule', () => {
  it('hides the value after a sensitive name, up to a separator', () => {
    expect(redact('login password=hunter2&user=jane; sid=abc; theme=dark', assignmentRule)).toEqual({
      text: 'login password=[REDACTED:secret]&user=jane; sid=[REDACTED:secret]; theme=dark',
      counts: { secret: 2 },
    });
    expect(redact('user[password]=x api_key = "a b c" done', assignmentRule).text).toBe(
      'user[password]=[REDACTED:secret] api_key = "[REDACTED:secret]" done',
    );
  });

  it('leaves ordinary names, comparisons and empty values', () => {
    const text = 'keyboard=qwerty monkey=1 author=jane passage=2 password="" token === null';
    expect(redact(text, assignmentRule)).toEqual({ text, counts: {} });
  });
});
