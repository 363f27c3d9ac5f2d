/** The redaction engine: what product code needs. Rules and helpers stay behind this file. */
export { compileAdminPatterns } from './admin-patterns';
export { DEFAULT_RULES } from './default-rules';
export { redactTicket } from './redact-ticket';
export type { RedactionRule } from './rule';
