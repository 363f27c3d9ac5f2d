/**
 * Firefox's build is Manifest V2: its toolbar button is `browserAction` and `action` does not
 * exist there. The badge and the blocked-site popup must use whichever the browser has.
 */
import { describe, expect, it, vi } from 'vitest';
import type { browser as Browser } from 'wxt/browser';
import type { OutboxEntry } from '../../../utils/core/model/outbox';
import { showUnsentCount } from '../../../utils/background/outbox/wiring';
import { registerWaysIn, REPORT_COMMAND } from '../../../utils/background/ways-in';

function button() {
  return {
    setBadgeText: vi.fn(async () => undefined),
    setBadgeBackgroundColor: vi.fn(async () => undefined),
    openPopup: vi.fn(async () => undefined),
  };
}
const listeners = () => {
  const added: ((...args: never[]) => unknown)[] = [];
  return { addListener: (fn: (...args: never[]) => unknown) => added.push(fn), added };
};
function fakeApi(kind: 'mv3' | 'firefox-mv2') {
  const toolbar = button();
  const onCommand = listeners();
  const api = {
    ...(kind === 'mv3' ? { action: toolbar } : { browserAction: toolbar }),
    runtime: { onInstalled: listeners(), onStartup: listeners() },
    contextMenus: { onClicked: listeners(), removeAll: async () => undefined, create: () => undefined },
    commands: { onCommand },
    tabs: { query: async () => [] },
  };
  return { api: api as unknown as typeof Browser, toolbar, onCommand };
}
const queued = { id: 't1', state: 'queued' } as OutboxEntry;

describe.each(['mv3', 'firefox-mv2'] as const)('the toolbar button (%s)', (kind) => {
  it('shows the number of unsent reports on the badge', () => {
    const { api, toolbar } = fakeApi(kind);
    expect(() => showUnsentCount(api, [queued])).not.toThrow();
    expect(toolbar.setBadgeText).toHaveBeenCalledWith({ text: '1' });
    expect(toolbar.setBadgeBackgroundColor).toHaveBeenCalled();
  });

  it('opens its popup when the shortcut is pressed on a blocked site, to say so', async () => {
    const { api, toolbar, onCommand } = fakeApi(kind);
    registerWaysIn(
      api,
      async () => ({ ok: false, problem: 'blocked-site' }),
      (key) => key,
    );
    await (onCommand.added[0] as (command: string, tab: { id: number }) => Promise<void>)(REPORT_COMMAND, { id: 4 });
    await vi.waitFor(() => expect(toolbar.openPopup).toHaveBeenCalled());
  });
});
