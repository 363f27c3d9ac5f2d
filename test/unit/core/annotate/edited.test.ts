import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkEdited, withScreenshot } from '../../../../utils/core/annotate/edited';
import type { OutgoingReport } from '../../../../utils/core/delivery/connector';
import type { OutboxEntry } from '../../../../utils/core/model/outbox';
import { drafts } from '../../../../utils/background/drafts';
import { submitDraft, type SubmitEnv } from '../../../../utils/core/report/submit';
import { BUILD_CONTEXT, PNG_1X1, sampleDraft } from '../../../support/tickets';

// A different 1x1 PNG: the "edited" image, told apart from the original by its bytes.
const EDITED = {
  dataUrl:
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  width: 1,
  height: 1,
};

/** What reached the outbox: the exact report that would be sent. */
let queued: OutgoingReport[];
let env: SubmitEnv;

beforeEach(async () => {
  fakeBrowser.reset();
  queued = [];
  const entry = { id: 'entry-1', state: 'queued', createdAt: 0 } as OutboxEntry;
  env = {
    drafts,
    context: () => BUILD_CONTEXT,
    enqueue: async (report) => (queued.push(report), entry),
    deliver: async () => entry,
    status: async () => entry,
  };
  await drafts.put(sampleDraft({ screenshot: { dataUrl: PNG_1X1, width: 1, height: 1, mode: 'full-page', masks: 2 } }));
});

const sentScreenshot = () => queued[0].attachments.find((a) => a.filename.startsWith('screenshot'));

describe('the screenshot as edited on the report page', () => {
  it('replaces the stored one in the report sent and in the draft', async () => {
    const edited = { ...EDITED, mode: 'full-page' as const, masks: 2 };
    expect(await submitDraft('draft-1', 'Wrong total', env, edited)).toMatchObject({ ok: true });
    expect(sentScreenshot()?.data).toBe(EDITED.dataUrl.split(',')[1]);
    expect((await drafts.get('draft-1'))?.screenshot).toEqual(edited);
  });

  it('sends no screenshot at all once removed, and remembers the removal', async () => {
    expect(await submitDraft('draft-1', 'Wrong total', env, null)).toMatchObject({ ok: true });
    expect(queued[0].ticket.screenshot).toBeNull();
    expect(sentScreenshot()).toBeUndefined();
    expect(await drafts.get('draft-1')).toMatchObject({ screenshot: null, screenshotRemoved: true });
  });

  it('sends the stored one when the page says nothing about it', async () => {
    await submitDraft('draft-1', 'Wrong total', env);
    expect(sentScreenshot()?.data).toBe(PNG_1X1.split(',')[1]);
  });

  it('refuses to send rather than fall back to the original when the edit is malformed', async () => {
    for (const bad of [
      { ...EDITED, dataUrl: 'https://example.org/x.png' },
      { ...EDITED, width: 0 },
      { dataUrl: EDITED.dataUrl },
    ]) {
      const result = await submitDraft('draft-1', 'Wrong total', env, bad as typeof EDITED);
      expect(result).toMatchObject({ ok: false, failure: { kind: 'invalid-report' } });
    }
    expect(queued).toEqual([]);
    expect((await drafts.get('draft-1'))?.screenshot?.dataUrl).toBe(PNG_1X1);
  });

  it('applies to a draft as a pure change', () => {
    const draft = sampleDraft({ screenshot: null, screenshotRemoved: true, screenshotProblem: 'other' });
    expect(withScreenshot(draft, EDITED)).toMatchObject({ screenshot: EDITED, screenshotRemoved: undefined });
    expect(withScreenshot(sampleDraft({ screenshotProblem: 'other' }), null)).toMatchObject({
      screenshot: null,
      screenshotRemoved: true,
      screenshotProblem: undefined,
    });
    const check = checkEdited(undefined);
    expect(check.ok && check.apply(draft)).toBe(draft);
  });
});
