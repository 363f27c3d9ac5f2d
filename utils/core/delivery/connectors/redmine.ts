/**
 * Redmine: each file goes to POST /uploads.json (raw bytes, application/octet-stream, anything else
 * is refused with 406) for a token, then POST /issues.json creates the issue with those tokens.
 * Auth: "X-Redmine-API-Key". Errors come as {"errors": [...]} with 422; a file over the size limit
 * is refused at upload with "…exceeds the maximum allowed file size (5242880)" in the user's language.
 */
import type { Receipt } from '../../model/draft';
import { base64ToBytes } from '../../encoding';
import type { Attachment } from '../../model/ticket';
import type { ConnectorConfig } from '../config';
import { isFailure, request, type Connector, type OutgoingReport, type SendContext } from '../connector';
import { classifyStatus, parseRetryAfter, type DeliveryFailure } from '../errors';
import { redmineBody, ticketTitle } from './body';
import {
  badReply,
  createOnce,
  endpoint,
  jsonOf,
  problemFor,
  targetOf,
  type ConnectionResult,
  type TestContext,
} from './helpdesk';

type RedmineConfig = Extract<ConnectorConfig, { type: 'redmine' }>;

export const auth = (config: RedmineConfig) => ({ 'X-Redmine-API-Key': config.apiKey });

async function redmineFailure(response: Response, now: number): Promise<DeliveryFailure> {
  const text = await response.text().catch(() => '');
  let detail = text.trim().slice(0, 300) || response.statusText;
  try {
    const { errors } = JSON.parse(text) as { errors?: unknown };
    if (Array.isArray(errors)) detail = errors.join('; ').slice(0, 300);
  } catch {
    /* not Redmine's JSON: keep the text */
  }
  return classifyStatus(response.status, detail, parseRetryAfter(response.headers.get('retry-after'), now));
}

async function reply(response: Response | DeliveryFailure, now: number): Promise<{ body: unknown } | DeliveryFailure> {
  if (isFailure(response)) return response;
  if (!response.ok) return redmineFailure(response, now);
  return { body: await jsonOf(response) };
}

async function upload(
  config: RedmineConfig,
  file: Attachment,
  ctx: SendContext,
  as: Record<string, string> = {},
): Promise<string | DeliveryFailure> {
  const url = endpoint(config.url, `/uploads.json?filename=${encodeURIComponent(file.filename)}`);
  const response = await request(ctx, url, {
    method: 'POST',
    headers: { ...auth(config), ...as, 'Content-Type': 'application/octet-stream' },
    body: base64ToBytes(file.data) as BodyInit,
  });
  const uploaded = await reply(response, ctx.now());
  // The size refusal ends with the limit in bytes, "(5242880)", whatever the language.
  if (isFailure(uploaded)) {
    return uploaded.kind === 'rejected' && uploaded.status === 422 && /\(\d+\)\s*$/.test(uploaded.detail)
      ? { kind: 'too-large', retryable: false, status: 422 }
      : uploaded;
  }
  const token = (uploaded.body as { upload?: { token?: unknown } } | null)?.upload?.token;
  return typeof token === 'string' ? token : badReply('Redmine answered the upload without a token');
}

/** "Ana Lima <ana@example.org>": who reported it, for an issue not filed as them. */
function reportedBy(report: OutgoingReport): string | null {
  const { name, email } = report.ticket.reporter ?? {};
  if (!name && !email) return null;
  return name && email ? `${name} <${email}>` : (name ?? email)!;
}

/**
 * The login of the one active Redmine user whose address is the requester's, for
 * X-Redmine-Switch-User; null when none matches or the key may not list users (not an admin).
 */
async function requesterLogin(
  config: RedmineConfig,
  report: OutgoingReport,
  ctx: Pick<SendContext, 'fetch' | 'timeoutMs' | 'now'>,
): Promise<string | null> {
  const email = report.ticket.reporter?.email?.trim().toLowerCase();
  if (!config.switchUser || !email) return null;
  const url = endpoint(config.url, `/users.json?status=1&limit=25&name=${encodeURIComponent(email)}`);
  const found = await reply(await request(ctx, url, { method: 'GET', headers: auth(config) }), ctx.now());
  if (isFailure(found)) return null;
  const users = (found.body as { users?: { login?: unknown; mail?: unknown }[] } | null)?.users ?? [];
  const user = users.find((u) => typeof u.mail === 'string' && u.mail.toLowerCase() === email);
  return typeof user?.login === 'string' ? user.login : null;
}

