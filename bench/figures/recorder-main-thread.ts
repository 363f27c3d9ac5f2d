/**
 * Item 1, the recorder's own share of a page load, read from a Chrome trace: how long its
 * evaluation (compile and run, at document_start) holds the page's main thread. The load-event
 * ratio is what the person waits for, but a load here varies by ~20% from one run to the next, so
 * a cost of a few tenths of a millisecond shows only here.
 */
import type { Figure } from '../lib/figures';
import type { RawBrowser } from '../lib/raw-browser';
import { median, percentile, round } from '../lib/stats';

export const RECORDER_MAIN_THREAD_LABEL =
  "… the recorder's own time on the page's main thread, per load (Chrome trace)";
const TRACED_LOADS = 30;
/** The recorder's file, as Chromium names the content script in the trace. */
const RECORDER_FILE = '/content-scripts/recorder.js';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { data?: { url?: string } };
}

/** Durations in µs of the EvaluateScript events of the recorder in `events`. */
function recorderEvaluations(events: TraceEvent[]): number[] {
  return events
    .filter((e) => e.name === 'EvaluateScript' && e.ph === 'X' && e.args?.data?.url?.endsWith(RECORDER_FILE))
    .map((e) => e.dur ?? 0);
}

async function traceLoads(browser: RawBrowser, url: string): Promise<TraceEvent[]> {
  const tab = await browser.firstTab();
  await browser.connection.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: ['devtools.timeline'] },
  });
  for (let i = 0; i < TRACED_LOADS; i++) await tab.load(url);
  const complete = new Promise<{ stream?: string }>((resolve) =>
    browser.connection.once('Tracing.tracingComplete', resolve),
  );
  await browser.connection.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) throw new Error('Tracing returned no stream');
  let text = '';
  for (;;) {
    const chunk = await browser.connection.send('IO.read', {
      handle: stream,
      size: 1 << 20,
    });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await browser.connection.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/** Traces TRACED_LOADS loads of `url` in Mayday's browser (in its turn); `loadMs` is the median load for scale. */
export async function recorderMainThreadFigure(browser: RawBrowser, url: string, loadMs: number): Promise<Figure> {
  const durations = recorderEvaluations(await traceLoads(browser, url));
  if (durations.length < TRACED_LOADS / 2)
    throw new Error(`the trace shows the recorder in ${durations.length} of ${TRACED_LOADS} loads`);
  const ms = median(durations) / 1000;
  return {
    item: 1,
    label: RECORDER_MAIN_THREAD_LABEL,
    value: round(ms, 3),
    unit: 'ms',
    digits: 3,
    how: `EvaluateScript of ${RECORDER_FILE} (compile and run at document_start), median over ${durations.length} traced loads of the same page; 90th percentile ${(percentile(durations, 0.9) / 1000).toFixed(3)} ms; ${((ms / loadMs) * 100).toFixed(1)}% of the median load with Mayday. Tracing itself slows the loads a little.`,
    detail: { samplesUs: durations },
  };
}
