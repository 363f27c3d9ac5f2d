/** Item 5: click Report a problem -> the report page shows the screenshot. */
import type { Figure } from '../lib/figures';
import { failureNote, type ReportRuns, type ReportTiming } from '../lib/report-session';
import { median, percentile } from '../lib/stats';

export function reportOpenFigure({ timings, failures }: ReportRuns): Figure {
  const part = (key: keyof ReportTiming) => median(timings.map((t) => t[key]));
  const open = timings.map((t) => t.openMs);
  return {
    item: 5,
    label: 'Report a problem -> report page shows the screenshot (1280x720 tab)',
    value: Math.round(median(open)),
    unit: 'ms',
    digits: 0,
    budget: 'report-open',
    how: `median of ${timings.length} reports (p90 ${Math.round(percentile(open, 0.9))} ms), click to the screenshot loaded in the report page: read page and capture ${Math.round(part('captureMs'))} ms, open the tab ${Math.round(part('tabMs'))} ms, load and show ${Math.round(part('renderMs'))} ms (medians).`,
    note: failureNote(failures),
    detail: {
      failures,
      openMs: open,
      captureMs: timings.map((t) => t.captureMs),
      tabMs: timings.map((t) => t.tabMs),
      renderMs: timings.map((t) => t.renderMs),
    },
  };
}
