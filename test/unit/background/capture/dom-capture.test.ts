import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureDom, samePage, type DomCaptureEnv } from '../../../../utils/background/capture/dom-capture';
import { drafts } from '../../../../utils/background/drafts';
import { PNG_1X1, sampleDraft } from '../../../support/tickets';

const PAGE_URL = sampleDraft().page.url;
const RENDERED = { ok: true, dataUrl: PNG_1X1, width: 999, height: 999, masks: 2 };

function makeEnv(
  answers: Partial<Record<'pick' | 'render', () => Promise<unknown>>> = {},
  overrides: Partial<DomCaptureEnv> = {},
) {
  const calls: string[] = [];
  const env: DomCaptureEnv = {
    drafts,
    tabs: {
      get: vi.fn(async () => ({ url: `${PAGE_URL}#section`, windowId: 3 })),
      update: vi.fn(async (id: number) => void calls.push(`activate ${id}`)),
    },
    focusWindow: async (id) => void calls.push(`focus window ${id}`),
    inject: async () => void calls.push('inject'),
    call: async (_tab, op, arg) => {
      calls.push(`${op} ${JSON.stringify(arg)}`);
      return (answers[op] ?? (async () => (op === 'pick' ? { ok: true } : RENDERED)))();
    },
    measureImage: async () => ({ width: 1280, height: 4000 }),
    pickerHint: 'Click it',
    maskSelectors: ['[data-private]', '.salary'],
    timeoutMs: 50,
    pickTimeoutMs: 1000,
    ...overrides,
  };
  return { env, calls };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await drafts.put(sampleDraft());
});

describe('captureDom', () => {
  it('renders the whole page in the tab brought to the front, stores it with its mode and measured size, and returns to the report page', async () => {
    const { env, calls } = makeEnv();
    const result = await captureDom('draft-1', 'full-page', env, 42);
    const screenshot = { dataUrl: PNG_1X1, width: 1280, height: 4000, mode: 'full-page', masks: 2 };
    expect(result).toEqual({ ok: true, screenshot });
    expect(calls).toEqual([
      'activate 7',
      'focus window 3',
      'inject',
      'render {"target":"page","masks":["[data-private]",".salary"]}',
      'activate 42',
    ]);
    expect((await drafts.get('draft-1'))?.screenshot).toEqual(screenshot);
  });

  it('lets the person choose an element first, with no time limit on choosing', async () => {
    const slowChoice = () => new Promise((r) => setTimeout(() => r({ ok: true }), 120));
    const { env, calls } = makeEnv({ pick: slowChoice });
    const result = await captureDom('draft-1', 'element', env);
    expect(result).toMatchObject({ ok: true, screenshot: { mode: 'element' } });
    expect(calls).toEqual([
      'activate 7',
      'focus window 3',
      'inject',
      'pick {"hint":"Click it","timeoutMs":1000}',
      'render {"target":"picked","masks":["[data-private]",".salary"]}',
    ]);
  });

  it('keeps the screenshot it had when the person cancels the choice', async () => {
    const { env, calls } = makeEnv({ pick: async () => ({ ok: false, reason: 'cancelled' }) });
    expect(await captureDom('draft-1', 'element', env, 42)).toEqual({ ok: false, problem: 'cancelled' });
    expect(calls.at(-1)).toBe('activate 42');
    expect((await drafts.get('draft-1'))?.screenshot).toEqual(sampleDraft().screenshot);
  });

  it('gives up on a rendering past the time limit, keeps the visible screenshot, and says whether there is one', async () => {
    const never = () => new Promise(() => {});
    const { env, calls } = makeEnv({ render: never });
    expect(await captureDom('draft-1', 'full-page', { ...env, timeoutMs: 30 }, 42)).toEqual({
      ok: false,
      problem: 'timeout',
      seconds: 0,
      kept: true,
    });
    expect(calls.at(-1)).toBe('activate 42');
    expect((await drafts.get('draft-1'))?.screenshot).toEqual(sampleDraft().screenshot);
    await drafts.put(sampleDraft({ screenshot: null, screenshotRemoved: true }));
    expect(await captureDom('draft-1', 'full-page', { ...env, timeoutMs: 10 })).toMatchObject({
      problem: 'timeout',
      kept: false,
    });
  });

  it('refuses a tab that was closed or now shows another page', async () => {
    const { env, calls } = makeEnv(
      {},
      { tabs: { get: async () => ({ url: 'https://elsewhere.example/' }), update: vi.fn(async () => undefined) } },
    );
    expect(await captureDom('draft-1', 'full-page', env)).toEqual({ ok: false, problem: 'gone' });
    expect(calls).toEqual([]);
    const closed = makeEnv(
      {},
      {
        tabs: { get: async () => Promise.reject(new Error('No tab with id: 7')), update: vi.fn(async () => undefined) },
      },
    );
    expect(await captureDom('draft-1', 'full-page', closed.env)).toEqual({ ok: false, problem: 'gone' });
  });

  it('drops an answer that is not a PNG data URL instead of storing it', async () => {
    for (const forged of [
      { ok: true, dataUrl: 'javascript:alert(1)', masks: 0 },
      { ok: true, dataUrl: 'data:text/html;base64,PHNjcmlwdD4=', masks: 0 },
      'nonsense',
      null,
    ]) {
      const { env } = makeEnv({ render: async () => forged });
      expect(await captureDom('draft-1', 'full-page', env)).toMatchObject({ ok: false, problem: 'failed' });
    }
    expect((await drafts.get('draft-1'))?.screenshot).toEqual(sampleDraft().screenshot);
  });

  it('passes on why the page could not be scripted or rendered', async () => {
    const restricted = makeEnv(
      {},
      { inject: async () => Promise.reject(new Error('Cannot access contents of the page')) },
    );
    expect(await captureDom('draft-1', 'full-page', restricted.env)).toEqual({
      ok: false,
      problem: 'failed',
      detail: 'Cannot access contents of the page',
    });
    const broken = makeEnv({ render: async () => ({ ok: false, reason: 'failed', detail: 'Tainted canvas' }) });
    expect(await captureDom('draft-1', 'full-page', broken.env)).toEqual({
      ok: false,
      problem: 'failed',
      detail: 'Tainted canvas',
    });
  });

  it('never changes a report that is already queued', async () => {
    await drafts.put(sampleDraft({ outboxId: 'x' }));
    const { env, calls } = makeEnv();
    expect(await captureDom('draft-1', 'full-page', env)).toEqual({ ok: false, problem: 'sent' });
    expect(calls).toEqual([]);
    expect(await captureDom('missing', 'full-page', env)).toEqual({ ok: false, problem: 'draft-missing' });
  });

  it('compares pages without their #fragment', () => {
    expect(samePage('https://a.example/x#top', 'https://a.example/x')).toBe(true);
    expect(samePage('https://a.example/y', 'https://a.example/x')).toBe(false);
    expect(samePage(undefined, 'https://a.example/x')).toBe(false);
  });
});
