import { ticketSchema, type Ticket } from '../model/ticket';
import { redactValue, type SkipTree } from './redact';
import { MARKER_OPEN, type RedactionCounts, type RedactionRule } from './rule';

/**
 * What is not redacted: identifiers and timestamps the system made, enums, the screenshot's
 * file reference, the counts themselves, and the reporter. The reporter's name and email are
 * how the helpdesk answers; the person gave them on purpose. The description is typed too, but
 * people paste tokens and log lines into it, so it is redacted like the rest.
 * Numbers and booleans need no entry: only strings are redacted.
 */
const TICKET_SKIP: SkipTree = {
  id: true,
  createdAt: true,
  reporter: true,
  page: { readyState: true, visibility: true },
  environment: { colorScheme: true },
  console: { '*': { level: true, kind: true } },
  network: { '*': { source: true } },
  steps: { '*': { kind: true } },
  screenshot: { attachment: true, type: true, mode: true },
  capture: { recorderInstalledAt: true, redactions: true, leftOut: true },
};

/**
 * Redacts every text field of a ticket; the input is left untouched. A marker can be longer
 * than what it hides, so a field pushed past its schema limit is cut back to it.
 */
export function redactTicket(
  ticket: Ticket,
  rules: readonly RedactionRule[],
): { ticket: Ticket; counts: RedactionCounts } {
  const counts: RedactionCounts = {};
  const redacted = redactValue(ticket, rules, counts, TICKET_SKIP) as Ticket;
  return { ticket: fitStringLimits(redacted), counts };
}

/** The schema is the one place limits live, so its own complaints say what to cut. */
function fitStringLimits(ticket: Ticket): Ticket {
  const result = ticketSchema.safeParse(ticket);
  if (result.success) return ticket;
  let fitted: unknown = ticket;
  for (const issue of result.error.issues) {
    if (issue.code !== 'too_big' || issue.origin !== 'string') continue;
    const max = Number(issue.maximum);
    fitted = updateAt(fitted, issue.path, (text) => (typeof text === 'string' ? clip(text, max) : text));
  }
  return fitted as Ticket;
}

/** Cuts before a marker rather than through it, so what is left reads as whole markers. */
function clip(text: string, max: number): string {
  let end = max - 1;
  const open = text.lastIndexOf(MARKER_OPEN, end);
  if (open !== -1 && text.indexOf(']', open) >= end) end = open;
  return text.slice(0, end) + '…';
}

/** Copies along the path only, so parts shared with the input stay untouched. */
function updateAt(value: unknown, path: readonly PropertyKey[], update: (old: unknown) => unknown): unknown {
  if (path.length === 0) return update(value);
  if (typeof value !== 'object' || value === null) return value;
  const [step, ...rest] = path;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...value }) as Record<PropertyKey, unknown>;
  copy[step] = updateAt(copy[step], rest, update);
  return copy;
}
