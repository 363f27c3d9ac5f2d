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

// No duration comes as undefined from the recorder, and as null once runtime messaging has made JSON of it.
const rawEntrySchema = z.tuple([
  z.string().max(ENTRY_JSON_CHARS),
  z.number(),
  z.number().int().min(1),
  z.number().min(0).nullish(),
]);

/**
 * The recorder's [json, time, count, duration] entries, expanded. An entry that does not parse or
 * fit `schema` is dropped on its own, so one bad entry (or a forged one) costs no others.
 * `fixed` fields override what the page wrote.
 */
function expandedLog<T>(schema: z.ZodType<T>, max: number, fixed: object = {}, tidy: (entry: T) => T = (e) => e) {
  return z
    .array(z.unknown())
    .max(max)
    .transform((items) => {
      const out: T[] = [];
      for (const item of items) {
        const raw = rawEntrySchema.safeParse(item);
        if (!raw.success) continue;
        const [json, time, count, durationMs] = raw.data;
        let fields: unknown;
        try {
          fields = JSON.parse(json);
        } catch {
          continue;
        }
        if (!fields || typeof fields !== 'object' || Array.isArray(fields)) continue;
        const entry = schema.safeParse({
          ...fields,
          ...fixed,
          time,
          count,
          ...(durationMs == null ? {} : { durationMs }),
        });
        if (entry.success) out.push(tidy(entry.data));
      }
      return out;
    });
}

const count = z.number().int().min(0);

export const recorderSnapshotSchema = z.object({
  installedAt: z.number(),
  console: expandedLog(consoleEntrySchema, LIMITS.consoleEntries, {}, (e) =>
    e.stack ? { ...e, stack: normalizeStack(e.stack) } : e,
  ),
  // Whatever the page wrote, these are its own observations, never the browser's.
  // The page's method as it was written ('post'): the browser's view says POST.
  network: expandedLog(networkEntrySchema, LIMITS.networkEntries, { source: 'page' }, (e) => ({
    ...e,
    method: e.method.toUpperCase(),
  })),
  steps: expandedLog(stepEntrySchema, LIMITS.stepEntries),
  dropped: z.object({ console: count, network: count, steps: count }),
});

const dimensions = z.object({ width: z.number().int().min(0), height: z.number().int().min(0) });
const ms = z.number().min(0).optional();

/** What the bridge returns; strings it read itself are clipped there, checked again here. */
export const pageContextSchema = z.object({
  url: z.string().max(LIMITS.urlChars),
  title: z.string().max(500),
  referrer: z.string().max(LIMITS.urlChars),
  readyState: z.enum(['loading', 'interactive', 'complete']).optional().catch(undefined),
  visibility: z.enum(['visible', 'hidden']).optional().catch(undefined),
  timing: z.object({ ttfb: ms, domContentLoaded: ms, load: ms }),
  timeOrigin: z.number(),
  viewport: dimensions,
  screen: dimensions,
  devicePixelRatio: z.number().positive(),
  colorScheme: z.enum(['light', 'dark']),
  failedResources: z.array(networkEntrySchema).max(LIMITS.networkEntries).catch([]),
  recorder: recorderSnapshotSchema.nullable().catch(null),
});
export type ValidPageContext = z.infer<typeof pageContextSchema>;

// The hand-written interfaces (used by the dependency-free recorder) must match the schemas.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchInterfaces: [
  Same<z.infer<typeof consoleEntrySchema>, ConsoleEntry>,
  Same<z.infer<typeof networkEntrySchema>, NetworkEntry>,
  Same<z.infer<typeof stepEntrySchema>, StepEntry>,
  Same<z.infer<typeof recorderSnapshotSchema>, RecorderSnapshot>,
] = [true, true, true, true];
void schemasMatchInterfaces;
