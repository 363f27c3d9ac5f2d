/**
 * Where settings live. Each item stores only what the user changed from the defaults; secrets are
 * their own item so that only the background and the options page ever read them.
 */
import { storage } from 'wxt/utils/storage';
import { secretsFromV1, settingsFromV1, V1_ENDPOINT_KEY, V1_TOKEN_KEY } from '../core/settings/migrations';
import type { Secrets, Settings } from '../core/settings/schema';

/**
 * v1 was the two items named in ./migrations. WXT runs an item's migrations only on a key that
 * already holds a value, so the move from v1's keys is the new items' `init` (which runs when the
 * key is empty); later changes of shape go in `migrations`, keyed 3, 4…
 */
export const SETTINGS_VERSION = 2;

export const settingsItem = storage.defineItem<Partial<Settings>>('local:settings', {
  fallback: {},
  version: SETTINGS_VERSION,
  init: async () => settingsFromV1(await storage.getItem(V1_ENDPOINT_KEY)),
});

export const secretsItem = storage.defineItem<Partial<Secrets>>('local:secrets', {
  fallback: {},
  version: SETTINGS_VERSION,
  init: async () => secretsFromV1(await storage.getItem(V1_TOKEN_KEY)),
});

/**
 * Drops the v1 items once their values are in the v2 ones. Called by the background after an
 * update; extension pages are closed by an update, so no other context is lifting them meanwhile.
 */
export async function removeV1Items(): Promise<void> {
  await Promise.all([settingsItem.getValue(), secretsItem.getValue()]);
  await storage.removeItems([
    { key: V1_ENDPOINT_KEY, options: { removeMeta: true } },
    { key: V1_TOKEN_KEY, options: { removeMeta: true } },
  ]);
}
