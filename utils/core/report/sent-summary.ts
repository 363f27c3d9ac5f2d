/**
 * The report page's one-line summary of what will be sent ("Screenshot · 3 console messages · …"),
 * counted from the very preview the review shows, so the line and the review can never disagree.
 */
import type { ReportPreview } from './preview';

export interface SentSummary {
  screenshot: boolean;
  console: number;
  network: number;
  steps: number;
  environment: boolean;
}

export function sentSummary(preview: Pick<ReportPreview, 'ticket' | 'screenshot'>): SentSummary {
  const { ticket, screenshot } = preview;
  const leftOut = ticket.capture.leftOut?.sections ?? [];
  return {
    screenshot: Boolean(ticket.screenshot && screenshot),
    console: ticket.console.length,
    network: ticket.network?.length ?? 0,
    steps: ticket.steps?.length ?? 0,
    environment: !leftOut.includes('environment'),
  };
}

export type SummaryPart =
  { kind: 'screenshot' | 'environment' } | { kind: 'console' | 'network' | 'steps'; count: number };

/** The parts worth a word, in the review's order; a list with nothing in it is not mentioned. */
export function summaryParts(summary: SentSummary): SummaryPart[] {
  const parts: SummaryPart[] = [];
  if (summary.screenshot) parts.push({ kind: 'screenshot' });
  for (const kind of ['console', 'network', 'steps'] as const)
    if (summary[kind] > 0) parts.push({ kind, count: summary[kind] });
  if (summary.environment) parts.push({ kind: 'environment' });
  return parts;
}
