/**
 * An organisation's policy, for real: a policy file in Chromium's machine-wide folder for the
 * extension's stable id, a fresh browser, and what the employee sees and can do. The folder is
 * shared with every Chromium on the machine, so the file exists only while a test runs.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../support/extension';
import { describeAndSend, fieldDescription as description, openPopup, startReport } from '../support/flows';
import { samplePolicyValues, writePolicy } from '../support/policy';
import { useRig, type Rig } from '../support/rig';
import { RECORDER_PRESENT } from '../support/recorder-probe';

const TOKEN = 'policy-e2e-token';
const BLOCKED = '*://localhost/*';

/** The documented sample policy, aimed at this test's receiver, blocking localhost, with one invalid value. */
async function testPolicy(rig: Rig): Promise<Record<string, unknown>> {
  return {
    ...(await samplePolicyValues()),
    endpointUrl: `${rig.receiver.url}/tickets`,
    token: TOKEN,
    blockedSites: [BLOCKED],
    // Not a match pattern (no scheme): ignored, and the options page must say so.
    allowedSites: ['intranet.example.org'],
  };
}

const rig = useRig({ token: TOKEN, policy: testPolicy, endpoint: false });
beforeEach(() => {
  expect(rig.ext.extensionId).toBe(EXTENSION_ID);
});

const recorderInstalled = (page: Page) => page.evaluate<boolean>(RECORDER_PRESENT);

/** The recorder's registration, once it excludes exactly `excluded` (policy arrives asynchronously). */
async function recorderExcludes(excluded: string[]) {
  await expect
    .poll(
      () =>
        rig.ext.worker.evaluate(async () => {
          const [script] = await (globalThis as any).chrome.scripting.getRegisteredContentScripts({
            ids: ['mayday-recorder'],
          });
          return script?.excludeMatches ?? [];
        }),
      { timeout: 30_000, interval: 250 },
    )
    .toEqual(excluded);
}

describe('a policy set by the organisation', () => {
  it('locks the endpoint and the other set fields, warns about its invalid value, and receives the report', async () => {
    const options = await rig.ext.context.newPage();
    await options.goto(rig.ext.pageUrl('options.html'));
    const url = options.getByLabel('Endpoint URL');
    await expect.poll(() => url.inputValue()).toBe(`${rig.receiver.url}/tickets`);
    expect(await url.isEditable()).toBe(false);
    expect(await description(url)).toContain('Set by your organisation');
    const token = options.getByLabel('Access token');
    expect(await token.isEditable()).toBe(false);
    expect(await token.inputValue()).toBe(''); // a policy token is never put in the page
    expect(await description(token)).toContain('Set by your organisation');
    expect(await options.getByLabel('Organisation name').inputValue()).toBe(rig.policy.organisationName);
    expect(await options.getByLabel('Organisation name').isEditable()).toBe(false);
    expect(await options.getByLabel('Blocked sites').inputValue()).toBe(BLOCKED);
    expect(await options.getByLabel('Mask all input fields').isDisabled()).toBe(true);
    // A field the policy does not set stays the employee's own.
    expect(await options.getByLabel('Signing secret').isEditable()).toBe(true);
    // Each section with locked values says so, in the side navigation and in the section itself.
    const nav = options.getByRole('navigation', { name: 'Settings sections' });
    for (const section of ['Helpdesk', 'Organisation', 'Sites', 'Privacy'])
      expect(
        await nav
          .getByRole('link', { name: new RegExp(`^${section}\\s*\\(settings locked by your organisation\\)$`) })
          .count(),
        section,
      ).toBe(1);
    expect(await nav.getByRole('link', { name: 'Export and import', exact: true }).count()).toBe(1);
    await options
      .getByText(/^Settings set by your organisation in this section: [1-9]/)
      .first()
      .waitFor();
    const warning = options.getByRole('alert');
    expect(await warning.textContent()).toContain('Some values set by your organisation were ignored');
    expect(await warning.textContent()).toContain('allowedSites: “intranet.example.org”: This is not a site pattern');
    expect(await options.getByLabel('Allowed sites').isEditable()).toBe(true);
    await options.close();

    // Nobody configured an endpoint in this browser: the report goes where the policy says.
    await recorderExcludes([BLOCKED]);
    const page = await rig.ext.context.newPage();
    await page.goto(`${rig.site.url}/broken-page.html`);
    await page.waitForFunction(() => (window as { __pageResult?: string }).__pageResult === 'ok');
    const compose = await startReport(rig.ext, page);
    expect(await compose.getByText(String(rig.policy.helpText)).isVisible()).toBe(true);
    // The sample policy requires a category.
    await compose.getByLabel('What went wrong?').fill('The intranet search returns nothing');
    await compose.getByRole('button', { name: 'Send report' }).click();
    await compose.getByText('Choose a category before sending.').waitFor();
    await compose.getByLabel('Category').selectOption('Intranet');
    // It requires the requester's email too.
    await compose.getByRole('button', { name: 'Send report' }).click();
    await compose.getByText('Please give your email: your organisation needs it to answer you.').waitFor();
    await compose.getByLabel('Your email').fill('ana.lima@example.org');
    const status = await describeAndSend(compose, 'The intranet search returns nothing');
    expect(status).toMatch(/Report sent\. Reference: 1/);

    const [{ ticket }] = await rig.receiver.store.list();
    expect(ticket.description).toBe('The intranet search returns nothing');
    expect(ticket.category).toBe('Intranet');
    expect(ticket.urgency).toBeUndefined();
    expect(ticket.reporter).toEqual({ email: 'ana.lima@example.org' });
    expect(ticket.page.url).toBe(`${rig.site.url}/broken-page.html`);
    expect(ticket.capture.recorderMissing).toBe(false);
  });

  it('records nothing on a blocked site, says reporting is disabled there, and follows a policy change live', async () => {
    await recorderExcludes([BLOCKED]);
    const blockedUrl = `${rig.site.url.replace('127.0.0.1', 'localhost')}/broken-page.html`;
    const allowed = await rig.ext.context.newPage();
    await allowed.goto(`${rig.site.url}/broken-page.html`);
    expect(await recorderInstalled(allowed)).toBe(true);
    const blocked = await rig.ext.context.newPage();
    await blocked.goto(blockedUrl);
    expect(await recorderInstalled(blocked)).toBe(false);

    const popup = await openPopup(rig.ext, blocked);
    await popup
      .getByRole('status')
      .filter({ hasText: 'Reporting is disabled on this site by your organisation.' })
      .waitFor();
    expect(await popup.getByRole('button', { name: 'Report a problem' }).isDisabled()).toBe(true);
    await popup.close();

    // A popup opened on an allowed page, whose tab then goes to the blocked site: the background refuses.
    const later = await openPopup(rig.ext, allowed);
    await allowed.goto(blockedUrl);
    await later.getByRole('button', { name: 'Report a problem' }).click();
    await later.getByRole('status').filter({ hasText: 'Reporting is disabled on this site' }).waitFor();
    const stored = await rig.ext.worker.evaluate(() => (globalThis as any).chrome.storage.local.get(null));
    expect(Object.keys(stored).filter((key) => key.startsWith('draft:'))).toEqual([]);
    expect(await rig.receiver.store.list()).toEqual([]);

    // The organisation lifts the block: Chromium reloads the policy file and Mayday follows it.
    await writePolicy({ ...rig.policy, blockedSites: [] });
    await recorderExcludes([]);
    await blocked.reload();
    expect(await recorderInstalled(blocked)).toBe(true);
  });
});
