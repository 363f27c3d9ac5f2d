/**
 * html2canvas with its CSS parsing cached and its text segmenters shared: full-page captures of
 * large pages were over budget (utils/page/isolated/html2canvas-cache.ts). Its ES module build, not the
 * UMD one its "browser" field names: the patch adds an import, which only a module can have.
 */
import { fileURLToPath } from 'node:url';
import { addViteConfig, defineWxtModule } from 'wxt/modules';

const CACHE_MODULE = fileURLToPath(new URL('../utils/page/isolated/html2canvas-cache.ts', import.meta.url));
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

/** The line of html2canvas 1.4.1 (dist/html2canvas.esm.js) whose function gets cached. */
export const HTML2CANVAS_PARSE = 'var parse = function (context, descriptor, style) {';

/** Each text of html2canvas 1.4.1 replaced, which must appear exactly once. */
export const HTML2CANVAS_PATCHES: readonly { find: string; replace: string }[] = [
  {
    find: HTML2CANVAS_PARSE,
    replace:
      'var parseCached = __maydayCss.cacheParsedValues(function (context, descriptor, style) { return parseUncached(context, descriptor, style); });\n' +
      `${HTML2CANVAS_PARSE} return parseCached(context, descriptor, style); };\n` +
      'var parseUncached = function (context, descriptor, style) {',
  },
  {
    find: "new Intl.Segmenter(void 0, { granularity: 'grapheme' })",
    replace: "__maydayCss.sharedSegmenter('grapheme')",
  },
  {
    find: "new Intl.Segmenter(void 0, {\n            granularity: 'word'\n        })",
    replace: "__maydayCss.sharedSegmenter('word')",
  },
];

/**
 * html2canvas's module source with the patches above, importing their helpers from
 * `cacheModule` (utils/page/isolated/html2canvas-cache.ts). Throws when the source is not the expected one (another version):
 * a silent miss would only show as a slow capture.
 */
export function patchHtml2canvas(source: string, cacheModule: string): string {
  let patched = source;
  for (const { find, replace } of HTML2CANVAS_PATCHES) {
    const at = patched.indexOf(find);
    if (at < 0 || patched.indexOf(find, at + 1) >= 0)
      throw new Error(`html2canvas patch: expected exactly one ${JSON.stringify(find)}; is html2canvas still 1.4.1?`);
    patched = patched.slice(0, at) + replace + patched.slice(at + find.length);
  }
  return `import * as __maydayCss from ${JSON.stringify(cacheModule)};\n${patched}`;
}
