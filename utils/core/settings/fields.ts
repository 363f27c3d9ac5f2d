/**
 * Reading settings key by key: each value is checked on its own, a bad one is reported and
 * dropped, the rest are kept. Used for what is stored, what a policy sets and what is imported.
 */
import type { z } from 'zod';
import { DEFAULT_SECRETS, DEFAULT_SETTINGS, secretsShape, settingsShape, type Secrets, type Settings } from './schema';

const PROBLEM_CODES = [
  'wrong-type',
  'not-allowed-value',
  'too-long',
  'too-many',
  'duplicate',
  'empty-item',
  'url-invalid',
  'url-scheme',
  'url-insecure',
  'host-invalid',
  'project-id',
  'digits-only',
  'pattern-invalid',
  'regex-invalid',
  'selector-invalid',
  'out-of-range',
  'not-a-number',
  'required',
  'unknown-key',
  'secret-without-endpoint',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** What is wrong with one value; `item` is the offending entry of a list. */
export interface FieldProblem {
  key: string;
  code: ProblemCode;
  item?: string;
}

export const allShape = { ...settingsShape, ...secretsShape };
type Values<S extends Record<string, z.ZodType>> = { [K in keyof S]: z.infer<S[K]> };

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function problemOf(key: string, value: unknown, issue: z.core.$ZodIssue): FieldProblem {
  const named = (PROBLEM_CODES as readonly string[]).includes(issue.message) ? (issue.message as ProblemCode) : null;
  const code = named ?? (issue.code === 'invalid_value' ? 'not-allowed-value' : 'wrong-type');
  const index = issue.path[0];
  const item = typeof index === 'number' && Array.isArray(value) ? String(value[index]) : undefined;
  return item === undefined ? { key, code } : { key, code, item };
}

/**
 * Checks each key of `raw` that `shape` knows; keys it does not know are listed in `unknown`.
 * One problem per key: the first, which is what a person fixes first.
 */
export function parseFields<S extends Record<string, z.ZodType>>(
  shape: S,
  raw: Record<string, unknown>,
): { values: Partial<Values<S>>; problems: FieldProblem[]; unknown: string[] } {
  const values: Partial<Values<S>> = {};
  const problems: FieldProblem[] = [];
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(shape, key)) {
      unknown.push(key);
      continue;
    }
    const parsed = shape[key].safeParse(value);
    if (parsed.success) values[key as keyof S] = parsed.data as Values<S>[keyof S];
    else problems.push(problemOf(key, value, parsed.error.issues[0]));
  }
  return { values, problems, unknown };
}

/** Stored user settings over the defaults; a corrupt stored value falls back to its default. */
export function settingsFrom(stored: unknown): Settings {
  return { ...DEFAULT_SETTINGS, ...parseFields(settingsShape, isRecord(stored) ? stored : {}).values };
}

export function secretsFrom(stored: unknown): Secrets {
  return { ...DEFAULT_SECRETS, ...parseFields(secretsShape, isRecord(stored) ? stored : {}).values };
}

/** Only what differs from the defaults is stored, so a later release can improve a default. */
export function differences<T extends Record<string, unknown>>(values: T, defaults: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    if (JSON.stringify(values[key]) !== JSON.stringify(defaults[key])) changed[key] = values[key];
  }
  return changed;
}
