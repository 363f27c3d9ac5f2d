/**
 * npm run screenshots: pictures of the report page in English and French for the README
 * (docs/screenshots/). Uses the built extension, the reference receiver and the demo page.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startReceiver } from '../receiver/server';
import { launchWithExtension } from '../test/support/extension';
import { startReport } from '../test/support/flows';
import { serveFolder } from '../test/support/static-server';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
const LANGUAGES = [
  {
    lang: 'en-US',
    button: 'Report a problem',
    file: 'report-page-en.png',
    description: 'My expense reports do not load: the list says "Something went wrong."',
  },
  {
    lang: 'fr-FR',
    button: 'Signaler un problème',
    file: 'report-page-fr.png',
    description: "Mes notes de frais ne s'affichent pas : la liste indique « Something went wrong. »",
  },
];

await mkdir(OUT, { recursive: true });
const site = await serveFolder(resolve(import.meta.dirname, '../test/fixtures'));
const dataDir = await mkdtemp(join(tmpdir(), 'mayday-shots-'));
const receiver = await startReceiver({ dataDir });
try {
  for (const { lang, button, file, description } of LANGUAGES) {
    const ext = await launchWithExtension({ lang });
    try {
      const options = await ext.context.newPage();
      await options.goto(ext.pageUrl('options.html'));
      await options.locator('input[type=url]').first().fill(`${receiver.url}/tickets`);
      await options.locator('button[type=submit]').first().click();
      await options.getByRole('status').filter({ hasText: /\S/ }).waitFor();
      await options.close();
      const page = await ext.context.newPage();
      await page.goto(`${site.url}/demo-intranet.html`);
      await page.waitForTimeout(300);
      const compose = await startReport(ext, page, button);
      await compose.locator('textarea').fill(description);
      await compose.setViewportSize({ width: 1100, height: 900 });
      await compose.screenshot({ path: join(OUT, file) });
      console.log(`wrote docs/screenshots/${file}`);
    } finally {
      await ext.close();
    }
  }
} finally {
  await receiver.close();
  await site.close();
  await rm(dataDir, { recursive: true, force: true });
}
