/**
 * The Firefox build (MV2, see docs/firefox.md): it passes web-ext lint with no error, and once
 * installed in Firefox ESR (puppeteer-core over WebDriver BiDi) the recorder runs in the page's
 * own world there too, without changing what the page computes.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findFirefox } from '../support/firefox';
import { useRig } from '../support/rig';
import { RECORDER_PRESENT } from '../support/recorder-probe';

const OUTPUT = resolve(import.meta.dirname, '../../.output');
const BUILD = join(OUTPUT, 'firefox-mv2');
const rig = useRig({ receiver: false, browser: false });

beforeAll(() => {
  findFirefox();
  // The zip is what is sent to addons.mozilla.org; zipping builds .output/firefox-mv2 first.
  execFileSync('npx', ['wxt', 'zip', '-b', 'firefox'], { stdio: ['ignore', 'ignore', 'inherit'] });
}, 120_000);

describe('the Firefox build', () => {
  it('passes web-ext lint with no error, as built and as zipped', { timeout: 120_000 }, () => {
    const errorsOf = (out: string) =>
      JSON.parse(out.slice(out.indexOf('{'))).errors.map(
        (e: { code: string; message: string }) => `${e.code}: ${e.message}`,
      );
    expect(
      errorsOf(
        execFileSync('npx', ['web-ext', 'lint', '--source-dir', BUILD, '--output', 'json', '--no-input'], {
          encoding: 'utf8',
        }),
      ),
    ).toEqual([]);
    const zip = readdirSync(OUTPUT).find((name) => name.endsWith('-firefox.zip'));
    expect(zip, `no Firefox zip in ${OUTPUT}`).toBeDefined();
    // web-ext lint reads folders only; it runs addons-linter, which reads the zip itself.
    expect(
      errorsOf(execFileSync('npx', ['addons-linter', '--output', 'json', join(OUTPUT, zip!)], { encoding: 'utf8' })),
    ).toEqual([]);
  });

  it('records the page from its first script in Firefox ESR, page result unchanged', { timeout: 120_000 }, async () => {
    const browser = rig.closeAfter(
      await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true }),
    );
    await browser.installExtension(BUILD);
    const page = await browser.newPage();
    // The recorder is registered at runtime by the background: the first load may beat it.
    let wrapped = false;
    for (let i = 0; i < 10 && !wrapped; i++) {
      await page.goto(`${rig.site.url}/broken-page.html`);
      wrapped = (await page.evaluate(RECORDER_PRESENT)) === true;
      if (!wrapped) await new Promise((r) => setTimeout(r, 500));
    }
    expect(wrapped).toBe(true);
    expect(await page.evaluate(() => (window as { __pageResult?: string }).__pageResult)).toBe('ok');
    // console.error still reaches the page's own console and returns what the original returns.
    expect(await page.evaluate(() => console.error('from the test') === undefined)).toBe(true);
  });
});
