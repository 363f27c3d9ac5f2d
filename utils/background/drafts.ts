/**
 * The drafts' storage: one key per draft in extension storage, so concurrent writes to different
 * drafts never clobber each other.
 */
import { storage } from 'wxt/utils/storage';
import type { Draft, DraftStore } from '../core/model/draft';

const key = (id: string) => `local:draft:${id}` as const;

// Read-modify-write of one draft from several messages at once would lose updates; chain them.
const pending = new Map<string, Promise<unknown>>();
function queued<T>(id: string, task: () => Promise<T>): Promise<T> {
  const run = (pending.get(id) ?? Promise.resolve()).then(task, task);
  const settled = run.catch(() => undefined);
  pending.set(id, settled);
  void settled.then(() => pending.get(id) === settled && pending.delete(id));
  return run;
}

export const drafts: DraftStore = {
  get: (id: string) => storage.getItem<Draft>(key(id)),
  put: (draft: Draft) => queued(draft.id, () => storage.setItem<Draft>(key(draft.id), draft)),
  /** Applies `change` to the stored draft, in order with every other update of it. */
  update: (id: string, change: (draft: Draft) => Draft) =>
    queued(id, async () => {
      const draft = await storage.getItem<Draft>(key(id));
      if (!draft) return null;
      const next = change(draft);
      await storage.setItem<Draft>(key(id), next);
      return next;
    }),
  remove: (id: string) => queued(id, () => storage.removeItem(key(id))),
  /** Every stored draft (the screenshots included: call rarely). */
  all: async (): Promise<Draft[]> => {
    const items = await storage.snapshot('local');
    return Object.entries(items)
      .filter(([name]) => name.startsWith('draft:'))
      .map(([, value]) => value as Draft);
  },
};

/** A draft not yet in the outbox may be a report someone is still writing: it stays this long at least. */
const UNQUEUED_DRAFT_MIN_MS = 24 * 60 * 60_000;

/**
 * Drafts older than the retention period go, except those whose report is still waiting in the
 * outbox (`keep`): a report is never lost to housekeeping before it is delivered. A draft never
 * queued stays a day even with a retention of 0, so a report being written is not pulled away.
 */
export async function purgeDrafts(
  store: DraftStore,
  now: number,
  retentionMs: number,
  keep: Set<string>,
): Promise<number> {
  let removed = 0;
  for (const draft of await store.all()) {
    const age = now - draft.createdAt;
    const stays = draft.outboxId
      ? keep.has(draft.outboxId) || age <= retentionMs
      : age <= Math.max(retentionMs, UNQUEUED_DRAFT_MIN_MS);
    if (stays) continue;
    await store.remove(draft.id);
    removed++;
  }
  return removed;
}
