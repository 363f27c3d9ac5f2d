/**
 * Every way a send can fail, as data: the background classifies, the pages word it.
 * `retryable` says whether trying again later can help without anyone changing anything.
 */
export type DeliveryFailure =
  | { kind: 'no-endpoint'; retryable: false }
  | { kind: 'network'; retryable: true; detail: string }
  | { kind: 'timeout'; retryable: true; seconds: number }
  | { kind: 'unauthorized'; retryable: false; status: 401 | 403 }
  | { kind: 'rejected'; retryable: false; status: number; detail: string }
  /** 413, or a helpdesk's own "too big" refusal (GLPI answers 400, Redmine 422). */
  | { kind: 'too-large'; retryable: false; status: number }
  | { kind: 'server'; retryable: true; status: number; detail: string; retryAfterMs?: number }
  | { kind: 'bad-reply'; retryable: false; detail: string }
  | { kind: 'invalid-report'; retryable: false; detail: string }
  | { kind: 'draft-missing'; retryable: false };

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function classifyStatus(status: number, detail: string, retryAfterMs?: number): DeliveryFailure {
  if (status === 401 || status === 403) return { kind: 'unauthorized', retryable: false, status };
  if (status === 413) return { kind: 'too-large', retryable: false, status };
  if (status === 408 || status === 429 || status >= 500) {
    return retryAfterMs === undefined
      ? { kind: 'server', retryable: true, status, detail }
      : { kind: 'server', retryable: true, status, detail, retryAfterMs };
  }
  return { kind: 'rejected', retryable: false, status, detail };
}

/** A fetch that threw: our own timeout, or the network (refused, DNS, offline…). */
export function classifyThrown(error: unknown, timeoutMs: number): DeliveryFailure {
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return { kind: 'timeout', retryable: true, seconds: Math.round(timeoutMs / 1000) };
  return { kind: 'network', retryable: true, detail: String((error as Error)?.message ?? error) };
}
