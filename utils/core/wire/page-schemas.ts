/**
 * Validation of everything that comes out of the page. The MAIN world belongs to the page, so the
 * recorder's reply may be forged: it must fit these shapes and sizes or it is dropped. The
 * background applies pageContextSchema to the bridge's result before anything else reads it.
 */
import { z } from 'zod';
import {
  ENTRY_JSON_CHARS,
  LIMITS,
  type ConsoleEntry,
  type NetworkEntry,
  type RecorderSnapshot,
  type StepEntry,
} from './page-protocol';

export const consoleEntrySchema = z.object({
  level: z.enum(['error', 'warn', 'info', 'log', 'debug']),
  kind: z.enum(['console', 'error', 'rejection', 'resource', 'csp']),
  message: z.string().max(LIMITS.messageChars),
  stack: z.string().max(LIMITS.stackChars).optional(),
  source: z.string().max(LIMITS.urlChars).optional(),
  time: z.number(),
  count: z.number().int().min(1),
});

export const networkEntrySchema = z.object({
  source: z.enum(['page', 'browser']),
  method: z.string().max(20),
  url: z.string().max(LIMITS.urlChars),
  status: z.number().int().min(0).max(999).optional(),
  error: z.string().max(300).optional(),
  type: z.string().max(40).optional(),
  durationMs: z.number().min(0).optional(),
  time: z.number(),
  count: z.number().int().min(1),
});

export const stepEntrySchema = z.object({
  kind: z.enum(['click', 'navigation', 'submit', 'input']),
  label: z.string().max(LIMITS.urlChars),
  selector: z.string().max(LIMITS.labelChars).optional(),
  how: z.string().max(20).optional(),
  time: z.number(),
  count: z.number().int().min(1).optional(),
});

/** V8 starts a stack with the error's "Name: message" (the entry's message already); Firefox does not. */
export function normalizeStack(stack: string): string {
  const frames = stack.indexOf('\n    at ');
  return frames >= 0 && !stack.startsWith('    at ') ? stack.slice(frames + 1) : stack;
}

/** Far above any real repeat count or drop count; bounds the sums a report makes of them. */
const MAX_COUNT = 1e9;

// No duration comes as undefined from the recorder, and as null once runtime messaging has made JSON of it.
const rawEntrySchema = z.tuple([
  z.string().max(ENTRY_JSON_CHARS),
  z.number(),
  z.number().int().min(1).max(MAX_COUNT),
  z.number().min(0).nullish(),
]);

/** Epoch milliseconds a page's values may name: from its navigation start to now, a minute either side for clocks. */
export interface Lifetime {
  from: number;
  to: number;
}
const ANY_TIME: Lifetime = { from: -8.64e15, to: 8.64e15 };
/** Clock skew allowed between the page's Date.now(), performance.timeOrigin and the background's clock. */
const CLOCK_SLACK_MS = 60_000;
/** A page open longer than this (a year) is not believed: its timeOrigin is forged or its clock broken. */
const MAX_PAGE_AGE_MS = 366 * 24 * 3600_000;

/** What failed validation and was set aside: the parts named, and single entries counted. */
export interface Rejected {
  parts: PagePart[];
  entries: number;
}
export const PAGE_PARTS = ['page', 'recorder', 'timing', 'dimensions', 'failedResources'] as const;
export type PagePart = (typeof PAGE_PARTS)[number];

/**
 * The recorder's [json, time, count, duration] entries, expanded. An entry that does not parse or
 * fit `schema`, or names a time outside the page's lifetime, is dropped on its own (and counted in
 * `tally`), so one bad entry (or a forged one) costs no others. `fixed` fields override what the
 * page wrote.
 */
function expandedLog<T extends { time: number; durationMs?: number }>(
  schema: z.ZodType<T>,
  max: number,
  life: Lifetime,
  tally: Rejected,
  fixed: object = {},
  tidy: (entry: T) => T = (e) => e,
) {
  const inLife = (entry: T) =>
    entry.time >= life.from && entry.time <= life.to && !((entry.durationMs ?? 0) > life.to - life.from);
  return z
    .array(z.unknown())
    .max(max)
    .transform((items) => {
      const out: T[] = [];
      for (const item of items) {
        const raw = rawEntrySchema.safeParse(item);
        let fields: unknown;
        try {
          fields = raw.success && JSON.parse(raw.data[0]);
        } catch {
          /* counted below */
        }
        if (!raw.success || !fields || typeof fields !== 'object' || Array.isArray(fields)) {
          tally.entries++;
          continue;
        }
        const [, time, count, durationMs] = raw.data;
        const entry = schema.safeParse({
          ...fields,
          ...fixed,
          time,
          count,
          ...(durationMs == null ? {} : { durationMs }),
        });
        if (entry.success && inLife(entry.data)) out.push(tidy(entry.data));
        else tally.entries++;
      }
      return out;
    });
}

const count = z.number().int().min(0).max(MAX_COUNT);

