import { BRIDGE_MASKS_KEY, collectPageContext } from '@/utils/page/isolated/page-context';

// Injected into the reported tab's isolated world by scripting.executeScript only when a report
// starts; its return value goes back to the background. It sends no messages of its own, so the
// page has nothing to drive. An unlisted script, not a content script, so no runtime is bundled.
// The admin's mask selectors were set just before in this world (BRIDGE_MASKS_KEY), which the page
// cannot read.
export default defineUnlistedScript({
  main: () =>
    collectPageContext(window, document, (globalThis as Record<string, unknown>)[BRIDGE_MASKS_KEY] as string[]),
});
