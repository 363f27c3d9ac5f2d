/**
 * Validation of everything that comes out of the page. The MAIN world belongs to the page, so the
 * recorder's reply may be forged: it must fit these shapes and sizes or it is dropped. The
 * background applies this to the bridge's result before anything else reads it.
 */
import { z } from 'zod';
import { LIMITS, type ConsoleEntry, type NetworkEntry, type RecorderSnapshot, type StepEntry } from './page-protocol';

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
});

const count = z.number().int().min(0);

export const recorderSnapshotSchema = z.object({
  installedAt: z.number(),
  console: z.array(consoleEntrySchema).max(LIMITS.consoleEntries),
  network: z.array(networkEntrySchema).max(LIMITS.networkEntries),
  steps: z.array(stepEntrySchema).max(LIMITS.stepEntries),
  dropped: z.object({ console: count, network: count, steps: count }),
});

/** What the bridge returns; strings it read itself are clipped there, checked again here. */
export const pageContextSchema = z.object({
  url: z.string().max(LIMITS.urlChars),
  title: z.string().max(500),
  viewport: z.object({ width: z.number().int().min(0), height: z.number().int().min(0) }),
  devicePixelRatio: z.number().positive(),
  userAgent: z.string().max(500),
  language: z.string().max(35),
  recorder: recorderSnapshotSchema.nullable().catch(null),
});
export type ValidPageContext = z.infer<typeof pageContextSchema>;

// The hand-written interfaces (used by the dependency-free recorder) must match the schemas.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const schemasMatchInterfaces: [
  Same<z.infer<typeof consoleEntrySchema>, ConsoleEntry>,
  Same<z.infer<typeof networkEntrySchema>, NetworkEntry>,
  Same<z.infer<typeof stepEntrySchema>, StepEntry>,
  Same<z.infer<typeof recorderSnapshotSchema>, RecorderSnapshot>,
] = [true, true, true, true];
