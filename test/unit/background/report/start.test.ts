import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { drafts } from '../../../../utils/background/drafts';
import { startReport, type StartEnv } from '../../../../utils/background/report/start';
import { DEFAULT_SETTINGS } from '../../../../utils/core/settings/schema';
import { PNG_1X1, sampleDraft } from '../../../support/tickets';

const pageContext = sampleDraft().context;

/** The same page as the bridge sends it: recorder entries as [json, time, count] tuples. */
function onTheWire(context: typeof pageContext) {
  const wire = <T extends { time: number; count?: number }>(entries: T[]) =>
    entries.map(({ time, count, ...fields }) => [JSON.stringify(fields), time, count ?? 1]);
  const recorder = context!.recorder!;
  return {
    ...context,
    recorder: {
      ...recorder,
      console: wire(recorder.console),
      network: wire(recorder.network),
      steps: wire(recorder.steps),
    },
  };
}

function makeEnv(overrides: Partial<StartEnv> = {}) {
  const calls: string[] = [];
  let ids = 0;
  const tab = {
    id: 5,
    index: 2,
    windowId: 1,
    active: false,
    url: 'https://intranet.example.org/invoices',
    title: 'Invoices',
  };
  const env: StartEnv = {
    tabs: {
      get: vi.fn(async () => ({ ...tab })),
      update: vi.fn(async () => {
        calls.push('activate');
        return { ...tab, active: true };
      }),
      create: vi.fn(async () => ({})),
      getZoom: vi.fn(async () => 1),
    } as unknown as StartEnv['tabs'],
    takeScreenshot: vi.fn(async () => {
      calls.push('capture');
      return { dataUrl: PNG_1X1, width: 1, height: 1, masks: 0, mode: 'visible' as const };
    }),
    injectBridge: vi.fn(async () => {
      calls.push('bridge');
      return onTheWire(pageContext);
    }),
    waitForPaint: vi.fn(async () => void calls.push('paint')),
    networkLog: async () => ({ entries: [], dropped: 0 }),
    environment: async () => ({
      userAgent: 'Mozilla/5.0 (test)',
      language: 'en-US',
      utcOffsetMinutes: 60,
      localTime: '2026-11-28T10:30:00+01:00',
    }),
    drafts,
    collection: DEFAULT_SETTINGS,
    composeUrl: (id) => `chrome-extension://x/compose.html?draft=${id}`,
    now: () => Date.UTC(2026, 10, 28, 9, 30),
    randomId: () => `id-${++ids}`,
    sleep: async () => {},
    ...overrides,
  };
  return { env, calls };
}

beforeEach(() => fakeBrowser.reset());

