/**
 * How the always-on recorder is built, beyond what WXT does for any content script:
 *
 * - It is named `mayday-recorder.js` in stack traces. Chromium sends every console message whose
 *   top stack frame has a chrome-extension:// URL to the browser with a full stack trace
 *   (RenderFrameImpl::ShouldReportDetailedMessageForSourceAndSeverity); the recorder's console
 *   wrapper is that frame, which made each page console.error ~6x slower. A `//# sourceURL`
 *   comment renames the frame; the minifier drops comments, so it is appended to the finished chunk.
 * - Its entry calls the entrypoint's exported `main()` directly. WXT's entry for MAIN-world scripts
 *   wraps it in an async function with a logger that production builds silence, and keeps the
 *   options object it is defined with: about 400 bytes of the recorder's 6 KB budget on every
 *   page, for nothing (main never throws: installRecorder catches).
 * - Its own property names (INTERNAL_NAMES) are shortened by the minifier. None of them is a name
 *   the page sees or one the bridge or the background reads (the page protocol's names are not
 *   among them); the Recorder methods a child frame's copy calls on its parent's get fixed short
 *   names, the same in every build.
 * - Its wrapper is an arrow function, which is shorter: the recorder never reads `this` there.
 */
import { defineWxtModule } from 'wxt/modules';

export const RECORDER_SOURCE_URL = 'mayday-recorder.js';

/**
 * Names of the recorder's own objects: the ring logs' methods, an XHR call's fields, and the
 * Recorder methods, which only copies of the recorder call (fixed, so that copies of two builds
 * in one page still agree).
 */
const INTERNAL_NAMES = /^(lost|last|add|list|base|start|line|request|step|snapshot)$/;
const FIXED_NAMES = { line: 'L', request: 'R', step: 'S', snapshot: 'P' };

/** The id WXT gives a MAIN-world content script's entry (wxt/dist/core/builders/vite). */
const MAIN_WORLD_ENTRY = '\0virtual:wxt-content-script-main-world-entrypoint?';

export default defineWxtModule({
  name: 'recorder-build',
  setup(wxt) {
    wxt.hook('vite:build:extendConfig', (entrypoints, config) => {
      const recorder = entrypoints.find((entry) => entry.name === 'recorder');
      if (!recorder) return;
      const build = (config.build ??= {});
      const rollupOptions = (build.rollupOptions ??= {});
      const output = (rollupOptions.output ??= {}) as { minify?: unknown };
      output.minify = { compress: true, mangle: true, mangleProps: { include: INTERNAL_NAMES, cache: FIXED_NAMES } };
      config.plugins = [
        ...(config.plugins ?? []),
        {
          name: 'mayday:recorder-entry',
          enforce: 'pre',
          load(id) {
            if (id.startsWith(MAIN_WORLD_ENTRY) && id.endsWith(recorder.inputPath))
              return `import { main } from ${JSON.stringify(recorder.inputPath)};\nmain();\n`;
          },
        },
        {
          name: 'mayday:recorder-source-url',
          enforce: 'post',
          generateBundle(_options, bundle) {
            for (const chunk of Object.values(bundle)) {
              if (chunk.type === 'chunk' && chunk.isEntry)
                chunk.code = `${chunk.code.replace(/^\(function\(\)\{/, '(()=>{')}\n//# sourceURL=${RECORDER_SOURCE_URL}\n`;
            }
          },
        },
      ];
    });
  },
});
