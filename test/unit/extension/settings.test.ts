import { describe, expect, it } from 'vitest';
import { isExtensionPage } from '../../../utils/extension/messaging';
import { resolveTargetTab } from '../../../utils/ui/target-tab';
import { checkEndpointUrl } from '../../../utils/core/settings/schema';

describe('checkEndpointUrl', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['helpdesk.example.org/tickets', 'invalid'],
    ['ftp://helpdesk.example.org/tickets', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['https://helpdesk.example.org/tickets', null],
    ['  http://127.0.0.1:8787/tickets  ', null],
  ])('%j -> %s', (value, problem) => {
    expect(checkEndpointUrl(value)).toBe(problem);
  });
});

describe('resolveTargetTab', () => {
  const active = async () => 9;
  it.each([
    ['?tabId=12', 12],
    ['?tabId=0', 0],
    ['?tabId=abc', undefined],
    ['?tabId=-1', undefined],
    ['?tabId=1.5', undefined],
    ['', 9],
  ])('%j -> %s', async (search, expected) => {
    expect(await resolveTargetTab(search, active)).toBe(expected);
  });
});

describe('isExtensionPage', () => {
  const origin = 'chrome-extension://edpgbefdgngbojdkbmjhmpdlnheedlfk/';
  it('accepts the extension pages and refuses web pages, other extensions and missing URLs', () => {
    expect(isExtensionPage({ url: `${origin}compose.html?draft=1` }, origin)).toBe(true);
    expect(isExtensionPage({ url: 'https://evil.example/' }, origin)).toBe(false);
    expect(isExtensionPage({ url: 'chrome-extension://otherextensionid/popup.html' }, origin)).toBe(false);
    expect(isExtensionPage({}, origin)).toBe(false);
  });
});
