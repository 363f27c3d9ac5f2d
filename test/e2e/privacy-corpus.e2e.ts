/**
 * The seeded privacy corpus end to end: 56 secrets planted in a page's fields, private text,
 * console, errors, failing requests, URL and title, and one pasted into the description, reported
 * through the real UI. None may be in any byte that reaches the endpoint or in the body text a
 * helpdesk shows; the masked fields are painted over; the look-alikes arrive untouched.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { redmineBody, ticketBody } from '../../utils/core/delivery/connectors/body';
import { describeAndSend, editOptions, startReport } from '../support/flows';
import { decodeImage, type DecodedImage } from '../support/images';
import { findIn, findLeaks } from '../support/leak-search';
import {
  ADMIN_PATTERNS,
  CONTROL_FIELD,
  CORPUS_PLAN,
  DESCRIPTION,
  LOOK_ALIKES,
  MASKED_FIELDS,
  PROBES,
  SECRETS,
} from '../support/privacy-corpus';
import { useRig } from '../support/rig';
import type { Route } from '../support/static-server';

const TOKEN = 'corpus-e2e-token';
/** The colour masks are painted in (utils/background/capture/images.ts). */
const MASK = [31, 41, 51] as const;
const VALUES = SECRETS.map((s) => s.value);

const servePlan: Route = (req, res) => {
  if (!req.url?.startsWith('/privacy-corpus.json')) return false;
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(CORPUS_PLAN));
  return true;
};
/** The API fails, and its error body repeats the request's query: bodies must never be collected. */
const failingApi: Route = (req, res) => {
  if (!req.url?.startsWith('/api/')) return false;
  const status = req.url.startsWith('/api/report') ? 404 : 500;
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: `refused ${req.url}` }));
  return true;
};

const rig = useRig({ fresh: 'file', routes: [servePlan, failingApi], token: TOKEN, front: 'pass' });
beforeAll(() =>
  editOptions(rig.ext, (options) => options.getByLabel('Extra redaction patterns').fill(ADMIN_PATTERNS.join('\n'))),
);

function near(actual: readonly number[], expected: readonly number[], tolerance = 16): boolean {
  return actual.every((channel, i) => Math.abs(channel - expected[i]) <= tolerance);
}

/** Pixels on a grid inside the element's box (3 px in from its edges), in image coordinates. */
async function pixelsInside(page: Page, selector: string, image: DecodedImage): Promise<number[][]> {
  const box = (await page.locator(selector).boundingBox())!;
  const scale = image.width / page.viewportSize()!.width;
  const pixels: number[][] = [];
  for (let i = 0; i <= 6; i++) {
    for (let j = 0; j <= 2; j++) {
      const x = Math.round((box.x + 3 + ((box.width - 6) * i) / 6) * scale);
      const y = Math.round((box.y + 3 + ((box.height - 6) * j) / 2) * scale);
      pixels.push(image.pixel(x, y));
    }
  }
  return pixels;
}

async function plantedPage(): Promise<Page> {
  const page = await rig.ext.context.newPage();
  await page.goto(`${rig.site.url}/privacy-corpus.html${CORPUS_PLAN.search}${CORPUS_PLAN.hash}`);
  await page.waitForFunction(() => (window as { __pageResult?: string }).__pageResult === 'ok');
  await page.waitForTimeout(50); // the corpus throws from a setTimeout(0)
  for (const field of [...MASKED_FIELDS, CONTROL_FIELD])
    await page.getByLabel(field.label, { exact: true }).fill(field.value);
  await page.getByText(CORPUS_PLAN.privateText[0]).click();
  return page;
}

