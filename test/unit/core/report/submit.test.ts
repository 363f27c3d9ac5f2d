import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Connector, SendResult } from '../../../../utils/core/delivery/connector';
import { deliverDue, enqueue, type OutboxEnv } from '../../../../utils/background/outbox/outbox';
import { drafts } from '../../../../utils/background/drafts';
import { submitDraft, type SubmitEnv } from '../../../../utils/core/report/submit';
import { BUILD_CONTEXT, sampleDraft } from '../../../support/tickets';
import { memoryOutbox } from '../../../support/outbox';

let outbox: OutboxEnv;
let replies: SendResult[];
let send: ReturnType<typeof vi.fn<Connector['send']>>;
let env: SubmitEnv;

beforeEach(async () => {
  fakeBrowser.reset();
  replies = [];
  send = vi.fn<Connector['send']>(
    async () => replies.shift() ?? { ok: true, receipt: { id: '12', url: 'https://h/12' } },
  );
  outbox = await memoryOutbox(
    async () => ({ send }),
    () => BUILD_CONTEXT.now,
  );
  env = {
    drafts,
    context: () => BUILD_CONTEXT,
    enqueue: (report, draftId) => enqueue(outbox, report, draftId),
    deliver: async (id) => {
      await deliverDue(outbox);
      return outbox.store.get(id);
    },
    status: (id) => outbox.store.get(id),
  };
});

describe('submitDraft', () => {
  it('queues the report with its files, sends it, and links the draft to the outbox entry', async () => {
    await drafts.put(sampleDraft());
    const result = await submitDraft('draft-1', 'Invoices do not load', env);
    expect(result).toMatchObject({ ok: true, status: { state: 'sent', receipt: { id: '12', url: 'https://h/12' } } });
    const [report] = send.mock.calls[0];
    expect(report.ticket.description).toBe('Invoices do not load');
    expect(report.ticket.id).toBe(sampleDraft().ticketId);
    expect(report.attachments.map((a: { filename: string }) => a.filename)).toEqual([
      'screenshot.png',
      'report.json',
      'report.html',
    ]);
    expect(JSON.parse(Buffer.from(report.attachments[1].data, 'base64').toString())).toEqual(report.ticket);
    expect((await drafts.get('draft-1'))?.outboxId).toBe(sampleDraft().ticketId);
  });

  it('queues a draft only once: pressing Send again returns where the first one stands', async () => {
    await drafts.put(sampleDraft());
    replies = [{ ok: false, failure: { kind: 'network', retryable: true, detail: 'Failed to fetch' } }];
    const first = await submitDraft('draft-1', 'Nothing works', env);
    expect(first).toMatchObject({ ok: true, status: { state: 'queued', lastFailure: { kind: 'network' } } });
    const again = await submitDraft('draft-1', 'Nothing works at all', env);
    expect(again).toMatchObject({ ok: true, status: { state: 'queued' } });
    expect(await outbox.store.list()).toHaveLength(1);
    expect(send).toHaveBeenCalledTimes(1);
    expect((await drafts.get('draft-1'))?.description).toBe('Nothing works');
  });

  it('keeps the description even when the report cannot be built, and sends nothing', async () => {
    await drafts.put(sampleDraft());
    const blank = await submitDraft('draft-1', '   ', env);
    expect(blank).toMatchObject({ ok: false, failure: { kind: 'invalid-report' } });
    expect(blank.ok === false && blank.failure.kind === 'invalid-report' && blank.failure.detail).toMatch(
      /description/,
    );
    expect(await outbox.store.list()).toEqual([]);
  });

  it('reports a missing draft', async () => {
    expect(await submitDraft('nope', 'x', env)).toEqual({
      ok: false,
      failure: { kind: 'draft-missing', retryable: false },
    });
  });
});

describe('drafts.update', () => {
  it('applies concurrent updates in order without losing any', async () => {
    await drafts.put(sampleDraft());
    await Promise.all([
      drafts.update('draft-1', (d) => ({ ...d, description: d.description + 'a' })),
      drafts.update('draft-1', (d) => ({ ...d, description: d.description + 'b' })),
      drafts.update('draft-1', (d) => ({ ...d, outboxId: 'x' })),
    ]);
    expect(await drafts.get('draft-1')).toMatchObject({ description: 'ab', outboxId: 'x' });
  });
});

describe('purgeDrafts', () => {
  const DAY = 24 * 3600_000;
  const base = sampleDraft().createdAt;

  it('removes drafts past the retention period unless their report is still unsent', async () => {
    const { purgeDrafts } = await import('../../../../utils/background/drafts');
    await drafts.put(sampleDraft({ id: 'fresh', createdAt: base + 2 * DAY }));
    await drafts.put(sampleDraft({ id: 'old-abandoned' }));
    await drafts.put(sampleDraft({ id: 'old-unsent', outboxId: 'waiting' }));
    await drafts.put(sampleDraft({ id: 'old-sent', outboxId: 'delivered' }));
    expect(await purgeDrafts(drafts, base + 8 * DAY, 7 * DAY, new Set(['waiting']))).toBe(2);
    expect((await drafts.all()).map((d) => d.id).sort()).toEqual(['fresh', 'old-unsent']);
  });

  it('with a retention of 0, removes a sent report’s draft at once but not one still being written', async () => {
    const { purgeDrafts } = await import('../../../../utils/background/drafts');
    await drafts.put(sampleDraft({ id: 'writing' }));
    await drafts.put(sampleDraft({ id: 'sent', outboxId: 'delivered' }));
    await drafts.put(sampleDraft({ id: 'abandoned', createdAt: base - 2 * DAY }));
    expect(await purgeDrafts(drafts, base + 3600_000, 0, new Set())).toBe(2);
    expect((await drafts.all()).map((d) => d.id)).toEqual(['writing']);
  });
});

describe('redaction on the way out', () => {
  it('redacts every text of the ticket once, counts it, and report.html carries the same text', async () => {
    const { buildTicket } = await import('../../../../utils/core/ticket/build');
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    const draft = sampleDraft();
    draft.context!.recorder!.console[0].message = `Auth failed for token ${jwt}`;
    draft.context!.url = 'https://intranet.example.org/invoices?session=abc123def456';
    const { ticket, attachments } = buildTicket(draft, 'Mail me at jane.doe@example.org', BUILD_CONTEXT);
    expect(ticket.console[0].message).toBe('Auth failed for token [REDACTED:jwt]');
    expect(ticket.page.url).toBe('https://intranet.example.org/invoices?session=[REDACTED:url-param]');
    expect(ticket.description).toBe('Mail me at [REDACTED:email]');
    expect(ticket.capture.redactions).toEqual({ jwt: 1, 'url-param': 1, email: 1 });
    const everything = attachments.map((a) => Buffer.from(a.data, 'base64').toString('latin1')).join('\n');
    expect(everything).not.toContain(jwt);
    expect(everything).not.toContain('jane.doe@example.org');
    expect(everything).not.toContain('abc123def456');
  });
});
