/** Shared by the ticketview E2E files: sending a real report, and watching a page stay inert. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Receiver } from '../../receiver/server';
import type { StoredTicket } from '../../receiver/store';
import { ticketSchema, type Ticket } from '../../utils/core/model/ticket';
import type { ExtensionBrowser } from './extension';
import { describeAndSend, startReport } from './flows';

export interface Watched {
  requests: string[];
  dialogs: string[];
}

/** Records every request the page makes and every dialog it opens (dismissed). */
export function watch(page: Page): Watched {
  const watched: Watched = { requests: [], dialogs: [] };
  page.on('request', (request) => watched.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  return watched;
}

/** No payload ran: the flag they set stays unset and no dialog opened. */
export async function expectInert(page: Page, watched: Watched): Promise<void> {
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(watched.dialogs).toEqual([]);
}

/** Opens `url`, reports it with `description` through the real UI, returns what the receiver stored. */
export async function sendReport(
  ext: ExtensionBrowser,
  receiver: Receiver,
  url: string,
  description: string,
): Promise<StoredTicket> {
  const page = await ext.context.newPage();
  await page.goto(url);
  if (url.startsWith('http')) {
    await page.waitForFunction(() => (window as { __pageResult?: string }).__pageResult === 'ok');
    await page.waitForTimeout(50); // fixtures throw from a setTimeout(0)
  }
  const compose = await startReport(ext, page);
  expect(await describeAndSend(compose, description)).toMatch(/^Report sent\. Reference: \d+/);
  await compose.close();
  await page.close();
  const tickets = await receiver.store.list();
  return tickets[tickets.length - 1];
}

/**
 * The ticket with steps and failed requests carrying `payloads`, as the recorder will record them
 * (clicked labels, requested URLs): until it does, this is how those fields get tested.
 */
export function withPlantedSteps(ticket: Ticket, payloads: string[]): Ticket {
  const time = Date.parse(ticket.createdAt) - 5000;
  return ticketSchema.parse({
    ...ticket,
    steps: payloads.map((label, i) => ({ kind: 'click', label, selector: label.slice(0, 200), time: time + i })),
    network: payloads.map((p, i) => ({
      source: 'page',
      method: 'GET',
      url: `https://api.example.org/${p}`,
      status: 500,
      error: p.slice(0, 300),
      type: 'fetch',
      time: time + i,
      count: 1,
    })),
  });
}
