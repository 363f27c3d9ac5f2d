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
 */
import { defineWxtModule } from 'wxt/modules';

export const RECORDER_SOURCE_URL = 'mayday-recorder.js';

/** The id WXT gives a MAIN-world content script's entry (wxt/dist/core/builders/vite). */
const MAIN_WORLD_ENTRY = '\0virtual:wxt-content-script-main-world-entrypoint?';

export default defineWxtModule({
  name: 'recorder-build',
  setup(wxt) {
    wxt.hook('vite:build:extendConfig', (entrypoints, config) => {
      const recorder = entrypoints.find((entry) => entry.name === 'recorder');
      if (!recorder) return;
      const output = (config.build?.rollupOptions?.output ?? {}) as { minify?: unknown };
      output.minify = { compress: true, mangle: true, mangleProps: { include: /^(last|add|list|snapshot|step|base|start)$/ } };
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
              if (chunk.type === 'chunk' && chunk.isEntry) chunk.code += `\n//# sourceURL=${RECORDER_SOURCE_URL}\n`;
            }
          },
        },
      ];
    });
  },
});
