import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Connector, OutgoingReport, SendResult } from '../../../../utils/core/delivery/connector';
import {
  backoffMs,
  deliverDue,
  enqueue,
  makeDue,
  nextWakeAt,
  OUTBOX_LIMITS,
  OutboxFullError,
  purgeSent,
  releaseLeases,
  type OutboxEnv,
} from '../../../../utils/background/outbox/outbox';
import { toStatus } from '../../../../utils/core/report/submit';
import { samplePayload } from '../../../support/tickets';
import { memoryOutbox } from '../../../support/outbox';

let clock: number;
let env: OutboxEnv;
let replies: SendResult[];
let connector: { send: ReturnType<typeof vi.fn<Connector['send']>> };

function report(n = 0): OutgoingReport {
  const payload = samplePayload(`Problem ${n}`);
  return { ...payload, ticket: { ...payload.ticket, id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` } };
}
const server = (status: number, retryAfterMs?: number): SendResult => ({
  ok: false,
  failure: { kind: 'server', retryable: true, status, detail: '', ...(retryAfterMs ? { retryAfterMs } : {}) },
});

beforeEach(async () => {
  clock = Date.UTC(2026, 10, 28, 10);
  replies = [];
  connector = { send: vi.fn<Connector['send']>(async () => replies.shift() ?? { ok: true, receipt: { id: 'T-1' } }) };
  env = await memoryOutbox(
    async () => connector,
    () => clock,
    async (r) => ({ ...r, attachments: r.attachments.map((a) => ({ ...a, data: 'AAAA' })) }),
  );
});

describe('enqueue', () => {
  it('stores the entry and its payload together before anything is sent', async () => {
    const entry = await enqueue(env, report(1), 'draft-1');
    expect(entry).toMatchObject({
      state: 'queued',
      attempts: 0,
      nextAttemptAt: clock,
      draftId: 'draft-1',
      summary: { description: 'Problem 1' },
    });
    expect(await env.store.payload(entry.id)).toEqual(report(1));
    expect(connector.send).not.toHaveBeenCalled();
  });

  it('returns the existing entry for a ticket already queued instead of adding a second', async () => {
    const first = await enqueue(env, report(1), 'draft-1');
    expect(await enqueue(env, report(1), 'draft-1')).toEqual(first);
    expect(await env.store.list()).toHaveLength(1);
  });

  it('makes room by dropping the oldest sent copies, never an unsent report', async () => {
    const limit = OUTBOX_LIMITS.entries;
    OUTBOX_LIMITS.entries = 3;
    try {
      await enqueue(env, report(1), 'd');
      await deliverDue(env);
      await enqueue(env, report(2), 'd');
      await enqueue(env, report(3), 'd');
      await enqueue(env, report(4), 'd');
      expect((await env.store.list()).map((e) => e.summary.description).sort()).toEqual([
        'Problem 2',
        'Problem 3',
        'Problem 4',
      ]);
      await expect(enqueue(env, report(5), 'd')).rejects.toBeInstanceOf(OutboxFullError);
      expect(await env.store.list()).toHaveLength(3);
    } finally {
      OUTBOX_LIMITS.entries = limit;
    }
  });
});

describe('deliverDue', () => {
  it('sends once and records the receipt', async () => {
    const { id } = await enqueue(env, report(1), 'd');
    await deliverDue(env);
    expect(connector.send).toHaveBeenCalledTimes(1);
    expect(connector.send.mock.calls[0][0]).toEqual(report(1));
    expect(await env.store.get(id)).toMatchObject({
      state: 'sent',
      receipt: { id: 'T-1' },
      sentAt: clock,
      attempts: 1,
    });
    await deliverDue(env);
    expect(connector.send).toHaveBeenCalledTimes(1);
  });

  it('records whether each attempt went over plain http: (the admin exception), for the report status', async () => {
    const { id } = await enqueue(env, report(1), 'd');
    const plain = { send: connector.send, unencrypted: true };
    env.connector = async () => plain;
    replies = [server(500)];
    await deliverDue(env);
    expect(await env.store.get(id)).toMatchObject({ state: 'queued', unencrypted: true });
    clock += OUTBOX_LIMITS.maxRetryMs;
    await deliverDue(env);
    const sent = (await env.store.get(id))!;
    expect(sent).toMatchObject({ state: 'sent', unencrypted: true });
    expect(toStatus(sent).unencrypted).toBe(true);

    // The admin moved the helpdesk to https: the next report says nothing of the kind.
    env.connector = async () => connector;
    const second = await enqueue(env, report(2), 'd');
    await deliverDue(env);
    expect((await env.store.get(second.id))!.unencrypted).toBeUndefined();
    expect(toStatus((await env.store.get(second.id))!).unencrypted).toBeUndefined();
  });

  it('backs off after a retryable failure, and honours a longer Retry-After', async () => {
    const { id } = await enqueue(env, report(1), 'd');
    replies = [server(500), server(429, 60_000)];
    await deliverDue(env);
    const first = await env.store.get(id);
    expect(first).toMatchObject({ state: 'queued', lastFailure: { kind: 'server', status: 500 } });
    expect(first!.nextAttemptAt - clock).toBe(backoffMs(1, () => 0.5));
    clock = first!.nextAttemptAt;
    await deliverDue(env);
    const second = await env.store.get(id);
    expect(second!.nextAttemptAt - clock).toBe(60_000);
    expect(second!.notBefore).toBe(clock + 60_000);
    // A forced retry (popup opened) still waits for what the endpoint asked.
    await makeDue(env);
    expect((await env.store.get(id))!.nextAttemptAt).toBe(clock + 60_000);
    clock += 60_000;
    await deliverDue(env);
    expect(await env.store.get(id)).toMatchObject({ state: 'sent', attempts: 3 });
  });

  it('stops on a permanent failure until Retry is pressed, then delivers', async () => {
    const { id } = await enqueue(env, report(1), 'd');
    replies = [{ ok: false, failure: { kind: 'unauthorized', retryable: false, status: 401 } }];
    await deliverDue(env);
    expect(await env.store.get(id)).toMatchObject({ state: 'failed', lastFailure: { kind: 'unauthorized' } });
    clock += 10 * 60_000;
    await makeDue(env);
    await deliverDue(env);
    expect(connector.send).toHaveBeenCalledTimes(1);
    await makeDue(env, [id]);
    await deliverDue(env);
    expect(await env.store.get(id)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('re-encodes the screenshot once after a 413, then gives up with the reason', async () => {
    const { id } = await enqueue(env, report(1), 'd');
    const tooLarge: SendResult = { ok: false, failure: { kind: 'too-large', retryable: false, status: 413 } };
    replies = [tooLarge, tooLarge];
    await deliverDue(env);
    expect(connector.send).toHaveBeenCalledTimes(2);
    expect(connector.send.mock.calls[1][0].attachments[0].data).toBe('AAAA');
    expect(await env.store.get(id)).toMatchObject({
      state: 'failed',
      shrunk: true,
      lastFailure: { kind: 'too-large' },
    });
  });

  it('never sends a report twice when two deliveries run at once', async () => {
    await enqueue(env, report(1), 'd');
    await enqueue(env, report(2), 'd');
    await Promise.all([deliverDue(env), deliverDue(env), deliverDue(env)]);
    expect(connector.send.mock.calls.map((c) => c[0].ticket.description).sort()).toEqual(['Problem 1', 'Problem 2']);
  });

  it('takes back a report whose sender died mid-send once its lease has run out', async () => {
    const { id } = await enqueue(env, report(1), 'd');
    await env.store.claimNext(clock, OUTBOX_LIMITS.leaseMs); // an attempt that never finished
    await deliverDue(env);
    expect(connector.send).not.toHaveBeenCalled();
    expect(nextWakeAt(await env.store.list())).toBe(clock + OUTBOX_LIMITS.leaseMs);
    clock += OUTBOX_LIMITS.leaseMs;
    await deliverDue(env);
    expect(await env.store.get(id)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('releases every lease at once when a new service worker starts', async () => {
    const { id } = await enqueue(env, report(1), 'd');
    await env.store.claimNext(clock, OUTBOX_LIMITS.leaseMs);
    await releaseLeases(env);
    await deliverDue(env);
    expect(await env.store.get(id)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('probes a failing endpoint with one report and holds the others back with it', async () => {
    for (const n of [1, 2, 3]) await enqueue(env, report(n), 'd');
    replies = [{ ok: false, failure: { kind: 'network', retryable: true, detail: 'refused' } }];
    await deliverDue(env);
    expect(connector.send).toHaveBeenCalledTimes(1);
    const waits = (await env.store.list()).map((e) => e.nextAttemptAt);
    expect(new Set(waits)).toEqual(new Set([clock + backoffMs(1, () => 0.5)]));
    clock = waits[0];
    await deliverDue(env);
    expect(connector.send.mock.calls.map((c) => c[0].ticket.description)).toEqual([
      'Problem 1',
      'Problem 1',
      'Problem 2',
      'Problem 3',
    ]);
    expect((await env.store.list()).every((e) => e.state === 'sent')).toBe(true);
  });

  it('keeps connector progress between attempts so a retry can resume', async () => {
    const { id } = await enqueue(env, report(1), 'd');
    connector.send.mockImplementationOnce(async (_report, ctx) => {
      await ctx.saveProgress({ helpdeskTicket: 99 });
      return server(502);
    });
    await deliverDue(env);
    clock += OUTBOX_LIMITS.maxRetryMs;
    await deliverDue(env);
    expect(connector.send.mock.calls[1][1].progress).toEqual({ helpdeskTicket: 99 });
    expect(await env.store.get(id)).toMatchObject({ state: 'sent' });
  });

  it('marks reports failed with the reason when no endpoint is configured', async () => {
    const { id } = await enqueue(env, report(1), 'd');
    env.connector = async () => null;
    await deliverDue(env);
    expect(await env.store.get(id)).toMatchObject({ state: 'failed', lastFailure: { kind: 'no-endpoint' } });
  });
});

describe('timing helpers', () => {
  it('backs off from 5 s to at most 1 h, with jitter within 75–100 %', () => {
    expect(backoffMs(1, () => 1)).toBe(5_000);
    expect(backoffMs(1, () => 0)).toBe(3_750);
    expect(backoffMs(3, () => 1)).toBe(20_000);
    expect(backoffMs(30, () => 1)).toBe(3_600_000);
  });

  it('purges sent copies past the retention period only', async () => {
    await enqueue(env, report(1), 'd');
    await deliverDue(env);
    await enqueue(env, report(2), 'd');
    clock += 8 * 24 * 3600_000;
    expect(await purgeSent(env, 7 * 24 * 3600_000)).toHaveLength(1);
    expect((await env.store.list()).map((e) => e.summary.description)).toEqual(['Problem 2']);
  });
});
