/**
 * Validation of everything that comes out of the page. The MAIN world belongs to the page, so the
 * recorder's reply may be forged: it must fit these shapes and sizes or it is dropped. The
 * background applies this to the bridge's result before anything else reads it.
 */
import { z } from 'zod';
import { LIMITS, type ConsoleEntry, type RecorderSnapshot } from './page-protocol';

export const consoleEntrySchema = z.object({
  level: z.enum(['error', 'warn', 'info', 'log', 'debug']),
  kind: z.enum(['console', 'error', 'rejection']),
  message: z.string().max(LIMITS.messageChars),
  stack: z.string().max(LIMITS.stackChars).optional(),
  source: z.string().max(LIMITS.urlChars).optional(),
  time: z.number(),
  count: z.number().int().min(1),
});

export const recorderSnapshotSchema = z.object({
  installedAt: z.number(),
  console: z.array(consoleEntrySchema).max(LIMITS.consoleEntries),
  dropped: z.object({ console: z.number().int().min(0) }),
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
export const schemasMatchInterfaces: [Same<z.infer<typeof consoleEntrySchema>, ConsoleEntry>, Same<z.infer<typeof recorderSnapshotSchema>, RecorderSnapshot>] = [true, true];
