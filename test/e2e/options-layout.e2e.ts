/**
 * The options page an admin can scan, on the laptops people have (1366×768 and 1280×720 screens,
 * browser chrome included): a side navigation reaching every section, the Save bar never over a
 * field, unsaved changes flagged on the page and in the navigation until saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../support/extension';

const VIEWPORTS = [
  { width: 1366, height: 657 },
  { width: 1280, height: 609 },
];
const SECTIONS = [
  'Helpdesk',
  'Organisation',
  'Report form',
  'What is collected',
  'Sites',
  'Privacy',
  'Export and import',
];

let ext: ExtensionBrowser;
beforeAll(async () => {
  ext = await launchWithExtension();
});
afterAll(() => ext.close());

async function inWindow(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const size = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.y + box.height <= size.height + 0.5;
}

describe.each(VIEWPORTS)('the options page at $width×$height', (viewport) => {
  it('reaches every section from the side navigation, and no field ever sits under the Save bar', async () => {
    const options = await ext.context.newPage();
    await options.setViewportSize(viewport);
    await options.goto(ext.pageUrl('options.html'));
    const nav = options.getByRole('navigation', { name: 'Settings sections' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(SECTIONS);
    const saveBar = options.locator('.save-bar');
    const save = options.getByRole('button', { name: 'Save' });
    expect(await inWindow(options, save)).toBe(true);

    for (const name of SECTIONS) {
      const link = nav.getByRole('link', { name });
      await link.click();
      const heading = options.locator((await link.getAttribute('href'))!);
      expect(await heading.evaluate((el) => el.tagName)).toBe('H2');
      await expect.poll(() => inWindow(options, heading), { message: name }).toBe(true);
      const headingBox = (await heading.boundingBox())!;
      expect(headingBox.y + headingBox.height, name).toBeLessThanOrEqual((await saveBar.boundingBox())!.y);
      expect(await inWindow(options, save), `Save in view at ${name}`).toBe(true);
    }

    // Every control, brought into view, is wholly visible and on top: the bar sits below the
    // scrolling sections, never over them.
    const controls = options.locator('main.options form :is(input, select, textarea, button):visible');
    const count = await controls.count();
    expect(count).toBeGreaterThan(20);
    for (let i = 0; i < count; i++) {
      const problem = await controls.nth(i).evaluate((el) => {
        el.scrollIntoView({ block: 'nearest' });
        const box = el.getBoundingClientRect();
        const name = el.id || el.getAttribute('name') || el.outerHTML.slice(0, 80);
        if (box.top < 0 || box.bottom > window.innerHeight) return `${name} is outside the window`;
        // Its corners and centre, just inside: what the person sees there is the control itself.
        const points = [
          [box.left + 2, box.top + 2],
          [box.right - 2, box.bottom - 2],
          [box.left + 2, box.bottom - 2],
          [(box.left + box.right) / 2, (box.top + box.bottom) / 2],
        ];
        for (const [x, y] of points) {
          const hit = document.elementFromPoint(x, y);
          if (hit !== el && !el.contains(hit))
            return `${name} is covered at ${x},${y} by ${hit?.outerHTML.slice(0, 80)}`;
        }
        return null;
      });
      expect(problem).toBeNull();
    }
    const sections = (await options.locator('.options-sections').boundingBox())!;
    expect(sections.y + sections.height).toBeLessThanOrEqual((await saveBar.boundingBox())!.y + 0.5);
    await options.close();
  });
});

describe('unsaved changes', () => {
  it('are flagged beside Save and on their section in the navigation until saved', async () => {
    const options = await ext.context.newPage();
    await options.setViewportSize(VIEWPORTS[1]);
    await options.goto(ext.pageUrl('options.html'));
    const nav = options.getByRole('navigation', { name: 'Settings sections' });
    const unsaved = options.locator('.save-bar').getByText('Unsaved changes', { exact: true });
    expect(await unsaved.count()).toBe(0);
    await options.getByLabel('Organisation name').fill('Example Intranet');
    await unsaved.waitFor();
    expect(await nav.getByRole('link', { name: /^Organisation\s*\(unsaved changes\)$/ }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Helpdesk', exact: true }).count()).toBe(1);
    await options.getByLabel('Endpoint URL').fill('https://helpdesk.example/tickets');
    await nav.getByRole('link', { name: /^Helpdesk\s*\(unsaved changes\)$/ }).waitFor();
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor();
    expect(await unsaved.count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Organisation', exact: true }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Helpdesk', exact: true }).count()).toBe(1);
    await options.close();
  });
});
