/** Sending a draft: build the ticket, deliver it, and keep the draft until the endpoint confirms. */
import { z } from 'zod';
import type { SubmitResult } from '../messaging/extension';
import { postWebhook, type WebhookTarget } from '../delivery/webhook';
import { buildTicket, type BuildContext } from '../ticket/build';
import type { DraftStore } from './draft';

export interface SubmitEnv {
  drafts: DraftStore;
  endpoint(): Promise<WebhookTarget>;
  fetch: typeof fetch;
  timeoutMs: number;
  context(): BuildContext;
}

export async function submitDraft(draftId: string, description: string, env: SubmitEnv): Promise<SubmitResult> {
  // Keep what the person typed before anything can fail.
  const draft = await env.drafts.update(draftId, (d) => (d.sent ? d : { ...d, description }));
  if (!draft) return { ok: false, failure: { kind: 'draft-missing', retryable: false } };
  if (draft.sent) return { ok: true, receipt: draft.sent };

  const target = await env.endpoint();
  if (!target.url) return { ok: false, failure: { kind: 'no-endpoint', retryable: false } };
  let payload;
  try {
    payload = buildTicket(draft, description, env.context());
  } catch (error) {
    const detail = error instanceof z.ZodError ? z.prettifyError(error) : String((error as Error)?.message ?? error);
    return { ok: false, failure: { kind: 'invalid-report', retryable: false, detail } };
  }
  const result = await postWebhook(target, payload, { fetch: env.fetch, timeoutMs: env.timeoutMs });
  if (!result.ok) return result;
  await env.drafts.update(draftId, (d) => ({ ...d, sent: result.receipt }));
  return result;
}
