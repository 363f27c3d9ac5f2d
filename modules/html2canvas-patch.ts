/**
 * html2canvas with its CSS parsing cached and its text segmenters shared: full-page captures of
 * large pages were over budget (utils/capture/html2canvas-patch.ts). Its ES module build, not the
 * UMD one its "browser" field names: the patch adds an import, which only a module can have.
 */
import { fileURLToPath } from 'node:url';
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { patchHtml2canvas } from '../utils/capture/html2canvas-patch';

const CACHE_MODULE = fileURLToPath(new URL('../utils/capture/html2canvas-patch.ts', import.meta.url));
const ESM_BUILD = 'html2canvas/dist/html2canvas.esm.js';

export default defineWxtModule({
  name: 'html2canvas-patch',
  setup(wxt) {
    addViteConfig(wxt, () => ({
      plugins: [
        {
          name: 'mayday:html2canvas-patch',
          enforce: 'pre',
          resolveId(source, importer) {
            if (source === 'html2canvas') return this.resolve(ESM_BUILD, importer, { skipSelf: true });
          },
          transform(code, id) {
            if (id.split('?')[0].replaceAll('\\', '/').endsWith(`/${ESM_BUILD}`))
              return patchHtml2canvas(code, CACHE_MODULE);
          },
        },
      ],
    }));
  },
});
