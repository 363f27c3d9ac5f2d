/**
 * Failed loads and requests: HTTP statuses as the page saw them (its resource timeline, the
 * recorder's fetch/XHR hooks), failures without a response as the browser saw them (net::ERR_*),
 * merged into one list; and pages under a strict Content-Security-Policy.
 */
import { describe, expect, it } from 'vitest';
import { closedPort, consoleLines, RECORDER_RIG, reportFixture } from '../support/recorder';
import { useRig } from '../support/rig';

const rig = useRig(RECORDER_RIG);

describe('failed requests', () => {
  it('lists a failing image, script, XHR and fetch and a refused connection once each, with status or net::ERR code', async () => {
    const port = await closedPort();
    const { ticket, result } = await reportFixture(rig, `network.html?closed=${port}`, 'Nothing loads');
    expect(JSON.parse(result)).toEqual({ fetchStatus: 404, ok: 200, refused: 'TypeError', xhrStatus: 500 });

    const network = ticket.network!.map(({ time, count, durationMs, ...entry }) => ({
      ...entry,
      timed: durationMs !== undefined,
    }));
    expect(network).toEqual(
      expect.arrayContaining([
        {
          source: 'page',
          method: 'GET',
          url: `${rig.site.url}/missing/logo.png`,
          status: 404,
          type: 'image',
          timed: true,
        },
        {
          source: 'page',
          method: 'GET',
          url: `${rig.site.url}/missing/app.js`,
          status: 404,
          type: 'script',
          timed: true,
        },
        {
          source: 'page',
          method: 'POST',
          url: `${rig.site.url}/api/xhr-fails`,
          status: 500,
          type: 'xhr',
          timed: true,
        },
        {
          source: 'page',
          method: 'PUT',
          url: `${rig.site.url}/api/fetch-missing`,
          status: 404,
          type: 'fetch',
          timed: true,
        },
        {
          source: 'browser',
          method: 'GET',
          url: `http://127.0.0.1:${port}/api/refused`,
          error: 'net::ERR_CONNECTION_REFUSED',
          type: 'fetch',
          timed: true,
        },
      ]),
    );
    expect(network).toHaveLength(5);
    expect(consoleLines(ticket)).toEqual(
      expect.arrayContaining(['resource/error: Failed to load <img>', 'resource/error: Failed to load <script>']),
    );
    expect(ticket.console.find((e) => e.message === 'Failed to load <script>')!.source).toBe(
      `${rig.site.url}/missing/app.js`,
    );
  });
});

describe('a strict Content-Security-Policy', () => {
  it("set by a meta tag: the recorder runs, records the blocked inline script and the allowed script's error", async () => {
    const { ticket, result } = await reportFixture(rig, 'csp-strict.html', 'Strict page');
    expect(result).toBe('ok');
    expect(consoleLines(ticket)).toEqual(
      expect.arrayContaining([
        'csp/error: CSP script-src-elem blocked inline',
        'console/error: Error from a same-origin script under a strict CSP',
      ]),
    );
    expect(ticket.capture.recorderMissing).toBe(false);
  });

  it('sent as a header: the same, and a blocked image', async () => {
    const { ticket, result } = await reportFixture(rig, 'csp-header.html', 'Strict page, header');
    expect(result).toBe('ok');
    expect(consoleLines(ticket)).toEqual(
      expect.arrayContaining([
        'csp/error: CSP script-src-elem blocked inline',
        'csp/error: CSP img-src blocked https://images.example.invalid/banner.png',
        'console/error: Error from a same-origin script under a strict CSP',
      ]),
    );
  });
});