export function redmineIssue(config: RedmineConfig, report: OutgoingReport, tokens: string[], filedAs?: string | null) {
  const by = filedAs ? null : reportedBy(report);
  return {
    issue: {
      project_id: config.projectId,
      ...(config.trackerId ? { tracker_id: Number(config.trackerId) } : {}),
      subject: ticketTitle(report.ticket),
      // Redmine formats descriptions as Textile or Markdown, not HTML: the text summary, inert in both.
      description: redmineBody(report.ticket, by),
      uploads: report.attachments.map((file, n) => ({
        token: tokens[n],
        filename: file.filename,
        content_type: file.contentType,
      })),
    },
  };
}

function receiptOf(config: RedmineConfig, issue: unknown): Receipt | null {
  const id = (issue as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' ? { id: String(id), url: endpoint(config.url, `/issues/${id}`) } : null;
}

export function redmineConnector(config: RedmineConfig): Connector {
  return {
    send(report, ctx) {
      return createOnce(ctx, targetOf(config), {
        find: async () => {
          const query = `project_id=${encodeURIComponent(config.projectId)}&status_id=*&description=~${encodeURIComponent(report.ticket.id)}&limit=1`;
          const found = await reply(
            await request(ctx, endpoint(config.url, `/issues.json?${query}`), { method: 'GET', headers: auth(config) }),
            ctx.now(),
          );
          if (isFailure(found)) return found;
          return receiptOf(config, (found.body as { issues?: unknown[] } | null)?.issues?.[0]);
        },
        // Uploads are repeated on a retry: Redmine deletes unattached uploads after a day on its own.
        create: async () => {
          // The issue and its files belong to the requester when the admin allows it and a user matches.
          const login = await requesterLogin(config, report, ctx);
          const as: Record<string, string> = login ? { 'X-Redmine-Switch-User': login } : {};
          const tokens: string[] = [];
          for (const file of report.attachments) {
            const token = await upload(config, file, ctx, as);
            if (isFailure(token)) return token;
            tokens.push(token);
          }
          const response = await request(ctx, endpoint(config.url, '/issues.json'), {
            method: 'POST',
            headers: { ...auth(config), ...as, 'Content-Type': 'application/json' },
            body: JSON.stringify(redmineIssue(config, report, tokens, login)),
          });
          const created = await reply(response, ctx.now());
          if (isFailure(created)) return created;
          return (
            receiptOf(config, (created.body as { issue?: unknown } | null)?.issue) ??
            badReply('Redmine answered without an issue id')
          );
        },
      });
    },
  };
}

/**
 * GET /users/current.json (the key; Redmine answers a public project even to a wrong key), then
 * GET /projects/<id>.json?include=trackers (the project, and the tracker when one is set: Redmine
 * silently files issues under the default tracker when given one the project lacks).
 */
export async function testRedmine(config: RedmineConfig, ctx: TestContext): Promise<ConnectionResult> {
  const me = await reply(
    await request(ctx, endpoint(config.url, '/users/current.json'), { method: 'GET', headers: auth(config) }),
    0,
  );
  if (isFailure(me)) return problemFor(me);
  if (!(me.body as { user?: unknown } | null)?.user)
    return {
      ok: false,
      problem: 'other',
      detail: 'the address answered, but not like Redmine (is the REST API enabled?)',
    };
  const url = endpoint(config.url, `/projects/${encodeURIComponent(config.projectId)}.json?include=trackers`);
  const project = await reply(await request(ctx, url, { method: 'GET', headers: auth(config) }), 0);
  if (isFailure(project)) return problemFor(project, 'wrong-project');
  const trackers = (project.body as { project?: { trackers?: { id: number }[] } } | null)?.project?.trackers ?? [];
  if (config.trackerId && !trackers.some((tracker) => String(tracker.id) === config.trackerId.trim())) {
    return {
      ok: false,
      problem: 'wrong-project',
      detail: `tracker ${config.trackerId} is not enabled in project "${config.projectId}"`,
    };
  }
  return { ok: true };
}
