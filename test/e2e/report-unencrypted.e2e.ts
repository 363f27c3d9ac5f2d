/**
 * A helpdesk on plain http:// that the admin allowed by naming its host (plainHttpHosts): the
 * report goes, and its status says the connection is unencrypted, on the report page after Send
 * and in the popup's recent reports, in English and in French. A helpdesk on this machine
 * (http://127.0.0.1) never crosses a network and is not flagged.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../receiver/server';
import { launchWithExtension, type ExtensionBrowser } from '../support/extension';
import { describeAndSend, editOptions, openPopup, startReport } from '../support/flows';
import { serveFolder, type StaticServer } from '../support/static-server';

/** An intranet name for the receiver on 127.0.0.1: not loopback by name, so it needs the exception. */
const INTRANET_HOST = 'helpdesk.intranet.example';

let site: StaticServer;
let receiver: Receiver;
let dataDir: string;
let ext: ExtensionBrowser | undefined;
beforeAll(async () => {
  site = await serveFolder(resolve(import.meta.dirname, '../fixtures'));
});
afterAll(() => site.close());
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mayday-unencrypted-'));
  receiver = await startReceiver({ dataDir });
});
afterEach(async () => {
  await ext?.close();
  ext = undefined;
  await receiver.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function launch(lang: string): Promise<ExtensionBrowser> {
  ext = await launchWithExtension({ lang, args: [`--host-resolver-rules=MAP ${INTRANET_HOST} 127.0.0.1`] });
  return ext;
}

const intranetUrl = () => `${receiver.url.replace('127.0.0.1', INTRANET_HOST)}/tickets`;

async function brokenPage(browser: ExtensionBrowser) {
  const page = await browser.context.newPage();
  await page.goto(`${site.url}/broken-page.html`);
  return page;
}

describe('a report sent over plain http:// by the admin exception', () => {
  it('says the connection is unencrypted after Send and in the recent reports', async () => {
    const browser = await launch('en-US');
    await editOptions(browser, async (options) => {
      await options.getByLabel('Endpoint URL').fill(intranetUrl());
      await options.getByLabel('Hosts allowed over plain http').fill(INTRANET_HOST);
    });
    const compose = await startReport(browser, await brokenPage(browser));
    const status = await describeAndSend(compose, 'Sent to the intranet helpdesk');
    expect(status).toMatch(/^Report sent/);
    expect(status).toContain(
      'Unencrypted connection (http://): your organisation allows it for this helpdesk, but the report travels in clear text on the network.',
    );
    expect(await receiver.store.list()).toHaveLength(1);

    const popup = await openPopup(browser);
    const entry = popup.getByRole('listitem').filter({ hasText: 'Sent to the intranet helpdesk' });
    await entry.getByText('unencrypted connection').waitFor();
    expect(await entry.textContent()).toMatch(/Sent.*· unencrypted connection/);
  });

  it('says it in French too', async () => {
    const browser = await launch('fr-FR');
    const options = await browser.context.newPage();
    await options.goto(browser.pageUrl('options.html'));
    await options.getByLabel('URL de destination').fill(intranetUrl());
    await options.getByLabel('Hôtes autorisés en http non chiffré').fill(INTRANET_HOST);
    await options.getByRole('button', { name: 'Enregistrer' }).click();
    await options.getByRole('status').filter({ hasText: 'Paramètres enregistrés' }).waitFor();
    await options.close();

    const compose = await startReport(browser, await brokenPage(browser), 'Signaler un problème');
    await compose.getByLabel("Qu'est-ce qui ne va pas ?").fill("Envoyé au helpdesk de l'intranet");
    await compose.getByRole('button', { name: 'Envoyer le signalement' }).click();
    const status = compose.getByRole('status').filter({ hasText: 'Connexion non chiffrée' });
    await status.waitFor();
    expect(await status.textContent()).toContain(
      "Connexion non chiffrée (http://) : votre organisation l'autorise pour ce helpdesk, mais le signalement circule en clair sur le réseau.",
    );

    expect(await receiver.store.list()).toHaveLength(1);

    const popup = await openPopup(browser);
    await popup
      .getByRole('listitem')
      .filter({ hasText: "Envoyé au helpdesk de l'intranet" })
      .getByText('connexion non chiffrée')
      .waitFor();
  });
});

describe('a report sent to a helpdesk on this machine', () => {
  it('is not said to be unencrypted: it never crosses a network', async () => {
    const browser = await launch('en-US');
    await editOptions(browser, async (options) => {
      await options.getByLabel('Endpoint URL').fill(`${receiver.url}/tickets`);
    });
    const compose = await startReport(browser, await brokenPage(browser));
    const status = await describeAndSend(compose, 'Sent to this machine');
    expect(status).toMatch(/^Report sent/);
    expect(status).not.toContain('Unencrypted');
    const popup = await openPopup(browser);
    const entry = popup.getByRole('listitem').filter({ hasText: 'Sent to this machine' });
    await entry.getByText(/Sent/).first().waitFor();
    expect(await entry.textContent()).not.toContain('unencrypted');
  });
});
