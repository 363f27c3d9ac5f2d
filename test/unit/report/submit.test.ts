import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { drafts } from '../../../utils/report/draft';
import { submitDraft, type SubmitEnv } from '../../../utils/report/submit';
import { BUILD_CONTEXT, sampleDraft } from '../../support/tickets';

function env(fetch: typeof globalThis.fetch, url = 'https://helpdesk.example.org/tickets'): SubmitEnv {
  return { drafts, endpoint: async () => ({ url, token: 't' }), fetch, timeoutMs: 1000, context: () => BUILD_CONTEXT };
}
const ok = () => vi.fn<typeof fetch>(async () => new Response(JSON.stringify({ id: '12', url: 'https://h/12' }), { status: 201 }));

beforeEach(() => fakeBrowser.reset());

describe('submitDraft', () => {
  it('sends the draft with the description and remembers the receipt', async () => {
    await drafts.put(sampleDraft());
    const fetch = ok();
    expect(await submitDraft('draft-1', 'Invoices do not load', env(fetch))).toEqual({ ok: true, receipt: { id: '12', url: 'https://h/12' } });
    const body = JSON.parse(fetch.mock.calls[0][1]!.body as string);
    expect(body.ticket.description).toBe('Invoices do not load');
    expect(body.ticket.id).toBe(sampleDraft().ticketId);
    expect(body.attachments.map((a: { filename: string }) => a.filename)).toEqual(['screenshot.png']);
    expect((await drafts.get('draft-1'))?.sent).toEqual({ id: '12', url: 'https://h/12' });
  });

  it('does not send a draft twice: the stored receipt is returned', async () => {
    await drafts.put(sampleDraft({ sent: { id: '3' } }));
    const fetch = ok();
    expect(await submitDraft('draft-1', 'again', env(fetch))).toEqual({ ok: true, receipt: { id: '3' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('keeps the draft and the description when sending fails', async () => {
    await drafts.put(sampleDraft());
    const fetch = vi.fn<typeof globalThis.fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    const result = await submitDraft('draft-1', 'Nothing works', env(fetch));
    expect(result).toMatchObject({ ok: false, failure: { kind: 'network' } });
    const kept = await drafts.get('draft-1');
    expect(kept?.description).toBe('Nothing works');
    expect(kept?.sent).toBeUndefined();
  });

  it('says there is no endpoint, without calling fetch, and keeps the description', async () => {
    await drafts.put(sampleDraft());
    const fetch = ok();
    expect(await submitDraft('draft-1', 'Broken', env(fetch, ''))).toEqual({ ok: false, failure: { kind: 'no-endpoint', retryable: false } });
    expect(fetch).not.toHaveBeenCalled();
    expect((await drafts.get('draft-1'))?.description).toBe('Broken');
  });

  it('reports a missing draft and an invalid description in words, without sending', async () => {
    const fetch = ok();
    expect(await submitDraft('nope', 'x', env(fetch))).toEqual({ ok: false, failure: { kind: 'draft-missing', retryable: false } });
    await drafts.put(sampleDraft());
    const blank = await submitDraft('draft-1', '   ', env(fetch));
    expect(blank).toMatchObject({ ok: false, failure: { kind: 'invalid-report' } });
    expect(blank.ok === false && blank.failure.kind === 'invalid-report' && blank.failure.detail).toMatch(/description/);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('drafts.update', () => {
  it('applies concurrent updates in order without losing any', async () => {
    await drafts.put(sampleDraft());
    await Promise.all([
      drafts.update('draft-1', (d) => ({ ...d, description: d.description + 'a' })),
      drafts.update('draft-1', (d) => ({ ...d, description: d.description + 'b' })),
      drafts.update('draft-1', (d) => ({ ...d, sent: { id: '1' } })),
    ]);
    expect(await drafts.get('draft-1')).toMatchObject({ description: 'ab', sent: { id: '1' } });
  });
});
