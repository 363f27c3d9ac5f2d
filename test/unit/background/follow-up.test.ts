import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkFollowUps, markRead, type FollowUpEnv } from '../../../utils/background/follow-up';
import {
  deliverDue,
  enqueue,
  enqueueAddition,
  outboxOverview,
  type OutboxEnv,
} from '../../../utils/background/outbox/outbox';
import type { Connector } from '../../../utils/core/delivery/connector';
import type { FollowUpConnector, FollowUpResult } from '../../../utils/core/delivery/follow-up';
import type { OutboxEntry } from '../../../utils/core/model/outbox';
import { samplePayload } from '../../support/tickets';
import { memoryOutbox } from '../../support/outbox';

const DAY = 24 * 60 * 60_000;
let clock: number;
let outbox: OutboxEnv;
let answers: FollowUpResult[];
let followUp: { [K in keyof FollowUpConnector]: ReturnType<typeof vi.fn<FollowUpConnector[K]>> };
let announced: [string, string][];

const reply = (id: string, text = `Reply ${id}`) => ({ id, at: '2026-11-28T10:02:11.000Z', author: 'Sam', text });
const env = (): FollowUpEnv => ({
  ...outbox,
  retentionMs: async () => 30 * DAY,
  announce: (entry: OutboxEntry, r) => void announced.push([entry.id, r.id]),
});

beforeEach(async () => {
  clock = Date.UTC(2026, 10, 28, 10);
  answers = [];
  announced = [];
  followUp = {
    follows: vi.fn(() => true),
    status: vi.fn(async () => answers.shift() ?? { ok: true, followUp: { status: 'new', closed: false, replies: [] } }),
    addInformation: vi.fn(async () => ({ ok: true, receipt: { id: 'A-1' } })),
  };
  const connector: Connector = { send: async () => ({ ok: true, receipt: { id: 'T-1' } }), followUp };
  outbox = await memoryOutbox(
    async () => connector,
    () => clock,
  );
});

async function sentReport() {
  const entry = await enqueue(outbox, samplePayload('The list is empty'), 'draft-1');
  await deliverDue(outbox);
  return (await outbox.store.get(entry.id))!;
}

describe('following sent tickets', () => {
  it('announces each public reply once, counts it unread until the person looks, and keeps it', async () => {
    const entry = await sentReport();
    answers.push(
      { ok: true, followUp: { status: 'waiting', closed: false, replies: [reply('1')] } },
      { ok: true, followUp: { status: 'waiting', closed: false, replies: [reply('1'), reply('2')] } },
    );
    expect(await checkFollowUps(env())).toBe(1);
    expect(await checkFollowUps(env())).toBe(1);
    expect(await checkFollowUps(env())).toBe(0);
    expect(announced).toEqual([
      [entry.id, '1'],
      [entry.id, '2'],
    ]);
    const stored = (await outbox.store.get(entry.id))!;
    expect(stored.followUp).toMatchObject({ status: 'new', unread: 2, announced: ['1', '2'] });
    await markRead(outbox.store, [entry.id]);
    expect((await outbox.store.get(entry.id))!.followUp!.unread).toBe(0);
  });

  it('stops asking about closed tickets and those older than the retention period; a failed check keeps the last state', async () => {
    const entry = await sentReport();
    answers.push({ ok: true, followUp: { status: 'in-progress', closed: false, replies: [] } });
    await checkFollowUps(env());
    answers.push({ ok: false, failure: { kind: 'network', retryable: true, detail: 'offline' } });
    await checkFollowUps(env());
    expect((await outbox.store.get(entry.id))!.followUp!.status).toBe('in-progress');
    answers.push({ ok: true, followUp: { status: 'closed', closed: true, replies: [] } });
    await checkFollowUps(env());
    await checkFollowUps(env());
    expect(followUp.status).toHaveBeenCalledTimes(3);

    const young = await enqueue(
      outbox,
      {
        ...samplePayload('Another'),
        ticket: { ...samplePayload('x').ticket, id: '00000000-0000-4000-8000-000000000002' },
      },
      'd2',
    );
    await deliverDue(outbox);
    clock += 31 * DAY;
    await checkFollowUps(env());
    expect(followUp.status).toHaveBeenCalledTimes(3);
    expect((await outbox.store.get(young.id))!.followUp).toBeUndefined();
  });
});

describe('adding information', () => {
  it('is stored before any attempt, sent once to the report it adds to, and kept out of the popup list', async () => {
    const parent = await sentReport();
    followUp.addInformation.mockResolvedValueOnce({
      ok: false,
      failure: { kind: 'network', retryable: true, detail: 'offline' },
    });
    const info = { id: '3f0c9a52-6a1e-4c4e-9d43-1b1f3a2c7e10', text: 'Invoice 114', attachments: [] };
    const added = await enqueueAddition(outbox, parent, info);
    expect(await enqueueAddition(outbox, parent, info)).toEqual(added);
    expect(await outbox.store.addition(added.id)).toEqual(info);
    await deliverDue(outbox);
    expect((await outbox.store.get(added.id))!.state).toBe('queued');
    clock += 60_000;
    await deliverDue(outbox);
    expect((await outbox.store.get(added.id))!.state).toBe('sent');
    expect(followUp.addInformation).toHaveBeenCalledTimes(2);
    expect(followUp.addInformation.mock.calls[1][0]).toEqual(parent.receipt);
    expect(followUp.addInformation.mock.calls[1][1]).toEqual(info);
    expect(outboxOverview(await outbox.store.list()).reports.map((r) => r.id)).toEqual([parent.id]);
  });

  it('fails with a reason when the report cannot take information', async () => {
    const parent = await sentReport();
    followUp.follows.mockReturnValue(false);
    const added = await enqueueAddition(outbox, parent, {
      id: 'b7a1c2d3-0000-4000-8000-000000000001',
      text: 'x',
      attachments: [],
    });
    await deliverDue(outbox);
    expect((await outbox.store.get(added.id))!).toMatchObject({
      state: 'failed',
      lastFailure: { kind: 'invalid-report', detail: 'the report it adds to cannot take information' },
    });
  });
});