describe('the seeded privacy corpus', () => {
  it('plants 56 distinct secrets, each in the page plan, a field or the description', () => {
    expect(new Set(VALUES).size).toBe(56);
    const planted = JSON.stringify([CORPUS_PLAN, MASKED_FIELDS, DESCRIPTION]);
    // As written, or percent-encoded in a request's address.
    const plantedAs = (value: string) => [JSON.stringify(value).slice(1, -1), encodeURIComponent(value)];
    expect(VALUES.filter((value) => !plantedAs(value).some((form) => planted.includes(form)))).toEqual([]);
  });

  it(
    'delivers none of them in any byte or body text, paints the fields over, and keeps every look-alike',
    { timeout: 120_000 },
    async () => {
      const page = await plantedPage();
      const compose = await startReport(rig.ext, page);

      // What the person reviews is already redacted, and is what gets sent.
      const panel = compose.getByRole('region', { name: 'What will be sent' });
      await panel.getByText('Include console messages').waitFor();
      await panel.evaluate((el) => el.querySelectorAll('details').forEach((d) => (d.open = true)));
      const reviewed = Buffer.from(await panel.innerText());
      expect(findLeaks(VALUES, [reviewed])).toEqual([]);
      expect(findIn(['probe-08', 'probe-23', 'probe-28', 'probe-30', 'probe-31'], [reviewed])).toHaveLength(5);
      const previewSrc = await panel.getByRole('img', { name: 'Screenshot as it will be sent' }).getAttribute('src');

      expect(await describeAndSend(compose, DESCRIPTION)).toMatch(/^Report sent\. Reference: 1/);
      const [{ ticket, folder, attachmentsFolder }] = await rig.receiver.store.list();
      const files = await Promise.all(
        [
          ...(await readdir(folder)).filter((name) => name.endsWith('.json')).map((name) => join(folder, name)),
          ...(await readdir(attachmentsFolder)).map((name) => join(attachmentsFolder, name)),
        ].map((path) => readFile(path)),
      );
      // The bodies the helpdesk connectors would make of this ticket.
      const { text, html } = ticketBody(ticket);
      const bodyTexts = [text, html, redmineBody(ticket)].map((body) => Buffer.from(body));
      expect(rig.front.bodies).toHaveLength(1);

      const delivered = findLeaks(VALUES, [...rig.front.bodies, ...files, ...bodyTexts]);
      console.log(`privacy corpus: secrets delivered: ${delivered.length} of ${VALUES.length}`);
      expect(delivered).toEqual([]);

      // The texts that carried secrets arrived, without them; the look-alikes arrived as they were.
      const ticketJson = await readFile(join(folder, 'ticket.json'));
      const reportHtml = await readFile(join(attachmentsFolder, 'report.html'));
      for (const file of [ticketJson, reportHtml]) {
        expect(findIn(PROBES, [file])).toEqual(PROBES);
        expect(findIn(LOOK_ALIKES, [file])).toEqual(LOOK_ALIKES);
      }
      expect(ticket.capture.redactions).toMatchObject({
        custom: 2,
        card: 2,
        iban: 1,
        jwt: 1,
        'private-key': 1,
        nir: 1,
        'slack-webhook': 1,
        'vault-token': 1,
        'azure-secret': 1,
        'github-token': 2,
      });

      // The screenshot: every masked field and private text is solid mask colour, the control is not.
      const shot = await readFile(join(attachmentsFolder, ticket.screenshot!.attachment));
      expect(previewSrc).toBe(`data:${ticket.screenshot!.type};base64,${shot.toString('base64')}`);
      const image = await decodeImage(rig.ext.context, shot, ticket.screenshot!.type);
      const masked = ['#password', '#new-password', '#card', '#card-name', '#otp', '#health', '#hr'];
      for (const selector of masked) {
        const unmasked = (await pixelsInside(page, selector, image)).filter((pixel) => !near(pixel, MASK));
        expect({ selector, unmasked }).toEqual({ selector, unmasked: [] });
      }
      const control = await pixelsInside(page, '#order', image);
      expect(control.some((pixel) => near(pixel, CONTROL_FIELD.colour))).toBe(true);
      expect(ticket.screenshot!.masks).toBeGreaterThanOrEqual(masked.length);
    },
  );
});
