/** E2E steps for helpdesk connectors: point the extension at a helpdesk, read what it sent. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ConnectorConfig } from '../../utils/core/delivery/config';
import type { OutgoingReport } from '../../utils/core/delivery/connector';
import { stopServiceWorker, type ExtensionBrowser } from './extension';
import type { Rig, RigOptions } from './rig';

const HELPDESK_NAMES: Record<Exclude<ConnectorConfig['type'], 'none'>, string> = {
  webhook: 'Webhook (any endpoint)',
  glpi: 'GLPI',
  zammad: 'Zammad',
  rt: 'Request Tracker',
  redmine: 'Redmine',
  itop: 'iTop',
};

/** Points Mayday at a helpdesk the way an admin does: the options page, by its labels. */
async function configureHelpdesk(ext: ExtensionBrowser, config: ConnectorConfig): Promise<void> {
  if (config.type === 'none') throw new Error('configureHelpdesk needs a helpdesk');
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await options.getByLabel('Helpdesk').selectOption({ label: HELPDESK_NAMES[config.type] });
  await options.getByLabel('Endpoint URL').fill(config.url);
  const fields: [string, string][] = {
    webhook: () => [['Access token', config.type === 'webhook' ? config.token : '']],
    glpi: () =>
      config.type === 'glpi'
        ? [
            ['User token', config.userToken],
            ['App token', config.appToken],
          ]
        : [],
    zammad: () =>
      config.type === 'zammad'
        ? [
            ['Access token', config.token],
            ['Group', config.group],
            ['Customer', config.customer],
          ]
        : [],
    rt: () =>
      config.type === 'rt'
        ? [
            ['Access token', config.token],
            ['Queue', config.queue],
          ]
        : [],
    redmine: () =>
      config.type === 'redmine'
        ? [
            ['API key', config.apiKey],
            ['Project', config.projectId],
            ['Tracker ID', config.trackerId],
          ]
        : [],
    itop: () =>
      config.type === 'itop'
        ? [
            ['Password or token', config.user ? config.password : config.token],
            ['iTop login', config.user],
            ['iTop organisation', config.organization],
          ]
        : [],
  }[config.type]() as [string, string][];
  for (const [label, value] of fields) await options.getByLabel(label, { exact: true }).fill(value);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
  await options.close();
}

/** The reports as the outbox stored them: exactly what the connector was handed to send. */
export async function outboxReports(ext: ExtensionBrowser): Promise<OutgoingReport[]> {
  const worker = await ext.currentWorker();
  return worker.evaluate(
    () =>
      new Promise<OutgoingReport[]>((resolve, reject) => {
        const open = indexedDB.open('mayday');
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        open.onsuccess = () => {
          const all = open.result.transaction('payloads').objectStore('payloads').getAll();
          all.onerror = () => reject(all.error ?? new Error('payloads.getAll failed'));
          all.onsuccess = () => resolve(all.result as OutgoingReport[]);
        };
      }),
  );
}

/** What the helpdesk files ask of the rig: the fixture site; each test launches its browser and helpdesk. */
export const HELPDESK_RIG: RigOptions = { receiver: false, browser: false };

/** A browser with Mayday pointed at a helpdesk, closed after the test. */
export async function launchWithHelpdesk(rig: Rig, config: ConnectorConfig): Promise<ExtensionBrowser> {
  const ext = await rig.launch();
  await configureHelpdesk(ext, config);
  return ext;
}

/** The broken fixture page in a new tab of `ext`, once its scripts have run. */
export async function brokenPage(rig: Rig, ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`${rig.site.url}/broken-page.html`);
  await page.waitForFunction(() => (window as { __pageResult?: string }).__pageResult === 'ok');
  return page;
}

/**
 * Sends the report while `lost` withholds the helpdesk's reply to its creation, stops the service
 * worker as Chrome may, and waits for the restarted worker's retry to report it sent.
 */
export async function sendThroughLostReply(
  ext: ExtensionBrowser,
  compose: Page,
  description: string,
  lost: { lost: number },
  /** What the helpdesk's ticket references look like: GLPI, RT 4711; iTop R-004711. */
  reference = /\d+/,
): Promise<string> {
  await compose.getByLabel('What went wrong?').fill(description);
  await compose.getByRole('button', { name: 'Send report' }).click();
  await expect.poll(() => lost.lost, { timeout: 20_000 }).toBe(1);
  await stopServiceWorker(ext);
  const status = compose
    .getByRole('status')
    .filter({ hasText: new RegExp(`Report sent\\. Reference: ${reference.source}`) });
  await status.waitFor({ timeout: 30_000 });
  return (await status.textContent()) ?? '';
}
