/** The summary's facts, worded once for report.html, the ticket body text and the viewer. */
import { browserAndOs, failedRequestCount, levelCounts, topErrors, type ErrorGroup } from './facts';
import { formatBytes, formatDateTime } from './format';
import { SECTION_KEYS } from './labels';
import type { Ticket } from '../model/ticket';
import type { PagePart } from '../wire/page-schemas';
import type { MessageKey } from '../i18n';

const PAGE_PART_KEYS: Record<PagePart, MessageKey> = {
  page: 'pagePartPage',
  recorder: 'pagePartRecorder',
  timing: 'pagePartTiming',
  dimensions: 'pagePartDimensions',
  failedResources: 'pagePartFailedResources',
};
import type { Translate } from './translate';

interface Count {
  label: string;
  value: number;
  /** Worth the technician's eye first (errors, failed requests). */
  hot: boolean;
}

export interface SummaryFacts {
  when: string;
  browserOs: string;
  counts: Count[];
  topErrors: ErrorGroup[];
  failedRequests: number;
}

export function summaryFacts(ticket: Ticket, t: Translate): SummaryFacts {
  const levels = levelCounts(ticket.console);
  const failedRequests = failedRequestCount(ticket);
  const { browser, os } = browserAndOs(ticket.environment);
  return {
    when: formatDateTime(Date.parse(ticket.createdAt), ticket.environment.utcOffsetMinutes),
    browserOs: t('reportBrowserOnOs', browser, os),
    counts: [
      { label: t('levelError'), value: levels.error, hot: levels.error > 0 },
      { label: t('levelWarn'), value: levels.warn, hot: false },
      { label: t('reportRequests'), value: failedRequests, hot: failedRequests > 0 },
      { label: t('reportSteps'), value: ticket.steps?.length ?? 0, hot: false },
    ],
    topErrors: topErrors(ticket),
    failedRequests,
  };
}

/** What the technician should know about how complete the capture is. */
export function captureNotes(ticket: Ticket, t: Translate): string[] {
  const { capture, screenshot } = ticket;
  const notes: string[] = [];
  if (capture.recorderMissing) notes.push(t('noteRecorderMissing'));
  if (capture.startedLate) notes.push(t('noteStartedLate'));
  // Said plainly, so a technician knows the page tried something (or is broken) and what is missing.
  if (capture.rejected?.parts.length)
    notes.push(t('noteRejectedParts', capture.rejected.parts.map((p) => t(PAGE_PART_KEYS[p])).join(', ')));
  if (capture.rejected?.entries) notes.push(t('noteRejectedEntries', capture.rejected.entries));
  const { console: c, network = 0, steps = 0 } = capture.dropped;
  if (c + network + steps > 0) notes.push(t('noteDropped', c, network, steps));
  const redactions = Object.entries(capture.redactions ?? {}).filter(([, n]) => n > 0);
  if (redactions.length > 0) notes.push(t('noteRedactions', redactions.map(([kind, n]) => `${kind} ${n}`).join(', ')));
  if (screenshot?.masks) notes.push(t('reportMasks', screenshot.masks));
  // An empty list left out on purpose must not read as "nothing went wrong".
  const leftOut = capture.leftOut;
  if (leftOut?.sections.length)
    notes.push(t('noteSectionsLeftOut', leftOut.sections.map((s) => t(SECTION_KEYS[s])).join(', ')));
  if (leftOut?.entries) notes.push(t('noteEntriesRemoved', leftOut.entries));
  return notes;
}

/** "1280 × 720 · image/png · 412.0 KB · 2 region(s) masked before sending" */
export function screenshotCaption(shot: NonNullable<Ticket['screenshot']>, t: Translate): string {
  const parts = [
    `${shot.width} × ${shot.height}`,
    shot.type,
    formatBytes(shot.size),
    shot.masks ? t('reportMasks', shot.masks) : '',
  ];
  return parts.filter(Boolean).join(' · ');
}
