/**
 * What the person did (steps, never what they typed) and on what machine (environment, page
 * facts), as a technician reads them in the ticket.
 */
import { describe, expect, it } from 'vitest';
import { tabIdOf } from '../support/extension';
import { pageResultOf, reportTicket, RECORDER_RIG } from '../support/recorder';
import { useRig } from '../support/rig';

const rig = useRig(RECORDER_RIG);

/** The same visit without the extension, by script: the page's result does not depend on how events were made. */
const SAME_VISIT = `(() => {
  const type = (id, text) => { const el = document.getElementById(id); el.value = text; el.dispatchEvent(new Event('input', { bubbles: true })); };
  type('email', 'alice@example.com');
  type('password', 'hunter2');
  document.getElementById('remember').click();
  document.querySelector('button[type=submit]').click();
  document.getElementById('card').click();
  document.getElementById('to-details').click();
  document.getElementById('to-list').click();
  return new Promise((done) => setTimeout(() => done(window.__finish()), 100));
})()`;

describe('steps and environment', () => {
  it('says what the person did, never what they typed, and on what machine and page', async () => {
    const url = `${rig.site.url}/steps.html`;
    const page = await rig.ext.context.newPage();
    await page.goto(url, { referer: `${rig.site.url}/` });
    await page.waitForFunction(() => (window as any).__pageResult === 'pending');
    await page.fill('#email', 'alice@example.com');
    await page.fill('#password', 'hunter2');
    await page.check('#remember');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.click('#card');
    await page.click('#to-details');
    await page.click('#to-list');
    await page.waitForTimeout(100);
    await page.evaluate(() => (window as any).__finish());
    const result = await pageResultOf(page);
    expect(result).toBe(await rig.plain.pageResult(url, SAME_VISIT));
    expect(JSON.parse(result)).toEqual({ submits: 1, path: '/steps/list', state: { view: 'list' }, hash: '' });

    const tabId = await tabIdOf(rig.ext, page);
    await rig.ext.worker.evaluate((id) => (globalThis as any).chrome.tabs.setZoom(id, 1.25), tabId);
    await page.waitForFunction(() => window.innerWidth === 1024);
    const ticket = await reportTicket(rig.ext, rig.receiver, page, 'Cannot sign in');

    expect(ticket.steps!.map(({ kind, label, selector, how }) => [kind, label, selector ?? how])).toEqual([
      ['navigation', url, 'load'],
      ['input', 'typed in Email address', 'input#email'],
      ['input', 'typed in Password', 'input#password'],
      ['click', 'checkbox "Remember me"', 'input#remember'],
      ['click', 'button "Sign in"', 'button'],
      ['submit', 'form "login"', 'form#login'],
      ['click', 'button', 'button#card'],
      ['click', 'link "Details"', 'a#to-details'],
      ['navigation', `${url}#details`, 'push'],
      ['click', 'button "Show list"', 'button#to-list'],
      ['navigation', `${rig.site.url}/steps/list?page=2`, 'push'],
    ]);
    const everything = JSON.stringify(ticket);
    for (const typed of ['alice@example.com', 'hunter2', '4111']) expect(everything).not.toContain(typed);

    expect(ticket.page).toEqual({
      url: `${rig.site.url}/steps/list?page=2`,
      title: 'Fixture: steps',
      referrer: `${rig.site.url}/`,
      readyState: 'complete',
      visibility: 'visible',
      timing: { ttfb: expect.any(Number), domContentLoaded: expect.any(Number), load: expect.any(Number) },
    });
    const env = ticket.environment;
    expect(env).toMatchObject({
      browser: { name: 'Chromium', version: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/) },
      os: { name: 'Linux' },
      architecture: 'x86_64',
      viewport: { width: 1024, height: 576 },
      devicePixelRatio: 1.25,
      zoom: 1.25,
      colorScheme: 'light',
      language: 'en-US',
      online: true,
      incognito: false,
      extensionVersion: '0.1.0',
    });
    expect(env.userAgent).toContain('Chrome/');
    expect(env.cpuCores).toBeGreaterThan(0);
    expect(env.screen!.width).toBeGreaterThan(0);
    expect(env.languages).toContain('en-US');
    expect(env.timeZone).toMatch(/\w/);
    expect(env.localTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(ticket.capture).toMatchObject({ recorderMissing: false, startedLate: false });
  });
});
