/** E2E steps for helpdesk connectors: point the extension at a helpdesk, read what it sent. */
import type { ConnectorConfig } from '../../utils/delivery/config';
import type { OutgoingReport } from '../../utils/delivery/connector';
import type { ExtensionBrowser } from './extension';

/**
 * Until the options page configures helpdesks, tests write the temporary `local:connector` item
 * (utils/delivery/connector-override.ts) from the service worker.
 */
export async function configureHelpdesk(ext: ExtensionBrowser, config: ConnectorConfig): Promise<void> {
  const worker = await ext.currentWorker();
  await worker.evaluate((connector) => (globalThis as any).chrome.storage.local.set({ connector }), config);
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

/** Stops the extension's service worker the way Chrome does when it is idle or killed. */
export async function stopServiceWorker(ext: ExtensionBrowser): Promise<void> {
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  const cdp = await ext.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(ext.pageUrl('')));
  if (!worker) throw new Error('The extension has no running service worker');
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  await cdp.detach();
}
