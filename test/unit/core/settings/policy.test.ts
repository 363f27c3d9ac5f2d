import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  applyPolicy,
  getConnectorConfig,
  getEffectiveSettings,
  saveUserValues,
  watchEffectiveSettings,
} from '../../../../utils/extension/settings';
import { overlaySettings, readPolicy } from '../../../../utils/core/settings/policy';
import { DEFAULT_SECRETS, DEFAULT_SETTINGS } from '../../../../utils/core/settings/schema';

beforeEach(() => fakeBrowser.reset());

const user = {
  ...DEFAULT_SETTINGS,
  endpointUrl: 'https://mine.example.org/t',
  organisationName: 'Mine',
  maskAllInputs: false,
};

describe('policy overlay', () => {
  it('policy values win over the user’s and lock exactly the keys the policy sets', () => {
    const effective = overlaySettings(
      user,
      readPolicy({ endpointUrl: 'https://org.example.org/t', maskAllInputs: true, token: 'org' }),
    );
    expect(effective.settings).toEqual({ ...user, endpointUrl: 'https://org.example.org/t', maskAllInputs: true });
    expect(effective.locked.sort()).toEqual(['endpointUrl', 'maskAllInputs', 'token']);
    expect(effective.problems).toEqual([]);
  });

  it('an empty policy changes nothing and locks nothing', () => {
    expect(overlaySettings(user, readPolicy({}))).toEqual({ settings: user, locked: [], problems: [] });
    expect(overlaySettings(user, readPolicy(undefined))).toEqual({ settings: user, locked: [], problems: [] });
  });

  it('reads through storage: the user’s stored values under the managed ones', async () => {
    await saveUserValues(user, { ...DEFAULT_SECRETS, token: 'mine' }, []);
    await fakeBrowser.storage.managed.set({
      endpointUrl: 'https://org.example.org/t',
      token: 'org',
      blockedSites: ['*://*.bank.example/*'],
    });
    const effective = await getEffectiveSettings();
    expect(effective.settings.endpointUrl).toBe('https://org.example.org/t');
    expect(effective.settings.organisationName).toBe('Mine');
    expect(effective.settings.blockedSites).toEqual(['*://*.bank.example/*']);
    expect(await getConnectorConfig()).toEqual({
      type: 'webhook',
      url: 'https://org.example.org/t',
      token: 'org',
      format: 'json',
      signingSecret: '',
    });
  });

  it('puts the policy back over values typed in the options page (Test connection)', async () => {
    await fakeBrowser.storage.managed.set({ endpointUrl: 'https://org.example.org/t', token: 'org' });
    const applied = await applyPolicy(
      { ...user, endpointUrl: 'https://evil.example/t' },
      { ...DEFAULT_SECRETS, token: 'typed' },
    );
    expect(applied.settings.endpointUrl).toBe('https://org.example.org/t');
    expect(applied.secrets.token).toBe('org');
  });
});

describe('invalid policy values', () => {
  it('are ignored one by one, each with its problem, and the valid ones still apply', () => {
    const policy = readPolicy({
      connectorType: 'jira',
      endpointUrl: 'ftp://files.example.org',
      blockedSites: ['*://*.bank.example/*', 'bank.example'],
      sentReportRetentionDays: 9999,
      maskAllInputs: 'yes',
      redactionPatterns: ['(unclosed'],
      categories: ['Mail', 'Mail'],
      collectScreenshot: false,
      endpointURL: 'https://typo.example.org',
    });
    expect(policy.settings).toEqual({ collectScreenshot: false });
    expect(policy.problems).toEqual([
      { key: 'connectorType', code: 'not-allowed-value' },
      { key: 'endpointUrl', code: 'url-scheme' },
      { key: 'blockedSites', code: 'pattern-invalid', item: 'bank.example' },
      { key: 'sentReportRetentionDays', code: 'out-of-range' },
      { key: 'maskAllInputs', code: 'wrong-type' },
      { key: 'redactionPatterns', code: 'regex-invalid', item: '(unclosed' },
      { key: 'categories', code: 'duplicate' },
      { key: 'endpointURL', code: 'unknown-key' },
    ]);
    const effective = overlaySettings(user, policy);
    expect(effective.settings.endpointUrl).toBe(user.endpointUrl);
    expect(effective.locked).toEqual(['collectScreenshot']);
  });

  it('a policy token without a policy endpoint is ignored: the user could otherwise send it anywhere', () => {
    const policy = readPolicy({ token: 'org', glpiAppToken: 'app', helpText: 'Call 1234' });
    expect(policy.secrets).toEqual({});
    expect(policy.settings).toEqual({ helpText: 'Call 1234' });
    expect(policy.problems).toEqual([
      { key: 'token', code: 'secret-without-endpoint' },
      { key: 'glpiAppToken', code: 'secret-without-endpoint' },
    ]);
  });

  it('an invalid policy endpoint takes the policy tokens down with it', () => {
    const policy = readPolicy({ endpointUrl: 'not a url', token: 'org' });
    expect(policy.secrets).toEqual({});
    expect(policy.problems.map((p) => p.code)).toEqual(['url-invalid', 'secret-without-endpoint']);
  });

  it('a managed area that cannot be read counts as no policy', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await getEffectiveSettings()).toEqual({ settings: DEFAULT_SETTINGS, locked: [], problems: [] });
  });
});

describe('watchEffectiveSettings', () => {
  it('calls back with fresh settings when the policy or the user’s settings change, and stops when asked', async () => {
    await getEffectiveSettings(); // the first read writes the initial items; that change is not under test
    const seen: string[] = [];
    const stop = watchEffectiveSettings((effective) => seen.push(effective.settings.endpointUrl));
    await fakeBrowser.storage.managed.set({ endpointUrl: 'https://org.example.org/t' });
    await vi.waitFor(() => expect(seen).toEqual(['https://org.example.org/t']));
    await fakeBrowser.storage.managed.remove('endpointUrl');
    await saveUserValues({ ...DEFAULT_SETTINGS, endpointUrl: 'https://mine.example.org/t' }, DEFAULT_SECRETS, []);
    await vi.waitFor(() => expect(seen.at(-1)).toBe('https://mine.example.org/t'));
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    stop();
    const count = seen.length;
    await fakeBrowser.storage.managed.set({ endpointUrl: 'https://later.example.org/t' });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(count);
    expect(seen).not.toContain('https://later.example.org/t');
  });
});