describe('startReport', () => {
  it('brings the tab to the front, captures once it painted, then reads the page, stores a draft and opens the report page next to the tab', async () => {
    const { env, calls } = makeEnv();
    const draft = await startReport(5, env);
    // The bridge's pull is the first thing the page can notice: the screenshot is taken before it.
    expect(calls).toEqual(['activate', 'paint', 'capture', 'bridge']);
    expect(env.takeScreenshot).toHaveBeenCalledWith({
      id: 5,
      windowId: 1,
      url: 'https://intranet.example.org/invoices',
    });
    expect(draft).toMatchObject({
      id: 'id-1',
      ticketId: 'id-2',
      tabId: 5,
      context: pageContext,
      screenshot: { dataUrl: PNG_1X1 },
      notCollected: [],
    });
    expect(await drafts.get('id-1')).toEqual(draft);
    expect(env.tabs.create).toHaveBeenCalledWith({
      url: 'chrome-extension://x/compose.html?draft=id-1',
      windowId: 1,
      index: 3,
      openerTabId: 5,
    });
  });

  it('drops a bridge answer that fails validation instead of trusting it', async () => {
    const forged = { ...onTheWire(pageContext), title: 'x'.repeat(10_000) };
    const { env } = makeEnv({ injectBridge: async () => forged });
    const draft = await startReport(5, env);
    expect(draft.context).toBeNull();
    expect(draft.page).toEqual({ url: 'https://intranet.example.org/invoices', title: 'Invoices' });
  });

  it('keeps the page facts but not a forged recorder snapshot', async () => {
    const forged = { ...onTheWire(pageContext), recorder: { installedAt: 1, console: 'not a list' } };
    const { env } = makeEnv({ injectBridge: async () => forged });
    const draft = await startReport(5, env);
    expect(draft.context?.url).toBe(pageContext!.url);
    expect(draft.context?.recorder).toBeNull();
  });

  it('survives times no page could have (installedAt 9e15), leaving out only that part and saying so', async () => {
    const wire = onTheWire(pageContext);
    const forged = { ...wire, recorder: { ...wire.recorder, installedAt: 9e15 } };
    const { env } = makeEnv({ injectBridge: async () => forged, randomId: () => crypto.randomUUID() });
    const draft = await startReport(5, env);
    expect(draft.context?.url).toBe(pageContext!.url);
    expect(draft.context?.recorder).toBeNull();
    expect(draft.observed?.rejected).toEqual({ parts: ['recorder'], entries: 0 });
    const { buildTicket } = await import('../../../../utils/core/ticket/build');
    const { captureNotes } = await import('../../../../utils/core/ticket/summary-facts');
    const t = (key: string, ...subs: unknown[]) => [key, ...subs].join(' ');
    const ticket = buildTicket(draft, 'It broke', {
      now: env.now(),
      extensionVersion: '1.0.0',
      fallbackUserAgent: 'UA',
      fallbackLanguage: 'en',
      t,
    }).ticket;
    expect(ticket.capture.rejected).toEqual({ parts: ['recorder'], entries: 0 });
    expect(captureNotes(ticket, t as never)).toContain('noteRejectedParts pagePartRecorder');
  });

  it('drops single entries timed outside the page lifetime and counts them', async () => {
    const wire = onTheWire(pageContext);
    const recorder = wire.recorder;
    const forged = {
      ...wire,
      recorder: {
        ...recorder,
        console: [...recorder.console, [JSON.stringify({ level: 'error', kind: 'console', message: 'x' }), 9e15, 1]],
        steps: [...recorder.steps, [JSON.stringify({ kind: 'click', label: 'b' }), -1, 1]],
      },
    };
    const { env } = makeEnv({ injectBridge: async () => forged });
    const draft = await startReport(5, env);
    expect(draft.context?.recorder?.console).toHaveLength(pageContext!.recorder!.console.length);
    expect(draft.observed?.rejected).toEqual({ parts: [], entries: 2 });
  });

  it('still makes a draft on a page that cannot be scripted or captured, saying why', async () => {
    const { env } = makeEnv({
      injectBridge: async () => {
        throw new Error('Cannot access a chrome:// URL');
      },
    });
    env.takeScreenshot = vi.fn(async () => 'store' as const);
    const draft = await startReport(5, env);
    expect(draft.context).toBeNull();
    expect(draft.screenshot).toBeNull();
    expect(draft.screenshotProblem).toBe('store');
    expect(env.tabs.create).toHaveBeenCalled();
  });

  it('stores nothing of what the organisation turned off', async () => {
    const { env } = makeEnv({
      collection: { ...DEFAULT_SETTINGS, collectEnvironment: false, consoleLevels: ['warn'] },
    });
    const draft = await startReport(5, env);
    const stored = await drafts.get(draft.id);
    expect(stored?.notCollected).toEqual(['environment']);
    expect(stored?.context?.recorder?.console).toEqual([]);
    expect(stored?.context).toMatchObject({ viewport: { width: 0, height: 0 }, screen: { width: 0, height: 0 } });
    expect(stored?.observed?.environment).toMatchObject({ userAgent: '', language: '' });
  });
});
