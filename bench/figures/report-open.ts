/** Item 5: click Report a problem -> the report page shows the screenshot. */
import type { Figure } from '../lib/figures';
import { failureNote, type ReportRuns, type ReportTiming } from '../lib/report-session';
import { median, percentile, round } from '../lib/stats';

export function reportOpenFigures({ timings, references, failures }: ReportRuns): Figure[] {
  const part = (key: keyof ReportTiming) => median(timings.map((t) => t[key]));
  const open = timings.map((t) => t.openMs);
  const capture = median(references.map((r) => r.captureMs));
  const extensionPage = median(references.map((r) => r.extensionPageMs));
  const reference = capture + extensionPage;
  return [
    {
      item: 5,
      label:
        'Report a problem -> report page shows the screenshot, ÷ the browser capturing the tab plus opening an extension page',
      value: round(median(open) / reference, 2),
      unit: '×',
      digits: 2,
      budget: 'report-open',
      how: `the median below ÷ (captureVisibleTab ${Math.round(capture)} ms + the empty viewer opened in a new tab to its load ${Math.round(extensionPage)} ms), both from the service worker between the same reports (medians of ${references.length}).`,
      detail: { references },
    },
    reportOpenTime(timings, failures, part, open),
  ];
}

function reportOpenTime(
  timings: ReportTiming[],
  failures: string[],
  part: (key: keyof ReportTiming) => number,
  open: number[],
): Figure {
  return {
    item: 5,
    label: 'Report a problem -> report page shows the screenshot (1280x720 tab)',
    value: Math.round(median(open)),
    unit: 'ms',
    digits: 0,
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

export function reportAfterFailuresFigure(timing: ReportTiming, failures: number): Figure {
  return {
    item: 5,
    label: `Report a problem -> screenshot shown, in a tab that made ${failures.toLocaleString('en-US')} failing requests`,
    value: Math.round(timing.openMs),
    unit: 'ms',
    digits: 0,
    budget: 'report-open-after-failures',
    how: `one report after one that warms up, from a page whose ${failures.toLocaleString('en-US')} fetches to a closed loopback port were refused (each a webRequest error event): read page and capture ${Math.round(timing.captureMs)} ms, open the tab ${Math.round(timing.tabMs)} ms, load and show ${Math.round(timing.renderMs)} ms.`,
    detail: { ...timing },
  };
}
