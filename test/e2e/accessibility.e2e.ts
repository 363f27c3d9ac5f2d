/**
 * Every page a person or technician uses, in English and French, light and dark: no serious or
 * critical axe violation (contrast included), and a whole report made with the keyboard alone.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { tabIdOf, type ExtensionBrowser } from '../support/extension';
import { useRig } from '../support/rig';

const rig = useRig({ fresh: 'file', browser: false });

const LANGUAGES = [
  { lang: 'en-US', send: 'Send report', description: 'What went wrong?', reportButton: 'Report a problem' },
  {
    lang: 'fr-FR',
    send: 'Envoyer le signalement',
    description: "Qu'est-ce qui ne va pas ?",
    reportButton: 'Signaler un problème',
  },
];
const SCHEMES = ['light', 'dark'] as const;
const CASES = LANGUAGES.flatMap((language) => SCHEMES.map((colorScheme) => ({ ...language, colorScheme })));

describe.each(CASES)('pages in $lang, $colorScheme', ({ lang, send, description, reportButton, colorScheme }) => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await rig.launch({ lang });
    // Every page of this browser in the colour scheme under test (prefers-color-scheme).
    ext.context.on('page', (page) => void page.emulateMedia({ colorScheme }).catch(() => undefined));
  });
  afterAll(() => ext.close());

  it(
    'have no serious or critical axe violation: popup, report page, options, viewer, report.html',
    { timeout: 90_000 },
    async () => {
      const options = await ext.context.newPage();
      await options.emulateMedia({ colorScheme });
      await options.goto(ext.pageUrl('options.html'));
      await options.locator('main').waitFor();
      expect(await options.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
        colorScheme === 'dark',
      );
      expect(await seriousViolations(options), 'options').toEqual([]);
      await options.close();
      await configureEndpointIn(ext, lang);

      const page = await ext.context.newPage();
      await page.goto(`${rig.site.url}/broken-page.html`);
      const popup = await ext.context.newPage();
      await popup.emulateMedia({ colorScheme });
      await popup.goto(ext.pageUrl(`popup.html?tabId=${await tabIdOf(ext, page)}`));
      await popup.getByRole('button', { name: reportButton }).waitFor();
      expect(await seriousViolations(popup), 'popup').toEqual([]);

      const composeOpened = ext.context.waitForEvent('page', (p) => p.url().includes('/compose.html'));
      await popup.getByRole('button', { name: reportButton }).click();
      const compose = await composeOpened;
      await compose.emulateMedia({ colorScheme });
      await compose.getByLabel(description).fill('Accessibility check');
      expect(await seriousViolations(compose), 'report page').toEqual([]);
      await compose.getByRole('button', { name: send }).click();
      await compose.getByRole('status').filter({ hasText: /\S/ }).waitFor();
      await expect
        .poll(async () => (await compose.getByRole('status').textContent()) ?? '')
        .toMatch(/Référence : \d+|Reference: \d+/);
      expect(await seriousViolations(compose), 'report page after sending').toEqual([]);

      const viewer = await ext.context.newPage();
      await viewer.emulateMedia({ colorScheme });
      await viewer.goto(ext.pageUrl('viewer.html'));
      await viewer.locator('main').waitFor();
      expect(await seriousViolations(viewer), 'viewer').toEqual([]);
      const stored = (await rig.receiver.store.list()).at(-1)!;
      await viewer.locator('input[type=file]').setInputFiles(join(stored.attachmentsFolder, 'report.json'));
      await viewer.getByText('Accessibility check').first().waitFor();
      expect(await seriousViolations(viewer), 'viewer with a report').toEqual([]);

      const report = await ext.context.newPage();
      await report.emulateMedia({ colorScheme });
      await report.goto(`file://${join(stored.attachmentsFolder, 'report.html')}`);
      expect(await seriousViolations(report), 'report.html').toEqual([]);
    },
  );
});

async function configureEndpointIn(ext: ExtensionBrowser, lang: string) {
  if (lang.startsWith('en')) return rig.configure(ext);
  const options = await ext.context.newPage();
  await options.goto(ext.pageUrl('options.html'));
  await options.getByLabel('URL de destination').fill(rig.endpoint);
  await options.getByRole('button', { name: 'Enregistrer' }).click();
  await options.getByRole('status').filter({ hasText: 'Paramètres enregistrés.' }).waitFor();
  await options.close();
}

describe('keyboard alone', () => {
  it('reports a problem from the popup to the reference, with focus always visible', { timeout: 60_000 }, async () => {
    const ext = await rig.launch();
    await rig.configure(ext);
    const page = await ext.context.newPage();
    await page.goto(`${rig.site.url}/broken-page.html`);
    const popup = await ext.context.newPage();
    await popup.goto(ext.pageUrl(`popup.html?tabId=${await tabIdOf(ext, page)}`));
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Report a problem');
    const composeOpened = ext.context.waitForEvent('page', (p) => p.url().includes('/compose.html'));
    await popup.keyboard.press('Enter');
    const compose = await composeOpened;
    await compose.getByLabel('What went wrong?').waitFor();

    // Tab until the description has focus, type, then Tab to Send report and press Enter.
    for (let i = 0; i < 30 && (await compose.evaluate(() => document.activeElement?.id)) !== 'description'; i++)
      await compose.keyboard.press('Tab');
    const outline = await compose.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await compose.keyboard.type('Typed with the keyboard only');
    for (
      let i = 0;
      i < 30 && (await compose.evaluate(() => document.activeElement?.textContent)) !== 'Send report';
      i++
    )
      await compose.keyboard.press('Tab');
    await compose.keyboard.press('Enter');
    await compose.getByRole('status').filter({ hasText: 'Report sent' }).waitFor();
    expect((await rig.receiver.store.list()).some((t) => t.ticket.description === 'Typed with the keyboard only')).toBe(
      true,
    );
  });
});
