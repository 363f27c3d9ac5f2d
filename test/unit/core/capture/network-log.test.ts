import { describe, expect, it } from 'vitest';
import { addToLog, browserEntry, EMPTY_LOG, type RequestEvent } from '@/utils/core/capture/network-log';

const event = (over: Partial<RequestEvent>): RequestEvent => ({
  tabId: 7,
  method: 'GET',
  url: 'https://app.test/a',
  type: 'xmlhttprequest',
  timeStamp: 1000.6,
  ...over,
});

describe('browserEntry', () => {
  it('turns HTTP >= 400 and net::ERR_* into entries of every resource type', () => {
    expect(browserEntry(event({ statusCode: 404, type: 'image' }))).toEqual({
      source: 'browser',
      method: 'GET',
      url: 'https://app.test/a',
      status: 404,
      type: 'image',
      time: 1001,
      count: 1,
    });
    expect(browserEntry(event({ error: 'net::ERR_CONNECTION_REFUSED', type: 'script' }))).toMatchObject({
      error: 'net::ERR_CONNECTION_REFUSED',
      type: 'script',
    });
    expect(browserEntry(event({ error: 'net::ERR_NAME_NOT_RESOLVED', type: 'main_frame' }))?.type).toBe('main_frame');
  });

  it('ignores successes, aborts and requests outside tabs', () => {
    expect(browserEntry(event({ statusCode: 200 }))).toBeNull();
    expect(browserEntry(event({ statusCode: 304 }))).toBeNull();
    expect(browserEntry(event({ error: 'net::ERR_ABORTED' }))).toBeNull();
    expect(browserEntry(event({ tabId: -1, statusCode: 500 }))).toBeNull();
  });

  it('caps what a URL can make it carry', () => {
    expect(browserEntry(event({ statusCode: 500, url: 'https://app.test/' + 'q'.repeat(5000) }))!.url).toHaveLength(
      2048,
    );
  });
});

describe('addToLog', () => {
  const entry = (url: string, status = 500) => browserEntry(event({ url, statusCode: status }))!;

  it('collapses a repeat of the last entry into its count', () => {
    let log = EMPTY_LOG;
    for (let i = 0; i < 5; i++) log = addToLog(log, entry('https://app.test/poll'));
    log = addToLog(log, entry('https://app.test/poll', 502));
    expect(log.entries.map((e) => [e.status, e.count])).toEqual([
      [500, 5],
      [502, 1],
    ]);
  });

  it('keeps the newest entries up to the limit and counts the dropped ones', () => {
    let log = EMPTY_LOG;
    for (let i = 0; i < 12; i++) log = addToLog(log, entry(`https://app.test/${i}`), 10);
    expect(log.entries).toHaveLength(10);
    expect(log.entries[0].url).toBe('https://app.test/2');
    expect(log.dropped).toBe(2);
  });

  it('never changes the log it is given', () => {
    const log = addToLog(EMPTY_LOG, entry('https://app.test/x'));
    addToLog(log, entry('https://app.test/x'));
    expect(log.entries[0].count).toBe(1);
    expect(EMPTY_LOG.entries).toEqual([]);
  });
});
