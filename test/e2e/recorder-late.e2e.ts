/**
 * A tab open before Mayday was installed: the manifest's recorder never reached it, so the
 * background injects it on install. The report says it started late, records from then on, and
 * still lists what the page's performance timeline tells of the loads that failed before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { launchThenInstall } from '../support/extension';
import { RECORDER_PRESENT } from '../support/recorder-probe';
import { consoleLines, pageResultOf, RECORDER_RIG, reportTicket } from '../support/recorder';
import { useRig } from '../support/rig';

const rig = useRig({ ...RECORDER_RIG, browser: false });
let browser: Awaited<ReturnType<typeof launchThenInstall>>;

beforeAll(async () => {
  browser = rig.closeAfter(await launchThenInstall());
});

describe('a tab open before install', () => {
  it('is recorded from the install on, and its report says the recorder started late', async () => {
    const url = `${rig.site.url}/late.html`;
    const page = await browser.context.newPage();
    await page.goto(url);
    const result = await pageResultOf(page);
    expect(result).toBe(await rig.plain.pageResult(url));
    expect(await page.evaluate(RECORDER_PRESENT)).toBe(false);

    const ext = await browser.install();
    await page.waitForFunction(RECORDER_PRESENT);
    expect(await page.evaluate(() => (window as any).__later())).toBe('later');
    await rig.configure(ext);
    const ticket = await reportTicket(ext, rig.receiver, page, 'Was open all morning');

    expect(ticket.capture).toMatchObject({ startedLate: true, recorderMissing: false });
    expect(consoleLines(ticket)).toContain('console/error: Logged after the extension was installed');
    expect(JSON.stringify(ticket.console)).not.toContain('before the extension');
    expect(ticket.network).toEqual(
      expect.arrayContaining([
        // From the performance timeline: before the recorder and the webRequest observer existed.
        expect.objectContaining({
          source: 'page',
          method: 'GET',
          url: `${rig.site.url}/missing/before-install.png`,
          status: 404,
          type: 'image',
        }),
        // After the install, seen by the recorder's fetch hook.
        expect.objectContaining({
          source: 'page',
          method: 'GET',
          url: `${rig.site.url}/api/after-install`,
          status: 404,
          type: 'fetch',
        }),
      ]),
    );
  });
});
