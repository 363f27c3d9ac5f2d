/**
 * An endpoint on plain http:// to another machine: refused until the admin names its host, and
 * then said to be unencrypted, in English and in French.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../support/extension';
import { fieldDescription as description } from '../support/flows';
import { useRig } from '../support/rig';

// Each test launches Mayday in its own language; nothing is sent anywhere.
const rig = useRig({ receiver: false, browser: false });
let ext: ExtensionBrowser;

async function optionsIn(lang: string): Promise<Page> {
  ext = await rig.launch({ lang });
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  return options;
}

const saved = () => ext.worker.evaluate(() => (globalThis as any).chrome.storage.local.get('settings'));

describe('an unencrypted endpoint', () => {
  it('is refused with a clear message until its host is named, then shown as unencrypted', async () => {
    const options = await optionsIn('en');
    const url = options.getByLabel('Endpoint URL');
    await url.fill('http://helpdesk.intranet.example/tickets');
    await options.getByLabel('Access token').fill('t');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').filter({ hasText: 'Nothing was saved' }).waitFor();
    expect(await description(url)).toContain('This address is not encrypted (http://)');
    expect((await saved()).settings ?? {}).toEqual({});
    await options.getByText('Unencrypted connection: the token and the reports travel in clear text').waitFor();

    await options.getByLabel('Hosts allowed over plain http').fill('helpdesk.intranet.example');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    expect((await saved()).settings).toMatchObject({ plainHttpHosts: ['helpdesk.intranet.example'] });
    await options.getByText('Unencrypted connection: the token and the reports travel in clear text').waitFor();
  });

  it('is refused in French too', async () => {
    const options = await optionsIn('fr');
    const url = options.getByLabel('URL de destination');
    await url.fill('http://helpdesk.intranet.example/tickets');
    await options.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => description(url)).toContain("Cette adresse n'est pas chiffrée (http://)");
    await options.getByText('Connexion non chiffrée').waitFor();
  });
});
