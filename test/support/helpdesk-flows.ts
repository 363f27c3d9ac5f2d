/** E2E steps for helpdesk connectors: point the extension at a helpdesk, read what it sent. */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { ConnectorConfig } from '../../utils/core/delivery/config';
import type { OutgoingReport } from '../../utils/core/delivery/connector';
import { launchWithExtension, stopServiceWorker, type ExtensionBrowser } from './extension';
import { serveFolder, type StaticServer } from './static-server';

const HELPDESK_NAMES: Record<Exclude<ConnectorConfig['type'], 'none'>, string> = {
  webhook: 'Webhook (any endpoint)',
  glpi: 'GLPI',
  zammad: 'Zammad',
  rt: 'Request Tracker',
  redmine: 'Redmine',
};

/** Points Mayday at a helpdesk the way an admin does: the options page, by its labels. */
export async function configureHelpdesk(ext: ExtensionBrowser, config: ConnectorConfig): Promise<void> {
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
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('payloads').objectStore('payloads').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => resolve(all.result as OutgoingReport[]);
        };
      }),
  );
}

/**
 * A test file's fixtures: the broken page served for the whole file; a browser with Mayday pointed
 * at a helpdesk per test; whatever a test hands to `closeAfter` is closed after it.
 */
export function helpdeskSuite() {
  let site: StaticServer;
  let closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    site = await serveFolder(resolve(import.meta.dirname, '../fixtures'));
  });
  afterAll(() => site.close());
  afterEach(async () => {
    for (const close of closers.reverse()) await close();
    closers = [];
  });
  return {
    closeAfter<T extends { close(): Promise<void> }>(thing: T): T {
      closers.push(() => thing.close());
      return thing;
    },
    async launch(config: ConnectorConfig): Promise<ExtensionBrowser> {
      const ext = this.closeAfter(await launchWithExtension());
      await configureHelpdesk(ext, config);
      return ext;
    },
    /** The fixture site's address (test/fixtures). */
    siteUrl: () => site.url,
    async brokenPage(ext: ExtensionBrowser): Promise<Page> {
      const page = await ext.context.newPage();
      await page.goto(`${site.url}/broken-page.html`);
      await page.waitForFunction(() => (window as { __pageResult?: string }).__pageResult === 'ok');
      return page;
    },
  };
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
): Promise<string> {
  await compose.getByLabel('What went wrong?').fill(description);
  await compose.getByRole('button', { name: 'Send report' }).click();
  await expect.poll(() => lost.lost, { timeout: 20_000 }).toBe(1);
  await stopServiceWorker(ext);
  const status = compose.getByRole('status').filter({ hasText: /Report sent\. Reference: \d+/ });
  await status.waitFor({ timeout: 30_000 });
  return (await status.textContent()) ?? '';
}
