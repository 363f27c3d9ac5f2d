/**
 * The options page as an admin uses it, with no policy: checks next to the field, Test connection,
 * export as a policy file, import back. No machine-wide file is written here.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { fieldDescription as description } from '../support/flows';
import { useRig } from '../support/rig';

const TOKEN = 'options-e2e-token';
const rig = useRig({ token: TOKEN, endpoint: false });
let options: Page;

const saved = () =>
  rig.ext.worker.evaluate(() => (globalThis as any).chrome.storage.local.get(['settings', 'secrets']));
const statusWith = (text: string | RegExp) => options.getByRole('status').filter({ hasText: text });

beforeEach(async () => {
  options = await rig.ext.context.newPage();
  await options.goto(rig.ext.pageUrl('options.html'));
  await options.getByLabel('Endpoint URL').waitFor();
});

describe('the options page', () => {
  it('shows each problem next to its field, saves nothing until all are fixed, then applies the sites live', async () => {
    await options.getByLabel('Endpoint URL').fill(`${rig.receiver.url}/tickets`);
    const blocked = options.getByLabel('Blocked sites');
    await blocked.fill('*://*.bank.example/*\nbank.example');
    await options.getByLabel('Keep sent reports (days)').fill('a month');
    await options.getByRole('button', { name: 'Save' }).click();
    await statusWith('Nothing was saved: correct the fields marked above.').waitFor();
    expect(await description(blocked)).toContain('“bank.example”: This is not a site pattern');
    expect(await description(options.getByLabel('Keep sent reports (days)'))).toContain('Enter a number of days');
    expect(await saved()).toEqual({ settings: {}, secrets: {} });
    // What was typed stays for correction.
    expect(await blocked.inputValue()).toBe('*://*.bank.example/*\nbank.example');

    await blocked.fill('*://*.bank.example/*');
    await options.getByLabel('Keep sent reports (days)').fill('7');
    await options.getByRole('button', { name: 'Save' }).click();
    await statusWith('Settings saved.').waitFor();
    expect((await saved()).settings).toEqual({
      endpointUrl: `${rig.receiver.url}/tickets`,
      blockedSites: ['*://*.bank.example/*'],
      sentReportRetentionDays: 7,
    });
    await expect
      .poll(() =>
        rig.ext.worker.evaluate(
          async () => (await (globalThis as any).chrome.scripting.getRegisteredContentScripts())[0]?.excludeMatches,
        ),
      )
      .toEqual(['*://*.bank.example/*']);
  });

  it('tests the connection as typed, before saving, in plain words', async () => {
    const test = async (url: string, expected: string) => {
      await options.getByLabel('Endpoint URL').fill(url);
      await options.getByRole('button', { name: 'Test connection' }).click();
      await statusWith(expected).waitFor();
    };
    await options.getByLabel('Access token').fill(TOKEN);
    await test(`${rig.receiver.url}/tickets`, 'Connection works: the endpoint answered (HTTP 200).');
    await test(`${rig.receiver.url}/nothing-here`, 'there is nothing at this address (HTTP 404)');
    const port = new URL(rig.receiver.url).port;
    await rig.receiver.close();
    await test(`http://127.0.0.1:${port}/tickets`, 'The endpoint could not be reached');
    await options.getByLabel('Helpdesk').selectOption('glpi');
    await options.getByLabel('User token').fill('user-token');
    // GLPI has its own check (initSession): an address this machine cannot reach says so.
    await test('https://glpi.example.org', 'The helpdesk could not be reached');
    expect(await saved()).toEqual({ settings: {}, secrets: {} });
  });

  it('exports a Chrome policy file and imports a policy back, refusing a bad file without losing anything', async () => {
    await options.getByLabel('Endpoint URL').fill('https://support.example.org/tickets');
    await options.getByLabel('Access token').fill('secret-token');
    await options.getByLabel('Categories').fill('Mail\nIntranet');
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export Chrome policy' }).click();
    const file = await (await download).path();
    const policy = JSON.parse(await readFile(file, 'utf8'));
    const values = policy['3rdparty'].extensions[rig.ext.extensionId];
    expect(values).toMatchObject({
      endpointUrl: 'https://support.example.org/tickets',
      categories: ['Mail', 'Intranet'],
      maskAllInputs: false,
    });
    expect(values).not.toHaveProperty('token'); // secrets only when asked for

    const importFile = async (name: string, content: string) => {
      const path = join(rig.dataDir, name);
      await writeFile(path, content);
      await options.getByLabel('Import settings').setInputFiles(path);
    };
    await importFile('broken.json', '{ "endpointUrl": ');
    await statusWith('This file is not JSON: nothing was imported.').waitFor();
    await importFile('bad.json', JSON.stringify({ organisationName: 'Other', blockedSites: ['bank.example'] }));
    await statusWith('Nothing was imported: correct these values in the file first.').waitFor();
    expect(
      await options
        .getByRole('status')
        .filter({ hasText: 'blockedSites: “bank.example”: This is not a site pattern' })
        .count(),
    ).toBe(1);
    expect(await options.getByLabel('Organisation name').inputValue()).toBe('');
    expect(await options.getByLabel('Categories').inputValue()).toBe('Mail\nIntranet');

    await options
      .getByLabel('Import settings')
      .setInputFiles(resolve(import.meta.dirname, '../../docs/policies/firefox-policies.json'));
    await statusWith('Imported. Check the values, then press Save.').waitFor();
    expect(await options.getByLabel('Organisation name').inputValue()).toBe(
      "Ville d'Exemple — Direction des systèmes d'information",
    );
    expect(await options.getByLabel('Endpoint URL').inputValue()).toBe('https://support.example.org/mayday/tickets');
    expect(await saved()).toEqual({ settings: {}, secrets: {} });
    await options.getByRole('button', { name: 'Save' }).click();
    await statusWith('Settings saved.').waitFor();
    expect((await saved()).settings.categories).toEqual([
      'Messagerie',
      'Logiciel métier',
      'Intranet',
      'Impression',
      'Autre',
    ]);
  });
});
