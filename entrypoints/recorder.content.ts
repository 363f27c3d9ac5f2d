import { installRecorder } from '@/utils/recorder/install';

// The only script on every page: MAIN world (no measurable load cost, unlike an isolated-world
// script) and dependency-free. Everything else is injected when a report starts.
// Registered by the background rather than the manifest (utils/settings/recorder-registration.ts),
// so that the organisation's blocked sites never load it.
export default defineContentScript({
  registration: 'runtime',
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installRecorder(window);
  },
});
