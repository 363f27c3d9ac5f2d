/**
 * A whole report from Firefox ESR to the reference receiver, as a person makes it: Mayday's
 * options page opened from the address bar and the endpoint typed in, a broken page on
 * 127.0.0.1, Alt+Shift+M, the description typed into the report page and "Send report" clicked.
 * Firefox's WebDriver BiDi shows a test no extension page, so every step is a real X event on a
 * headed Firefox (virtual display), and the test reads Mayday's pages over the devtools protocol
 * to find where to click and what the status line says (test/support/firefox.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findFirefox, launchFirefoxWithMayday } from '../support/firefox';
import { useRig } from '../support/rig';

const rig = useRig({ fresh: 'file', browser: false, display: 97 });

beforeAll(() => {
  findFirefox();
  // The E2E run builds the Chromium extension only (MAYDAY_SKIP_BUILD concerns that build).
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: ['ignore', 'ignore', 'inherit'] });
}, 120_000);

describe('a report from Firefox ESR', () => {
  it('reaches the receiver with the description, the page and its console error', { timeout: 90_000 }, async () => {
    const firefox = rig.closeAfter(await launchFirefoxWithMayday(rig.display));

    // The endpoint, set on Mayday's options page as a person does it.
    firefox.goToAddress(firefox.pageUrl('options.html'));
    const options = await firefox.extensionTab('/options.html');
    await options.fill('Endpoint URL', `${rig.receiver.url}/tickets`);
    await options.click('Save');
    expect(await options.status(/Settings saved\.|not saved/i)).toBe('Settings saved.');

    // The broken page, then Alt+Shift+M with that page in front.
    const pageUrl = `${rig.site.url}/broken-page.html`;
    const page = await firefox.openRecordedPage(pageUrl);
    await page.bringToFront();
    await page.waitForFunction(() => (window as { __pageResult?: string }).__pageResult === 'ok');
    firefox.focus();
    rig.display.key('alt+shift+m');

    const compose = await firefox.extensionTab('/compose.html');
    await compose.fill('What went wrong?', 'The invoice list stays empty in Firefox');
    await compose.click('Send report');
    expect(await compose.status(/Report sent|Sending failed|Not sent yet|could not/)).toMatch(
      /^Report sent\. Reference: 1/,
    );

    const tickets = await rig.receiver.store.list();
    expect(tickets).toHaveLength(1);
    const [{ ticket, attachmentsFolder, files }] = tickets;
    expect(ticket.description).toBe('The invoice list stays empty in Firefox');
    expect(ticket.page.url).toBe(pageUrl);
    expect(ticket.page.title).toBe('Invoices — Fixture');
    const messages = ticket.console.map((e) => `${e.kind}/${e.level}: ${e.message}`);
    expect(messages).toContain('console/error: Failed to load invoices {status: 500, endpoint: "/api/invoices"}');
    expect(messages).toContain("error/error: TypeError: Cannot read properties of undefined (reading 'total')");
    expect(ticket.capture.recorderMissing).toBe(false);
    expect(ticket.environment?.userAgent).toMatch(/Firefox\/\d+/);

    // The screenshot is of the reported page, taken before the report page covered it: the
    // fixture's magenta block (40,120 200x120) is in it, decoded by Firefox itself.
    const shot = files.find((f) => f.startsWith('screenshot.'));
    expect(shot, 'no screenshot reached the receiver').toBeDefined();
    const bytes = (await readFile(join(attachmentsFolder, shot!))).toString('base64');
    const type = shot!.endsWith('.png') ? 'image/png' : 'image/jpeg';
    const scale = ticket.screenshot!.width / ticket.environment.viewport.width;
    const [r, g, b] = await page.evaluate(
      async (b64, mime, x, y) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:${mime};base64,${b64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return [...ctx.getImageData(x, y, 1, 1).data];
      },
      bytes,
      type,
      Math.round(140 * scale),
      Math.round(180 * scale),
    );
    expect(r).toBeGreaterThan(230);
    expect(g).toBeLessThan(25);
    expect(b).toBeGreaterThan(230);
  });
});
