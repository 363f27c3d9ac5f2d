/**
 * What dom-capture.js leaves in the reported tab's isolated world: two operations the background
 * then calls with scripting.executeScript. Choosing and rendering are separate calls so that only
 * the rendering runs under the time limit, however long the person takes to choose.
 */
import { pickElement } from './picker';
import { renderDom, type RenderEnv, type RenderOutcome } from './dom-capture-render';

/** The isolated world's global the operations hang from; the page's own world cannot see it. */
export const DOM_CAPTURE_KEY = '__maydayDomCapture';

type PickOutcome = { ok: true } | { ok: false; reason: 'cancelled' };

interface DomCaptureApi {
  pick(opts: { hint: string; timeoutMs: number }): Promise<PickOutcome>;
  render(opts: { target: 'page' | 'picked'; masks: string[] }): Promise<RenderOutcome>;
}

export function installDomCapture(scope: object, env: RenderEnv): void {
  let picked: Element | null = null;
  const api: DomCaptureApi = {
    async pick({ hint, timeoutMs }) {
      picked = await pickElement({ win: env.win, doc: env.doc, hint, timeoutMs, trusted: (e) => e.isTrusted });
      return picked ? { ok: true } : { ok: false, reason: 'cancelled' };
    },
    async render({ target, masks }) {
      if (target === 'page') return renderDom(env, null, masks);
      if (!picked?.isConnected) return { ok: false, reason: 'failed', detail: 'the chosen element left the page' };
      return renderDom(env, picked, masks);
    },
  };
  Object.assign(scope, { [DOM_CAPTURE_KEY]: api });
}
