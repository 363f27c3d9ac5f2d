/**
 * npm run demo: build Mayday, start the reference receiver on a temporary folder, open Chromium
 * with the extension pointed at it, and show a broken intranet page. With a display, you click
 * Mayday's toolbar button yourself; without one, the demo files a report end to end and prints it.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startReceiver, type Receiver } from '../receiver/server';
import type { StoredTicket } from '../receiver/store';
import { EXTENSION_ID, launchWithExtension } from '../test/support/extension';
import { configureEndpoint, describeAndSend, startReport } from '../test/support/flows';
import { serveFolder } from '../test/support/static-server';

function summary({ receipt, ticket, folder }: StoredTicket): string {
  const errors = ticket.console.filter((e) => e.level === 'error').length;
  const shot = ticket.screenshot
    ? `screenshot ${ticket.screenshot.width}x${ticket.screenshot.height} (${Math.round(ticket.screenshot.size / 1024)} KB)`
    : 'no screenshot';
  return `Ticket ${receipt.id} stored in ${folder}\n  "${ticket.description}" on ${ticket.page.url} — ${errors} errors, ${ticket.console.length} console entries, ${shot}`;
}

function watch(receiver: Receiver) {
  const seen = new Set<string>();
  const printNew = async () => {
    for (const stored of await receiver.store.list()) {
      if (seen.has(stored.receipt.id)) continue;
      seen.add(stored.receipt.id);
      console.log(summary(stored));
    }
  };
  setInterval(() => void printNew().catch((error) => console.error('Could not read the receiver:', error)), 1000);
}

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.MAYDAY_DEMO_HEADLESS !== '1';
console.log('Building the extension…');
execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });

const dataDir = await mkdtemp(join(tmpdir(), 'mayday-demo-tickets-'));
const token = randomBytes(16).toString('hex');
const receiver = await startReceiver({ dataDir, token });
const site = await serveFolder(resolve(import.meta.dirname, '../test/fixtures'));
console.log(`Receiver: ${receiver.url}/tickets (tickets in ${dataDir})`);

const ext = await launchWithExtension({ headless: !headed });
console.log(
  `Extension loaded, id ${ext.extensionId}${ext.extensionId === EXTENSION_ID ? '' : ' (unexpected: the manifest key should fix it)'}`,
);
await configureEndpoint(ext, `${receiver.url}/tickets`, token);
const page = await ext.context.newPage();
await page.goto(`${site.url}/demo-intranet.html`);
await page.bringToFront();

if (headed) {
  console.log(
    '\nA broken page is open. Click Mayday\'s toolbar button (pin it from the puzzle icon), then "Report a problem".',
  );
  console.log('Each ticket the receiver stores is printed here. Close the browser or press Ctrl+C to stop.\n');
  watch(receiver);
  ext.context.on('close', () => process.exit(0));
} else {
  console.log('No display: filing one report end to end, headless.');
  await page.waitForFunction(() => (window as { __pageResult?: string }).__pageResult === 'ok');
  await page.waitForTimeout(200);
  const compose = await startReport(ext, page);
  const status = await describeAndSend(
    compose,
    'My expense reports do not load: the list says "Something went wrong."',
  );
  console.log(`Report page says: ${status}`);
  const [stored] = await receiver.store.list();
  if (!stored) throw new Error('The receiver holds no ticket: the demo failed');
  console.log(summary(stored));
  await ext.close();
  await receiver.close();
  await site.close();
}