function snapshotSchema(life: Lifetime, tally: Rejected) {
  return z.object({
    installedAt: z.number().min(life.from).max(life.to),
    console: expandedLog(consoleEntrySchema, LIMITS.consoleEntries, life, tally, {}, (e) =>
      e.stack ? { ...e, stack: normalizeStack(e.stack) } : e,
    ),
    // Whatever the page wrote, these are its own observations, never the browser's.
    // The page's method as it was written ('post'): the browser's view says POST.
    network: expandedLog(networkEntrySchema, LIMITS.networkEntries, life, tally, { source: 'page' }, (e) => ({
      ...e,
      method: e.method.toUpperCase(),
    })),
    steps: expandedLog(stepEntrySchema, LIMITS.stepEntries, life, tally),
    dropped: z.object({ console: count, network: count, steps: count }),
  });
}

/** The snapshot schema with no lifetime to check against (tests, tools); the background uses parsePageContext. */
export const recorderSnapshotSchema = snapshotSchema(ANY_TIME, { parts: [], entries: 0 });

/** Far above any screen (16K is 15360 wide). */
const dimensions = z.object({
  width: z.number().int().min(0).max(100_000),
  height: z.number().int().min(0).max(100_000),
});

/**
 * A part that fails is replaced by `fallback` and named in `tally`, so a bad part costs the report
 * that part only.
 */
function part<S extends z.ZodTypeAny>(schema: S, name: PagePart, tally: Rejected, fallback: z.infer<S>) {
  return schema.catch(() => {
    if (!tally.parts.includes(name)) tally.parts.push(name);
    return fallback;
  });
}

function contextSchema(life: Lifetime, tally: Rejected) {
  const ms = z
    .number()
    .min(0)
    .max(life.to - life.from)
    .optional();
  return z.object({
    url: z.string().max(LIMITS.urlChars),
    title: z.string().max(500),
    referrer: z.string().max(LIMITS.urlChars),
    readyState: z.enum(['loading', 'interactive', 'complete']).optional().catch(undefined),
    visibility: z.enum(['visible', 'hidden']).optional().catch(undefined),
    timing: part(z.object({ ttfb: ms, domContentLoaded: ms, load: ms }), 'timing', tally, {}),
    timeOrigin: z.number().min(life.from).max(life.to),
    viewport: part(dimensions, 'dimensions', tally, { width: 0, height: 0 }),
    screen: part(dimensions, 'dimensions', tally, { width: 0, height: 0 }),
    devicePixelRatio: part(z.number().positive().max(20), 'dimensions', tally, 1),
    colorScheme: z.enum(['light', 'dark']).optional().catch(undefined),
    failedResources: part(
      z
        .array(networkEntrySchema.extend({ time: z.number().min(life.from).max(life.to), count }))
        .max(LIMITS.networkEntries),
      'failedResources',
      tally,
      [],
    ),
    // No recorder (a page it never ran in) is no rejection; a recorder that answered nonsense is.
    recorder: z.null().or(part(snapshotSchema(life, tally).nullable(), 'recorder', tally, null)),
  });
}

/** What the bridge returns; strings it read itself are clipped there, checked again here. */
export const pageContextSchema = contextSchema(ANY_TIME, { parts: [], entries: 0 });
export type ValidPageContext = z.infer<typeof pageContextSchema>;

/**
 * The bridge's answer, checked at the background's door: every value bounded, every time within the
 * page's lifetime (from its navigation start, `timeOrigin`, to `now`). A part that fails is left out
 * and named in `rejected`; entries that fail are left out and counted. Null only when the page's
 * own facts (address, title, navigation start) are not believable: then nothing of it is kept, and
 * `rejected` names the page.
 */
export function parsePageContext(raw: unknown, now: number): { context: ValidPageContext | null; rejected: Rejected } {
  const rejected: Rejected = { parts: [], entries: 0 };
  const origin = (raw as { timeOrigin?: unknown } | null)?.timeOrigin;
  const believable = typeof origin === 'number' && origin <= now + CLOCK_SLACK_MS && origin >= now - MAX_PAGE_AGE_MS;
  const life = believable ? { from: origin - CLOCK_SLACK_MS, to: now + CLOCK_SLACK_MS } : ANY_TIME;
  const parsed = believable ? contextSchema(life, rejected).safeParse(raw) : null;
  if (parsed?.success) return { context: parsed.data, rejected };
  // Nothing at all (a page that cannot be scripted) is no rejection.
  return { context: null, rejected: { parts: raw == null ? [] : ['page'], entries: 0 } };
}

// The hand-written interfaces (used by the dependency-free recorder) must match the schemas.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchInterfaces: [
  Same<z.infer<typeof consoleEntrySchema>, ConsoleEntry>,
  Same<z.infer<typeof networkEntrySchema>, NetworkEntry>,
  Same<z.infer<typeof stepEntrySchema>, StepEntry>,
  Same<z.infer<typeof recorderSnapshotSchema>, RecorderSnapshot>,
] = [true, true, true, true];
void schemasMatchInterfaces;
