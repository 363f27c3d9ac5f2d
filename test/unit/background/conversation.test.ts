import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addInformation, conversation, type AddInformationEnv } from '../../../utils/background/conversation';
import { deliverDue, enqueue, type OutboxEnv } from '../../../utils/background/outbox/outbox';
import type { Connector } from '../../../utils/core/delivery/connector';
import { REPLY_TEXT_MAX, type FollowUpConnector } from '../../../utils/core/delivery/follow-up';
import type { OutgoingReport } from '../../../utils/core/model/ticket';
import { messageLookup } from '../../../utils/core/ticket/translate';
import en from '../../../public/_locales/en/messages.json';
import { PNG_1X1, samplePayload } from '../../support/tickets';
import { memoryOutbox } from '../../support/outbox';

const t = messageLookup(en);
/** 5 MB as base64, and the valid base64 strings (length a multiple of 4) either side of it. */
const FILE_MAX_BASE64 = Math.ceil((5 * 1024 * 1024 * 4) / 3);
const AT_LIMIT = 'A'.repeat(Math.floor(FILE_MAX_BASE64 / 4) * 4);
const OVER_LIMIT = 'A'.repeat(Math.floor(FILE_MAX_BASE64 / 4) * 4 + 4);
const PNG = PNG_1X1.slice('data:image/png;base64,'.length);
let clock: number;
let outbox: OutboxEnv;
let followUp: { [K in keyof FollowUpConnector]: ReturnType<typeof vi.fn<FollowUpConnector[K]>> };
let connector: Connector;
let kick: ReturnType<typeof vi.fn<() => Promise<void>>>;

const env = (): AddInformationEnv => ({ outbox, t, kick });
let seq = 0;
const newId = () => `3f0c9a52-6a1e-4c4e-9d43-${String(++seq).padStart(12, '0')}`;

beforeEach(async () => {
  clock = Date.UTC(2026, 10, 28, 10);
  followUp = {
    follows: vi.fn(() => true),
    status: vi.fn(async () => ({ ok: true as const, followUp: { status: 'new', closed: false, replies: [] } })),
    addInformation: vi.fn(async () => ({ ok: true as const, receipt: { id: 'A-1' } })),
  };
  connector = { send: async () => ({ ok: true, receipt: { id: 'T-1' } }), followUp };
  outbox = await memoryOutbox(
    async () => connector,
    () => clock,
  );
  kick = vi.fn(async () => void (await deliverDue(outbox)));
});

let tickets = 0;
async function queuedReport(reporter?: OutgoingReport['ticket']['reporter']) {
  const payload = samplePayload('The list is empty');
  const id = `00000000-0000-4000-8000-${String(++tickets).padStart(12, '0')}`;
  return enqueue(outbox, { ...payload, ticket: { ...payload.ticket, id, reporter } }, `draft-${tickets}`);
}
async function sentReport(reporter?: OutgoingReport['ticket']['reporter']) {
  const entry = await queuedReport(reporter);
  await deliverDue(outbox);
  return (await outbox.store.get(entry.id))!;
}

const refused = (detail: string) => ({ ok: false, failure: { kind: 'invalid-report', retryable: false, detail } });

