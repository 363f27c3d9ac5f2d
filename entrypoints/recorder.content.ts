import { installRecorder } from '@/utils/page/main/install';

// The only script on every page: MAIN world (no measurable load cost, unlike an isolated-world
// script) and dependency-free. Everything else is injected when a report starts. In every frame:
// a same-origin frame (srcdoc and about:blank ones too) records into the top frame's buffers,
// others record nothing (see installRecorder). Registered by the background rather than the
// manifest (utils/background/recorder/registration.ts), so the organisation's blocked sites never
// load it. Console levels are the defaults, error and warn; docs/recorder.md says how admin
// settings would reach this script.
export const main = () => void installRecorder(window);

// Pure: the recorder's build calls `main` alone (modules/recorder-build.ts), and the options object
// stays out of the script.
export default /* @__PURE__ */ defineContentScript({
  registration: 'runtime',
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  // No global variable for the page to see.
  globalName: false,
  main,
});
