/**
 * Every way a send can fail, as data: the background classifies, the report page words it.
 * `retryable` says whether trying again later can help without anyone changing anything.
 */
export type DeliveryFailure =
  | { kind: 'no-endpoint'; retryable: false }
  | { kind: 'network'; retryable: true; detail: string }
  | { kind: 'timeout'; retryable: true; seconds: number }
  | { kind: 'unauthorized'; retryable: false; status: 401 | 403 }
  | { kind: 'rejected'; retryable: false; status: number; detail: string }
  | { kind: 'server'; retryable: true; status: number; detail: string }
  | { kind: 'bad-reply'; retryable: false; detail: string }
  | { kind: 'invalid-report'; retryable: false; detail: string }
  | { kind: 'draft-missing'; retryable: false };

export function classifyStatus(status: number, detail: string): DeliveryFailure {
  if (status === 401 || status === 403) return { kind: 'unauthorized', retryable: false, status };
  if (status === 408 || status === 429 || status >= 500) return { kind: 'server', retryable: true, status, detail };
  return { kind: 'rejected', retryable: false, status, detail };
}
