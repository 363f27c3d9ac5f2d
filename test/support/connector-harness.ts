/**
 * For connector tests: a fetch that answers from a script and records each request as sent, a
 * SendContext whose saved progress can seed the next attempt, and a report with its files.
 */
import { vi } from 'vitest';
import type { OutgoingReport, SendContext } from '../../utils/core/delivery/connector';
import { samplePayload } from './tickets';

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: RequestInit['body'];
}

type Scripted = Response | Error | ((request: SentRequest) => Response);

/** Answers requests in order; a request past the end of the script fails the test. */
export function scriptedFetch(...script: Scripted[]) {
  const sent: SentRequest[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (url, init) => {
    const request: SentRequest = {
      method: init?.method ?? 'GET',
      url: url instanceof Request ? url.url : String(url),
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body,
    };
    sent.push(request);
    const next = script.shift();
    if (!next) throw new Error(`unexpected request ${request.method} ${request.url}`);
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next(request) : next;
  });
  return { fetch, sent, left: () => script.length };
}

export const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), { status, headers });

export const NOW = Date.UTC(2026, 10, 28, 10);

/** A SendContext starting from `progress`; `saved` holds every progress the connector stored. */
export function sendContext(fetch: typeof globalThis.fetch, progress: Record<string, unknown> = {}) {
  const saved: Record<string, unknown>[] = [];
  const ctx: SendContext = {
    fetch,
    timeoutMs: 5000,
    now: () => NOW,
    progress,
    saveProgress: async (next) => {
      saved.push(structuredClone(next));
    },
  };
  return { ctx, saved, last: () => saved.at(-1) ?? progress };
}

/** The sample ticket with its screenshot and report.json, as the outbox hands it to a connector. */
export function sampleReport(description = 'The invoice list stays empty\nIt worked yesterday.'): OutgoingReport {
  // Two files (screenshot, report.json) keep the scripted exchanges short; connectors handle any
  // number, and the real-helpdesk E2E tests send all three (report.html too).
  const payload = samplePayload(description);
  return { ...payload, attachments: payload.attachments.filter((file) => file.filename !== 'report.html') };
}

/** A multipart body as a server reads it. */
export function formOf(request: SentRequest): Promise<FormData> {
  return new Response(request.body, { headers: { 'Content-Type': request.headers['Content-Type'] } }).formData();
}

export const bytesOf = (file: { data: string }) => Buffer.from(file.data, 'base64');
