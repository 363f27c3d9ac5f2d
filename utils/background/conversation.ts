/**
 * A sent report's conversation as its report page shows it, and the information the person adds
 * to it: checked here, then handed to the outbox, which delivers it like a report.
 */
import { enqueueAddition, type OutboxEnv } from './outbox/outbox';
import { REPLY_TEXT_MAX, type AddedInformation } from '../core/delivery/follow-up';
import { attachmentSchema } from '../core/model/ticket';
import { isAddition, type OutboxEntry } from '../core/model/outbox';
import { describeError, toStatus } from '../core/report/submit';
import type { Translate } from '../core/ticket/translate';
import type { Conversation, ExtensionProtocol } from '../extension/messaging';

/** The person's own file, as big as a screenshot may be. */
const FILE_MAX_BASE64 = Math.ceil((5 * 1024 * 1024 * 4) / 3);
/** The page waits this long for a first delivery attempt, so it can show "sent" at once. */
const KICK_WAIT_MS = 3000;

type AddInformationRequest = Parameters<ExtensionProtocol['addInformation']>[0];
type AddInformationResult = ReturnType<ExtensionProtocol['addInformation']>;

/** The report (never an addition), the person's additions oldest first, and whether more can be added. */
export async function conversation(
  env: Pick<OutboxEnv, 'store' | 'connector'>,
  reportId: string,
): Promise<Conversation | null> {
  const entries = await env.store.list();
  const report = entries.find((e) => e.id === reportId && !isAddition(e));
  if (!report) return null;
  const connector = await env.connector();
  const additions = entries
    .filter((e): e is OutboxEntry => isAddition(e) && e.replyTo === reportId)
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((e) => ({
      id: e.id,
      text: e.summary.description,
      createdAt: e.createdAt,
      state: e.state,
      lastFailure: e.lastFailure,
      files: e.bytes > e.summary.description.length ? 1 : 0,
    }));
  const canAdd =
    report.state === 'sent' &&
    !!report.receipt &&
    !report.followUp?.closed &&
    !!connector?.followUp?.follows(report.receipt);
  return { report: toStatus(report), additions, canAdd };
}

export interface AddInformationEnv {
  outbox: OutboxEnv;
  t: Translate;
  /** Starts a delivery round; waited for at most KICK_WAIT_MS. */
  kick(): Promise<void>;
}

/** What the page sends is untrusted: checked and bounded before it reaches the outbox. */
export async function addInformation(
  env: AddInformationEnv,
  data: AddInformationRequest,
): Promise<AddInformationResult> {
  const { store } = env.outbox;
  const text = String(data.text ?? '').trim();
  const refuse = (detail: string) => ({
    ok: false as const,
    failure: { kind: 'invalid-report' as const, retryable: false as const, detail },
  });
  if (!/^[\w-]{8,200}$/.test(data.id)) return refuse('bad id');
  if (!text && !data.file) return refuse(env.t('conversationEmpty'));
  if (text.length > REPLY_TEXT_MAX) return refuse(env.t('conversationTooLong'));
  const attachments = [];
  if (data.file) {
    const file = attachmentSchema.safeParse({
      ...data.file,
      filename: data.file.filename.replace(/[^\w.-]+/g, '_').slice(-100) || 'screenshot.png',
    });
    if (!file.success || !/^image\/(png|jpeg)$/.test(file.data.contentType) || file.data.data.length > FILE_MAX_BASE64)
      return refuse(env.t('conversationBadFile'));
    attachments.push(file.data);
  }
  const parent = await store.get(data.reportId);
  if (!parent || isAddition(parent)) return refuse('no such report');
  // The report's requester adds it: a helpdesk that signs with its API account names them.
  const reporter = (await store.payload(parent.id).catch(() => undefined))?.ticket.reporter;
  const author = reporter?.name?.trim() || reporter?.email?.trim();
  const info: AddedInformation = { id: data.id, text, attachments, ...(author ? { author } : {}) };
  try {
    await enqueueAddition(env.outbox, parent, info);
  } catch (error) {
    return refuse(describeError(error));
  }
  await Promise.race([env.kick(), new Promise((r) => setTimeout(r, KICK_WAIT_MS))]);
  const next = await conversation(env.outbox, data.reportId);
  return next ? { ok: true, conversation: next } : refuse('no such report');
}
