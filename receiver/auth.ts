/**
 * Who may use the receiver when it has a token. Programs (Mayday, scripts) send
 * `Authorization: Bearer <token>` on every request. A technician's browser signs in once with a
 * small form; the cookie it gets holds a value derived from the token, never the token itself,
 * and the forms of the pages carry a second derived value (a CSRF token), so a page from another
 * site can neither read nor post anything. No `?token=` in URLs: it would stay in the history,
 * in proxy logs and in Referer headers.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const SESSION_COOKIE = 'mayday_receiver_session';

function derive(token: string, purpose: string): string {
  return createHmac('sha256', token).update(`mayday-receiver ${purpose}`).digest('base64url');
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearerMatches(req: IncomingMessage, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  return given !== undefined && sameSecret(given, token);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

const sessionValue = (token: string) => derive(token, 'session v1');
export const formValue = (token: string) => derive(token, 'form v1');

export function sessionMatches(req: IncomingMessage, token: string): boolean {
  const given = cookie(req, SESSION_COOKIE);
  return given !== undefined && sameSecret(given, sessionValue(token));
}

/**
 * HttpOnly: no script reads it; SameSite=Strict: no other site's page or link sends it. No
 * `Secure`, as the receiver speaks plain HTTP on loopback (put TLS in front for anything else).
 */
export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${sessionValue(token)}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Where to go after signing in: a path on this receiver, nothing else. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s\\]*$/.test(next) ? next : '/';
}

/**
 * A form post must come from this receiver's own pages: a browser names the page's origin, and
 * it must be this one (the check that still holds when no token is set).
 */
export function sameOrigin(req: IncomingMessage, publicUrl?: string): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (publicUrl && origin === new URL(publicUrl).origin) return true;
  return origin === `http://${req.headers.host}` || origin === `https://${req.headers.host}`;
}
