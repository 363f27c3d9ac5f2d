import { DEFAULT_RULES, redactTicket, type RedactionRule } from '../privacy';
import type { Draft } from '../model/draft';
import { applyExclusions, draftExclusions, type KeptEntries } from '../report/exclusions';
import { screenshotFilename, splitDataUrl, ticketAttachments } from './attachments';
import { ticketSchema, TICKET_VERSION, type Ticket, type OutgoingReport } from '../model/ticket';
import type { Translate } from './translate';

export interface BuildContext {
  now: number;
  extensionVersion: string;
  /** The extension's own view of the browser, used when the page could not be read. */
  fallbackUserAgent: string;
  fallbackLanguage: string;
  /** The language of report.html and of the helpdesk body. */
  t: Translate;
  /** Redaction rules (defaults plus the admin's patterns); the defaults when absent. */
  rules?: readonly RedactionRule[];
}

/** Draft + description -> the validated ticket. Throws on invalid data. */
export function ticketFromDraft(draft: Draft, description: string, ctx: BuildContext): Ticket {
  const page = draft.context;
  let screenshot: Ticket['screenshot'] = null;
  if (draft.screenshot) {
    const image = splitDataUrl(draft.screenshot.dataUrl);
    screenshot = {
      attachment: screenshotFilename(image.contentType),
      type: image.contentType as 'image/png' | 'image/jpeg',
      size: image.size,
      width: draft.screenshot.width,
      height: draft.screenshot.height,
      ...(page ? { devicePixelRatio: page.devicePixelRatio } : {}),
      mode: draft.screenshot.mode ?? 'visible',
      masks: draft.screenshot.masks ?? 0,
    };
  }
  const observed = draft.observed;
  const machine = observed?.environment;
  const recorder = page?.recorder;
  const ticket = ticketSchema.parse({
    version: TICKET_VERSION,
    id: draft.ticketId,
    createdAt: new Date(ctx.now).toISOString(),
    // Redaction leaves it as typed (TICKET_SKIP): it is how the helpdesk answers the person.
    ...(draft.reporter && (draft.reporter.email || draft.reporter.name) ? { reporter: draft.reporter } : {}),
    description,
    // Admin settings: the report page's category and urgency, when the organisation lists them.
    ...(draft.category ? { category: draft.category } : {}),
    ...(draft.urgency ? { urgency: draft.urgency } : {}),
    page: {
      url: page?.url ?? draft.page.url,
      title: page?.title ?? draft.page.title,
      referrer: page?.referrer || undefined,
      readyState: page?.readyState,
      visibility: page?.visibility,
      timing: page?.timing,
    },
    environment: {
      ...machine,
      userAgent: machine?.userAgent ?? ctx.fallbackUserAgent,
      language: machine?.language ?? ctx.fallbackLanguage,
      screen: page?.screen,
      viewport: page?.viewport ?? { width: 0, height: 0 },
      devicePixelRatio: page?.devicePixelRatio ?? 1,
      colorScheme: page?.colorScheme,
      extensionVersion: ctx.extensionVersion,
    },
    console: recorder?.console ?? [],
    network: observed?.network ?? recorder?.network ?? [],
    steps: recorder?.steps ?? [],
    screenshot,
    capture: {
      recorderInstalledAt: recorder ? new Date(recorder.installedAt).toISOString() : null,
      recorderMissing: !recorder,
      startedLate: observed?.startedLate,
      ...(observed?.rejected ? { rejected: observed.rejected } : {}),
      dropped: {
        console: recorder?.dropped.console ?? 0,
        network: observed?.networkDropped ?? recorder?.dropped.network ?? 0,
        steps: recorder?.dropped.steps ?? 0,
      },
    },
  });
  return ticket;
}

/**
 * Draft + description -> the validated, redacted ticket and the files sent with it. What the
 * person or the organisation left out goes first, then redaction, once, so everything made from
 * the ticket (report.json, report.html, the body text, a saved zip) carries the same text.
 * Throws on invalid data.
 */
export function buildTicket(draft: Draft, description: string, ctx: BuildContext): OutgoingReport {
  return buildReport(draft, description, ctx).report;
}

/** buildTicket, plus where each remaining entry stood in the collected lists (for the review panel). */
export function buildReport(
  draft: Draft,
  description: string,
  ctx: BuildContext,
): { report: OutgoingReport; kept: KeptEntries } {
  const { ticket: chosen, kept } = applyExclusions(ticketFromDraft(draft, description, ctx), draftExclusions(draft));
  const { ticket: redacted, counts } = redactTicket(chosen, ctx.rules ?? DEFAULT_RULES);
  const ticket = { ...redacted, capture: { ...redacted.capture, redactions: counts } };
  return {
    report: { ticket, attachments: ticketAttachments(ticket, draft.screenshot, ctx.t) },
    kept,
  };
}
