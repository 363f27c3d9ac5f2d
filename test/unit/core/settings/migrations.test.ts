import { beforeEach, describe, expect, it } from 'vitest';
import { storage } from 'wxt/utils/storage';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  getConnectorConfig,
  getEffectiveSettings,
  getUserSecrets,
  getUserSettings,
  saveUserValues,
} from '../../../../utils/extension/settings';
import { removeV1Items, secretsItem, settingsItem, SETTINGS_VERSION } from '../../../../utils/extension/settings-items';
import { secretsFromV1, settingsFromV1 } from '../../../../utils/core/settings/migrations';
import { DEFAULT_SECRETS, DEFAULT_SETTINGS } from '../../../../utils/core/settings/schema';

beforeEach(() => fakeBrowser.reset());

describe('settings v1 -> v2', () => {
  it('lifts the v1 endpoint and token, so an existing install keeps sending where it did', async () => {
    await fakeBrowser.storage.local.set({
      endpoint: { url: ' https://helpdesk.example.org/tickets ' },
      endpointToken: 'abc',
    });
    expect(await getUserSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      connectorType: 'webhook',
      endpointUrl: 'https://helpdesk.example.org/tickets',
    });
    expect(await getUserSecrets()).toEqual({ ...DEFAULT_SECRETS, token: 'abc' });
    // Written at v2, so WXT never runs a migration over them again.
    expect(await settingsItem.getMeta()).toEqual({ v: SETTINGS_VERSION });
    expect(await secretsItem.getMeta()).toEqual({ v: SETTINGS_VERSION });
  });

  it('then drops the v1 items and keeps the values', async () => {
    await fakeBrowser.storage.local.set({
      endpoint: { url: 'https://h.example.org/t' },
      endpoint$: { v: 1 },
      endpointToken: 'abc',
    });
    await removeV1Items();
    const left = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(left).sort()).toEqual(['secrets', 'secrets$', 'settings', 'settings$']);
    expect((await getEffectiveSettings()).settings.endpointUrl).toBe('https://h.example.org/t');
    expect(await getConnectorConfig()).toMatchObject({ url: 'https://h.example.org/t', token: 'abc' });
  });

  it('starts from the defaults on a fresh install', async () => {
    expect(await getUserSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await getUserSecrets()).toEqual(DEFAULT_SECRETS);
  });

  it('never lets v1 leftovers override v2 values', async () => {
    await storage.setItem('local:settings', { endpointUrl: 'https://new.example.org/t' });
    await fakeBrowser.storage.local.set({ endpoint: { url: 'https://old.example.org/t' } });
    expect((await getUserSettings()).endpointUrl).toBe('https://new.example.org/t');
  });

  it.each([
    [null, {}],
    [{ url: '' }, {}],
    [{ url: 42 }, {}],
    ['https://not-an-object.example.org', {}],
    [{ url: 'https://h.example.org/t' }, { connectorType: 'webhook', endpointUrl: 'https://h.example.org/t' }],
  ])('settingsFromV1(%j)', (v1, v2) => {
    expect(settingsFromV1(v1)).toEqual(v2);
  });

  it.each([
    [null, {}],
    ['', {}],
    ['  ', {}],
    [7, {}],
    [' t0k ', { token: 't0k' }],
  ])('secretsFromV1(%j)', (v1, v2) => {
    expect(secretsFromV1(v1)).toEqual(v2);
  });
});

describe('stored settings', () => {
  it('keep only what differs from the defaults, so a later release can improve a default', async () => {
    await saveUserValues(
      { ...DEFAULT_SETTINGS, endpointUrl: 'https://h.example.org/t', maskAllInputs: true },
      { ...DEFAULT_SECRETS, token: 't' },
      [],
    );
    expect(await settingsItem.getValue()).toEqual({ endpointUrl: 'https://h.example.org/t', maskAllInputs: true });
    expect(await secretsItem.getValue()).toEqual({ token: 't' });
  });

  it('fall back to the default for a corrupt value and keep the others', async () => {
    await storage.setItem('local:settings', {
      endpointUrl: 'https://h.example.org/t',
      consoleLevels: 'error',
      sentReportRetentionDays: -4,
    });
    const settings = await getUserSettings();
    expect(settings.endpointUrl).toBe('https://h.example.org/t');
    expect(settings.consoleLevels).toEqual(DEFAULT_SETTINGS.consoleLevels);
    expect(settings.sentReportRetentionDays).toBe(DEFAULT_SETTINGS.sentReportRetentionDays);
  });

  it('keep the user’s own value of a locked key when saving, ready for when the policy is lifted', async () => {
    await saveUserValues({ ...DEFAULT_SETTINGS, endpointUrl: 'https://mine.example.org/t' }, DEFAULT_SECRETS, []);
    await saveUserValues(
      { ...DEFAULT_SETTINGS, endpointUrl: 'https://policy.example.org/t', helpText: 'Hi' },
      DEFAULT_SECRETS,
      ['endpointUrl'],
    );
    expect(await settingsItem.getValue()).toEqual({ endpointUrl: 'https://mine.example.org/t', helpText: 'Hi' });
  });
});
