/** Types for scripts/system-deps.mjs (plain JavaScript so that it runs before `npm ci`). */
export interface SystemDep {
  name: string;
  command: string;
  /** Set, it wins over the PATH. */
  variable?: string;
  package: string;
  neededBy: string[];
}
export const SYSTEM_DEPS: SystemDep[];
export function locate(dep: SystemDep, env?: NodeJS.ProcessEnv): string | null;
export function missingLine(missing: SystemDep[], options?: { who?: string; root?: boolean; apt?: boolean }): string;
export function variableLine(dep: SystemDep, env?: NodeJS.ProcessEnv): string;
export function programPath(command: string, env?: NodeJS.ProcessEnv): string;
export function hasDebianPackages(osRelease: string): boolean;
