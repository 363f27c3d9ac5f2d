/**
 * The recorder is registered at runtime rather than declared in the manifest, so that blocked
 * sites never get it: nothing is recorded there, not even into the page's own memory.
 */
import type { Browser, browser } from 'wxt/browser';
import type { SiteRules } from '../../core/settings/sites';

const RECORDER_SCRIPT_ID = 'mayday-recorder';
/** Where WXT writes entrypoints/recorder.content.ts. */
export const RECORDER_FILE = 'content-scripts/recorder.js';

export type RecorderRegistration = Browser.scripting.RegisteredContentScript & {
  matches: string[];
  excludeMatches: string[];
};

export function recorderRegistration(rules: SiteRules): RecorderRegistration {
  return {
    id: RECORDER_SCRIPT_ID,
    js: [RECORDER_FILE],
    matches: rules.allowedSites.length > 0 ? [...rules.allowedSites] : ['<all_urls>'],
    excludeMatches: [...rules.blockedSites],
    world: 'MAIN',
    runAt: 'document_start',
    // Every frame: a same-origin frame (srcdoc and about:blank too) records into the top frame's
    // buffers; installRecorder keeps frames of other origins silent.
    allFrames: true,
    matchOriginAsFallback: true,
    persistAcrossSessions: true,
  };
}

type ScriptingApi = Pick<
  typeof browser.scripting,
  'getRegisteredContentScripts' | 'registerContentScripts' | 'updateContentScripts'
>;

const sameList = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((item, i) => item === b[i]);

/** Registers the recorder, or updates it when the sites changed; does nothing when it matches. */
export async function syncRecorderRegistration(scripting: ScriptingApi, wanted: RecorderRegistration): Promise<void> {
  const [current] = await scripting.getRegisteredContentScripts({ ids: [wanted.id] });
  if (!current) return scripting.registerContentScripts([wanted]);
  if (sameList(current.matches, wanted.matches) && sameList(current.excludeMatches, wanted.excludeMatches)) return;
  await scripting.updateContentScripts([wanted]);
}

/**
 * A function that keeps the registration in step with the sites, one sync at a time: two syncs
 * racing would both find nothing registered and the second register would fail as a duplicate.
 */
export function recorderSync(
  scripting: ScriptingApi,
  onError: (error: unknown) => void,
): (rules: SiteRules) => Promise<void> {
  let last = Promise.resolve();
  return (rules) =>
    (last = last.then(() => syncRecorderRegistration(scripting, recorderRegistration(rules))).catch(onError));
}
