/**
 * Whether Mayday's recorder runs in a window, for tests and the bench alike (no test runner
 * imported here). The recorder looks native to the page on purpose, so nothing on the page shows
 * it; only its channel's event (docs/recorder.md, "Channel") does: it answers by setting itself on it.
 */
import { PULL_EVENT } from '../../utils/core/wire/page-protocol';

export const RECORDER_PRESENT = `(() => { const e = new FocusEvent(${JSON.stringify(PULL_EVENT)}); dispatchEvent(e); return Object.hasOwn(e, 'r'); })()`;
