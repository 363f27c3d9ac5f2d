import { collectPageContext } from '@/utils/page/isolated/page-context';

// Injected into the reported tab's isolated world by scripting.executeScript only when a report
// starts; its return value goes back to the background. It sends no messages of its own, so the
// page has nothing to drive. An unlisted script, not a content script, so no runtime is bundled.
export default defineUnlistedScript({
  main: () => collectPageContext(window, document, { nonce: crypto.randomUUID(), timeoutMs: 500 }),
});
