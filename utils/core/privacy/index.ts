/** The redaction engine: what product code needs. Rules and helpers stay behind this file. */
export { compileAdminPatterns, type AdminPatternProblem, type CompiledAdminPatterns } from './admin-patterns';
export { DEFAULT_RULES } from './default-rules';
export { redactText } from './redact';
export { redactTicket } from './redact-ticket';
export { redactValue } from './redact';
export type { RedactionCounts, RedactionRule } from './rule';