describe('adding information to a sent report', () => {
  it('refuses what the page may not send, with the reason the person reads, and stores nothing', async () => {
    const parent = await sentReport();
    const add = (data: Partial<Parameters<typeof addInformation>[1]>) =>
      addInformation(env(), { reportId: parent.id, id: newId(), text: 'Invoice 114', ...data });
    expect(await add({ id: 'short' })).toEqual(refused('bad id'));
    expect(await add({ id: '../../etc/passwd-000' })).toEqual(refused('bad id'));
    expect(await add({ text: '   \n ' })).toEqual(refused('Write something or attach a screenshot.'));
    expect(await add({ text: 'x'.repeat(REPLY_TEXT_MAX + 1) })).toEqual(refused('At most 5,000 characters.'));
    const badFile = refused('Attach a PNG or JPEG image of at most 5 MB.');
    expect(await add({ file: { filename: 'notes.svg', contentType: 'image/svg+xml', data: PNG } })).toEqual(badFile);
    expect(await add({ file: { filename: 'a.png', contentType: 'image/png', data: 'not base64!' } })).toEqual(badFile);
    expect(await add({ file: { filename: 'big.png', contentType: 'image/png', data: OVER_LIMIT } })).toEqual(badFile);
    expect(await add({ reportId: 'no-such-report' })).toEqual(refused('no such report'));
    expect((await outbox.store.list()).map((e) => e.id)).toEqual([parent.id]);
    expect(kick).not.toHaveBeenCalled();
  });

  it('keeps a file of exactly the size limit, cleans its name, and sends text and file once', async () => {
    const parent = await sentReport({ name: '  Camille Martin ', email: 'camille@example.org' });
    const id = newId();
    const result = await addInformation(env(), {
      reportId: parent.id,
      id,
      text: '  The invoice number is 114  ',
      file: { filename: '../My screen shot (1).png', contentType: 'image/png', data: PNG },
    });
    expect(result).toMatchObject({ ok: true, conversation: { additions: [{ id, state: 'sent', files: 1 }] } });
    expect(followUp.addInformation).toHaveBeenCalledTimes(1);
    expect(followUp.addInformation.mock.calls[0][1]).toEqual({
      id,
      text: 'The invoice number is 114',
      attachments: [{ filename: '.._My_screen_shot_1_.png', contentType: 'image/png', data: PNG }],
      author: 'Camille Martin',
    });

    const big = await addInformation(env(), {
      reportId: parent.id,
      id: newId(),
      text: '',
      file: { filename: '', contentType: 'image/jpeg', data: AT_LIMIT },
    });
    expect(big).toMatchObject({ ok: true });
    expect(followUp.addInformation.mock.calls[1][1].attachments[0].filename).toBe('screenshot.png');
  });

  it("signs with the requester's name, else their email, else no one", async () => {
    const authorOf = async (reporter?: OutgoingReport['ticket']['reporter']) => {
      const parent = await sentReport(reporter);
      await addInformation(env(), { reportId: parent.id, id: newId(), text: 'More' });
      return followUp.addInformation.mock.calls.at(-1)![1].author;
    };
    expect(await authorOf({ name: 'Camille', email: 'camille@example.org' })).toBe('Camille');
    expect(await authorOf({ name: '  ', email: ' camille@example.org ' })).toBe('camille@example.org');
    expect(await authorOf(undefined)).toBeUndefined();
  });

  it('refuses an addition as the parent, and reports a failure to store it', async () => {
    const parent = await sentReport();
    const first = await addInformation(env(), { reportId: parent.id, id: newId(), text: 'First' });
    expect(first.ok).toBe(true);
    const additionId = first.ok ? first.conversation.additions[0].id : '';
    expect(await addInformation(env(), { reportId: additionId, id: newId(), text: 'On an addition' })).toEqual(
      refused('no such report'),
    );
    const broken = { ...outbox, store: { ...outbox.store, add: async () => Promise.reject(new Error('disk full')) } };
    expect(await addInformation({ ...env(), outbox: broken }, { reportId: parent.id, id: newId(), text: 'x' })).toEqual(
      refused('disk full'),
    );
  });

  it('answers after at most 3 s when the delivery round takes longer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const parent = await sentReport();
      kick.mockImplementation(() => new Promise(() => {}));
      const pending = addInformation(env(), { reportId: parent.id, id: newId(), text: 'Slow helpdesk' });
      let done = false;
      void pending.then(() => (done = true));
      await vi.waitFor(() => expect(kick).toHaveBeenCalled());
      await vi.advanceTimersByTimeAsync(2900);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(100);
      expect(await pending).toMatchObject({ ok: true, conversation: { additions: [{ state: 'queued' }] } });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a conversation', () => {
  it('lists the additions oldest first and allows more while the ticket is open and followed', async () => {
    const parent = await sentReport();
    const ids = [newId(), newId()];
    clock += 1000;
    await addInformation(env(), { reportId: parent.id, id: ids[1], text: 'Second' });
    clock -= 500;
    await addInformation(env(), { reportId: parent.id, id: ids[0], text: 'First' });
    const shown = (await conversation(outbox, parent.id))!;
    expect(shown.report.id).toBe(parent.id);
    expect(shown.additions.map((a) => [a.id, a.text, a.files])).toEqual([
      [ids[0], 'First', 0],
      [ids[1], 'Second', 0],
    ]);
    expect(shown.canAdd).toBe(true);
    expect(await conversation(outbox, ids[0])).toBeNull();
    expect(await conversation(outbox, 'no-such-report')).toBeNull();
  });

  it('allows no more once the ticket is closed', async () => {
    const parent = await sentReport();
    await outbox.store.update(parent.id, (e) => ({
      ...e,
      followUp: { status: 'closed', closed: true, replies: [], checkedAt: clock, announced: [], unread: 0 },
    }));
    expect((await conversation(outbox, parent.id))!.canAdd).toBe(false);
  });

  it('allows none with a helpdesk that cannot follow the ticket, or no helpdesk, or before it is sent', async () => {
    const parent = await sentReport();
    followUp.follows.mockReturnValue(false);
    expect((await conversation(outbox, parent.id))!.canAdd).toBe(false);
    connector = { send: connector.send };
    expect((await conversation(outbox, parent.id))!.canAdd).toBe(false);
    expect((await conversation({ ...outbox, connector: async () => null }, parent.id))!.canAdd).toBe(false);

    connector = { send: connector.send, followUp };
    followUp.follows.mockReturnValue(true);
    const unsent = await queuedReport();
    expect((await conversation(outbox, unsent.id))!.canAdd).toBe(false);
    expect((await conversation(outbox, parent.id))!.canAdd).toBe(true);
  });
});
