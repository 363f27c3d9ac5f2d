/**
 * Names the always-on recorder `mayday-recorder.js` in stack traces. Chromium sends every console
 * message whose top stack frame has a chrome-extension:// URL to the browser with a full stack trace
 * (RenderFrameImpl::ShouldReportDetailedMessageForSourceAndSeverity); the recorder's console
 * wrapper is that frame, which made each page console.error ~6x slower. A `//# sourceURL` comment
 * renames the frame; the minifier drops comments, so it is appended to the finished chunk.
 */
import { defineWxtModule } from 'wxt/modules';

export const RECORDER_SOURCE_URL = 'mayday-recorder.js';

export default defineWxtModule({
  name: 'recorder-source-url',
  setup(wxt) {
    wxt.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.name === 'recorder')) return;
      config.plugins = [
        ...(config.plugins ?? []),
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
