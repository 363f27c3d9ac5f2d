/**
 * The requester as the background knows it: what the person typed last time (kept in extension
 * storage, never sent anywhere but in their tickets), and the browser profile's address when the
 * organisation chose it and the permission was granted.
 */
import { storage } from 'wxt/utils/storage';
import type { browser as Browser } from 'wxt/browser';
import type { Requester } from '../core/report/requester';

export const rememberedRequester = storage.defineItem<Requester>('local:requester', {
  fallback: { email: '', name: '' },
});

/** The permissions the options page asks for when an admin picks "browser profile". */
const PROFILE_PERMISSIONS = ['identity', 'identity.email'];

/**
 * chrome.identity.getProfileUserInfo, Chromium only: '' without the permission (not granted, or
 * Firefox, which has no such call), or when nobody is signed in to the browser.
 */
export async function profileEmail(api: typeof Browser): Promise<string> {
  try {
    const granted = await api.permissions.contains({ permissions: PROFILE_PERMISSIONS as never });
    const identity = (api as unknown as { identity?: { getProfileUserInfo?: unknown } }).identity;
    if (!granted || typeof identity?.getProfileUserInfo !== 'function') return '';
    const info = (await (identity.getProfileUserInfo as (details: object) => Promise<{ email?: string }>)({
      accountStatus: 'ANY',
    })) ?? { email: '' };
    return typeof info.email === 'string' ? info.email : '';
  } catch {
    return '';
  }
}
