/**
 * What the report page's review panel shows: the very ticket that will be sent (built and redacted
 * by the same buildReport as Send, or the stored one once it is in the outbox), the screenshot
 * file as it is attached, and what is left out.
 */
import { buildReport, type BuildContext } from '../ticket/build';
import type { Attachment, ReportSection, Ticket, OutgoingReport } from '../model/ticket';
import type { Draft } from '../model/draft';
import { NO_EXCLUSIONS, type Exclusions, type KeptEntries } from './exclusions';

export interface ReportPreview {
  ticket: Ticket;
  screenshot: Attachment | null;
  kept: KeptEntries;
  /** The person's own choices, to edit. */
  exclusions: Exclusions;
  notCollected: ReportSection[];
  /** The report is in the outbox: this is what was sent (or will be), and it can no longer change. */
  final: boolean;
}

export type PreviewResult = { ok: true; preview: ReportPreview } | { ok: false; detail: string };

/** A blank description cannot make a ticket; the panel previews the rest while the person types. */
const DESCRIPTION_PENDING = '…';

export function previewDraft(draft: Draft, description: string, ctx: BuildContext): ReportPreview {
  const { report, kept } = buildReport(draft, description.trim() ? description : DESCRIPTION_PENDING, ctx);
  return fromReport(report, kept, draft, false);
}

export function previewStored(report: OutgoingReport, draft: Draft): ReportPreview {
  const every = (entries: unknown[] | undefined) => (entries ?? []).map((_, i) => i);
  const { ticket } = report;
  return fromReport(
    report,
    { console: every(ticket.console), network: every(ticket.network), steps: every(ticket.steps) },
    draft,
    true,
  );
}

function fromReport(report: OutgoingReport, kept: KeptEntries, draft: Draft, final: boolean): ReportPreview {
  const shot = report.ticket.screenshot;
  return {
    ticket: report.ticket,
    screenshot: (shot && report.attachments.find((file) => file.filename === shot.attachment)) ?? null,
    kept,
    exclusions: draft.exclusions ?? NO_EXCLUSIONS,
    notCollected: draft.notCollected ?? [],
    final,
  };
}
