/**
 * What is left out of a report: whole sections and single entries the person removed on the report
 * page, plus the sections the organisation does not collect. Applied inside the build
 * (utils/core/ticket/build.ts), so the preview, Send and Save as file leave out exactly the same.
 */
import { z } from 'zod';
import { REPORT_SECTIONS, type ReportSection, type Ticket } from '../model/ticket';
import type { Draft } from '../model/draft';

export type EntryList = 'console' | 'network' | 'steps';

const indices = z.array(z.number().int().min(0).max(10_000)).max(1000);

export const exclusionsSchema = z.object({
  sections: z.array(z.enum(REPORT_SECTIONS)).max(REPORT_SECTIONS.length),
  console: indices,
  network: indices,
  steps: indices,
});
/** Entries are named by their index in the list as collected, which never changes once the draft is made. */
export type Exclusions = z.infer<typeof exclusionsSchema>;

export const NO_EXCLUSIONS: Exclusions = { sections: [], console: [], network: [], steps: [] };

/** For each list, the collected index of every entry that remains, in order: what a Remove button names. */
export type KeptEntries = Record<EntryList, number[]>;

/** The person's choices plus what the organisation does not collect, which the person cannot put back. */
export function draftExclusions(draft: Pick<Draft, 'exclusions' | 'notCollected'>): Exclusions {
  const chosen = draft.exclusions ?? NO_EXCLUSIONS;
  return { ...chosen, sections: [...new Set([...chosen.sections, ...(draft.notCollected ?? [])])] };
}

/** The ticket without what is left out, saying in `capture.leftOut` what that was. The input is not changed. */
export function applyExclusions(ticket: Ticket, exclusions: Exclusions): { ticket: Ticket; kept: KeptEntries } {
  const off = new Set<ReportSection>(exclusions.sections);
  const kept: KeptEntries = { console: [], network: [], steps: [] };
  let removed = 0;
  const keep = <T>(list: EntryList, entries: T[]): T[] => {
    if (off.has(list)) return [];
    const gone = new Set(exclusions[list]);
    kept[list] = entries.map((_, i) => i).filter((i) => !gone.has(i));
    removed += entries.length - kept[list].length;
    return kept[list].map((i) => entries[i]);
  };
  const consoleEntries = keep('console', ticket.console);
  const network = ticket.network && keep('network', ticket.network);
  const steps = ticket.steps && keep('steps', ticket.steps);
  const sections = REPORT_SECTIONS.filter((section) => off.has(section));
  const { dropped } = ticket.capture;
  return {
    kept,
    ticket: {
      ...ticket,
      console: consoleEntries,
      network,
      steps,
      environment: off.has('environment') ? withoutEnvironment(ticket.environment) : ticket.environment,
      screenshot: off.has('screenshot') || !ticket.screenshot ? null : withoutPixelRatio(ticket.screenshot, off),
      capture: {
        ...ticket.capture,
        // How much a switched-off list had dropped is a fact about it too.
        dropped: {
          console: off.has('console') ? 0 : dropped.console,
          ...(dropped.network !== undefined ? { network: off.has('network') ? 0 : dropped.network } : {}),
          ...(dropped.steps !== undefined ? { steps: off.has('steps') ? 0 : dropped.steps } : {}),
        },
        ...(sections.length || removed ? { leftOut: { sections, entries: removed } } : {}),
      },
    },
  };
}

/** Ticket v1 requires these fields; with the section off they carry no fact about the machine. */
function withoutEnvironment(environment: Ticket['environment']): Ticket['environment'] {
  return {
    userAgent: '',
    language: '',
    viewport: { width: 0, height: 0 },
    devicePixelRatio: 1,
    extensionVersion: environment.extensionVersion,
  };
}

function withoutPixelRatio(
  shot: NonNullable<Ticket['screenshot']>,
  off: Set<ReportSection>,
): NonNullable<Ticket['screenshot']> {
  if (!off.has('environment')) return shot;
  const { devicePixelRatio: _, ...rest } = shot;
  return rest;
}
