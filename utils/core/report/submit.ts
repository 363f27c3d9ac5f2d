/**
 * Sending a draft: build the ticket, store it in the outbox (durable before any network attempt),
 * then make one attempt right away. A draft is queued at most once, whatever is pressed again.
 */
import { z } from 'zod';
import type { DeliveryFailure } from '../delivery/errors';
import type { OutboxEntry } from '../model/outbox';
import { checkEdited, type EditedScreenshot } from '../annotate/edited';
import { buildTicket, type BuildContext } from '../ticket/build';
import type { OutgoingReport } from '../model/ticket';
import type { DraftStore } from '../model/draft';

export type ReportStatus = Pick<
  OutboxEntry,
  | 'id'
  | 'state'
  | 'receipt'
  | 'lastFailure'
  | 'nextAttemptAt'
  | 'createdAt'
  | 'summary'
  | 'draftId'
  | 'followUp'
  | 'unencrypted'
>;
export type SubmitResult = { ok: true; status: ReportStatus } | { ok: false; failure: DeliveryFailure };

export interface SubmitEnv {
  drafts: DraftStore;
  context(): BuildContext;
  enqueue(report: OutgoingReport, draftId: string): Promise<OutboxEntry>;
  /** Runs the outbox once and returns the entry as it stands afterwards. */
  deliver(id: string): Promise<OutboxEntry | undefined>;
  status(id: string): Promise<OutboxEntry | undefined>;
}

export function toStatus(entry: OutboxEntry): ReportStatus {
  const { id, state, receipt, lastFailure, nextAttemptAt, createdAt, summary, draftId, followUp, unencrypted } = entry;
  return { id, state, receipt, lastFailure, nextAttemptAt, createdAt, summary, draftId, followUp, unencrypted };
}

export function describeError(error: unknown): string {
  return error instanceof z.ZodError ? z.prettifyError(error) : String((error as Error)?.message ?? error);
}

export async function submitDraft(
  draftId: string,
  description: string,
  env: SubmitEnv,
  screenshot?: EditedScreenshot,
): Promise<SubmitResult> {
  // Screenshot editor: the screenshot as edited (or removed) replaces the draft's; a malformed
  // one stops the send rather than letting the unedited original go out.
  const edited = checkEdited(screenshot);
  if (!edited.ok) return edited;
  // Keep what the person typed before anything can fail; a queued draft keeps its text.
  const draft = await env.drafts.update(draftId, (d) => (d.outboxId ? d : edited.apply({ ...d, description })));
  if (!draft) return { ok: false, failure: { kind: 'draft-missing', retryable: false } };
  if (draft.outboxId) {
    const entry = await env.status(draft.outboxId);
    if (entry) return { ok: true, status: toStatus(entry) };
  }
  let report: OutgoingReport;
  try {
    report = buildTicket(draft, description, env.context());
  } catch (error) {
    return { ok: false, failure: { kind: 'invalid-report', retryable: false, detail: describeError(error) } };
  }
  let entry: OutboxEntry;
  try {
    entry = await env.enqueue(report, draftId);
  } catch (error) {
    return { ok: false, failure: { kind: 'invalid-report', retryable: false, detail: describeError(error) } };
  }
  await env.drafts.update(draftId, (d) => ({ ...d, outboxId: entry.id }));
  return { ok: true, status: toStatus((await env.deliver(entry.id)) ?? entry) };
}
