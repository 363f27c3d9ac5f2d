/**
 * The screenshot editor's toolbar on the laptops people have (1366×768 and 1280×720 screens,
 * browser chrome included): one line of icons and words, in English and in French (the longer
 * labels), every button keeping its accessible name.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/extension';
import { startReport } from '../support/flows';
import { serveFolder, type StaticServer } from '../support/static-server';

const VIEWPORTS = [
  { width: 1366, height: 657 },
  { width: 1280, height: 609 },
];
const LANGUAGES = [
  {
    lang: 'en-US',
    report: 'Report a problem',
    toolbar: 'Screenshot tools',
    alt: 'Screenshot of the reported page',
    names: [
      'Highlight',
      'Arrow',
      'Text',
      'Black out',
      'Undo',
      'Redo',
      'Clear',
      'Keyboard help',
      'Full window',
      'Remove screenshot',
    ],
  },
  {
    lang: 'fr-FR',
    report: 'Signaler un problème',
    toolbar: "Outils pour la capture d'écran",
    alt: "Capture d'écran de la page signalée",
    names: [
      'Surligner',
      'Flèche',
      'Texte',
      'Noircir',
      'Annuler',
      'Rétablir',
      'Tout effacer',
      'Aide clavier',
      'Plein cadre',
      "Retirer la capture d'écran",
    ],
  },
];

let site: StaticServer;
let ext: ExtensionBrowser | undefined;
beforeAll(async () => {
  site = await serveFolder(resolve(import.meta.dirname, '../fixtures'));
});
afterAll(() => site.close());
afterEach(async () => {
  await ext?.close();
  ext = undefined;
});

/** Each button's top, height and visible words, and the toolbar's height. */
function measure(compose: Page, toolbar: string) {
  return compose.getByRole('toolbar', { name: toolbar }).evaluate((bar) => ({
    height: bar.getBoundingClientRect().height,
    buttons: [...bar.querySelectorAll('button')].map((b) => {
      const box = b.getBoundingClientRect();
      return { top: box.top, height: box.height, words: b.textContent ?? '' };
    }),
  }));
}

describe.each(LANGUAGES)('the editor toolbar in $lang', ({ lang, report, toolbar, alt, names }) => {
  it('holds on one line at 1366×657 and 1280×609, with icons, words and the same accessible names', async () => {
    ext = await launchWithExtension({ lang });
    const page = await ext.context.newPage();
    await page.goto(`${site.url}/broken-page.html`);
    const compose = await startReport(ext, page, report);
    await compose.getByRole('img', { name: alt }).waitFor();
    const bar = compose.getByRole('toolbar', { name: toolbar });
    const buttons = bar.getByRole('button');
    // Accessible names as before, in order; each visible label is how its name starts (WCAG 2.5.3).
    expect(await buttons.evaluateAll((all) => all.map((b) => b.getAttribute('aria-label') ?? b.textContent))).toEqual(
      names,
    );
    for (const [i, name] of names.entries())
      expect(await buttons.nth(i).getAttribute('aria-label')).toBe(name === names.at(-1) ? name : null);
    expect(await bar.locator('button svg').count()).toBe(names.length);

    for (const viewport of VIEWPORTS) {
      await compose.setViewportSize(viewport);
      const { height, buttons: boxes } = await measure(compose, toolbar);
      const where = `${lang} at ${viewport.width}×${viewport.height}`;
      for (const [i, box] of boxes.entries()) {
        expect(Math.abs(box.top - boxes[0].top), `${names[i]} on the first line, ${where}`).toBeLessThan(1);
        expect(names[i].startsWith(box.words), `${box.words} starts ${names[i]}`).toBe(true);
        expect(box.words.length).toBeGreaterThan(2);
      }
      expect(height, `toolbar one button high, ${where}`).toBeLessThan(boxes[0].height * 1.5);
    }
  });
});
