import html2canvas from 'html2canvas';
import { installDomCapture } from '@/utils/page/isolated/dom-capture-page';

// Injected into the reported tab's isolated world with scripting.executeScript only when the
// person asks for the whole page or one element: html2canvas (~200 KB) never rides along with the
// always-on recorder. It only installs operations; the background calls them (utils/background/capture/dom-capture.ts).
export default defineUnlistedScript(() => {
  installDomCapture(globalThis, { html2canvas, win: window, doc: document });
  return true;
});
