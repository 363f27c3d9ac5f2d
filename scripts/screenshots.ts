/**
 * npm run screenshots: the pages of Mayday in English and French for the README and the docs
 * (docs/screenshots/), from a fresh build: the report page (the screenshot marked up in the editor,
 * a description typed, "What will be sent" opened by its summary line), the popup with its recent
 * reports, the options page, the viewer and report.html of the report just sent. The report page is
 * also taken as it first shows on a 1366×768 laptop (report-page-1366x768-*.png). Uses the reference
 * receiver and the demo page; every control is found by its label or name in that language.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import en from '../public/_locales/en/messages.json';
import fr from '../public/_locales/fr/messages.json';
import { startReceiver } from '../receiver/server';
import { launchWithExtension, type ExtensionBrowser } from '../test/support/extension';
import { startReport } from '../test/support/flows';
import { serveFolder } from '../test/support/static-server';

type Messages = typeof en;
type Key = keyof Messages;

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs/screenshots');
const WIDTH = 1280;
const LAPTOP = { width: 1366, height: 768 };
const LANGUAGES = [
  {
    lang: 'en-US',
    messages: en,
    code: 'en',
    description: 'My expense reports do not load: the list says "Something went wrong."',
  },
  {
    lang: 'fr-FR',
    messages: fr,
    code: 'fr',
    description: "Mes notes de frais ne s'affichent pas : la liste indique « Something went wrong. »",
  },
];

/** A message as shown, its placeholders ($COUNT$) matching anything. */
function shown(messages: Messages, key: Key): RegExp {
  const escaped = messages[key].message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\\\$\w+\\\$/g, '.+')}$`);
}

async function configureEndpoint(ext: ExtensionBrowser, messages: Messages, url: string) {
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await options.getByLabel(messages.optionsEndpointUrl.message, { exact: true }).fill(url);
  await options.getByRole('button', { name: messages.optionsSave.message, exact: true }).click();
  await options.getByRole('status').filter({ hasText: messages.optionsSaved.message }).waitFor();
  await options.close();
}

/** Drags on the screenshot between two points given in the captured image's pixels (1280 x 720). */
async function drag(compose: Page, name: string, from: [number, number], to: [number, number]) {
  const shot = compose.getByRole('img', { name, exact: true });
  const box = (await shot.boundingBox())!;
  const at = ([x, y]: [number, number]) => [box.x + (x * box.width) / 1280, box.y + (y * box.height) / 720] as const;
  await compose.mouse.move(...at(from));
  await compose.mouse.down();
  await compose.mouse.move(...at(to), { steps: 5 });
  await compose.mouse.up();
}

// Pictures of the current code, never of an older build.
execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
await mkdir(OUT, { recursive: true });
const site = await serveFolder(join(ROOT, 'test/fixtures'));
const dataDir = await mkdtemp(join(tmpdir(), 'mayday-shots-'));
const receiver = await startReceiver({ dataDir });
try {
  for (const { lang, messages, code, description } of LANGUAGES) {
    const ext = await launchWithExtension({ lang });
    const write = async (page: Page, name: string, fullPage = true) => {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.screenshot({ path: join(OUT, `${name}-${code}.png`), fullPage });
      console.log(`wrote docs/screenshots/${name}-${code}.png`);
    };
    try {
      await configureEndpoint(ext, messages, `${receiver.url}/tickets`);
      const page = await ext.context.newPage();
      await page.goto(`${site.url}/demo-intranet.html`);
      await page.getByText('Something went wrong.').waitFor();
      await page.getByRole('button', { name: 'Refresh list' }).click();
      await page.waitForTimeout(300);
      const compose = await startReport(ext, page, messages.popupReport.message);
      await compose.setViewportSize(LAPTOP);

      const shot = messages.reportScreenshotAlt.message;
      await compose.getByRole('img', { name: shot, exact: true }).waitFor();
      await compose.getByRole('button', { name: messages.editorHighlight.message, exact: true }).click();
      await drag(compose, shot, [22, 258], [940, 358]);
      await compose.getByRole('button', { name: messages.editorArrow.message, exact: true }).click();
      await drag(compose, shot, [880, 540], [600, 345]);
      await compose.getByLabel(messages.composeDescriptionLabel.message, { exact: true }).fill(description);
      // The review follows the description after a pause (500 ms); let it settle.
      await compose.waitForTimeout(1500);
      await compose.evaluate(() => window.scrollTo(0, 0));
      await write(compose, 'report-page-1366x768', false);

      // The whole page, the review opened from the summary line with the console messages listed.
      await compose.setViewportSize({ width: WIDTH, height: 800 });
      await compose.getByRole('button', { name: messages.composeSentReviewName.message, exact: true }).click();
      const include = compose.getByLabel(messages.reviewIncludeConsole.message, { exact: true });
      await compose
        .locator('fieldset')
        .filter({ has: include })
        .getByText(shown(messages, 'reviewShowEntries'))
        .click();
      await compose.evaluate(() => window.scrollTo(0, 0));
      await write(compose, 'report-page');

      await compose.getByRole('button', { name: messages.composeSend.message, exact: true }).click();
      await compose.getByRole('link', { name: shown(messages, 'composeOpenTicket') }).waitFor({ timeout: 20_000 });
      const stored = (await receiver.store.list()).at(-1)!;

      const popup = await ext.context.newPage();
      await popup.setViewportSize({ width: 360, height: 420 });
      await popup.goto(ext.pageUrl('popup.html'));
      await popup.getByRole('heading', { name: messages.popupRecent.message, exact: true }).waitFor();
      await write(popup, 'popup', false);

      const options = await ext.context.newPage();
      await options.setViewportSize(LAPTOP);
      await options.goto(ext.pageUrl('options.html'));
      await options.getByLabel(messages.optionsOrganisationName.message, { exact: true }).fill('Example Intranet');
      await write(options, 'options', false);

      const viewer = await ext.context.newPage();
      await viewer.setViewportSize({ width: WIDTH, height: 800 });
      await viewer.goto(ext.pageUrl('viewer.html'));
      await viewer.locator('input[type=file]').setInputFiles(join(stored.attachmentsFolder, 'report.json'));
      await viewer.getByText(description).first().waitFor();
      await write(viewer, 'viewer', false);

      const report = await ext.context.newPage();
      await report.setViewportSize({ width: WIDTH, height: 800 });
      await report.goto(`file://${join(stored.attachmentsFolder, 'report.html')}`);
      await write(report, 'report-html', false);
    } finally {
      await ext.close();
    }
  }
} finally {
  await receiver.close();
  await site.close();
  await rm(dataDir, { recursive: true, force: true });
}
