import { installRecorder } from '@/utils/recorder/install';

// The only script on every page: MAIN world (no measurable load cost, unlike an isolated-world
// script) and dependency-free. Everything else is injected when a report starts.
export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installRecorder(window);
  },
});
