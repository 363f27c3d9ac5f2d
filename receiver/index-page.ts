/**
 * The technicians' pages: shared frame, and the list of tickets (newest first). Every stored
 * string is escaped; no page runs a script, and forms post only to this receiver.
 */
import { STATUS_LABELS } from './conversation';
import type { BrokenFolder, StoredTicket } from './store';

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'self'";
/** Sent as a header, where frame-ancestors counts: no other site can frame a page with forms. */
export const INDEX_CSP = `${PAGE_CSP}; frame-ancestors 'none'`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A path segment: ids are digits and names are checked, but a link is encoded all the same. */
export const seg = (part: string) => escapeHtml(encodeURIComponent(part));

export const when = (iso: string) =>
  `<time datetime="${escapeHtml(iso)}">${escapeHtml(iso.replace('T', ' ').slice(0, 19))} UTC</time>`;

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}td.page{word-break:break-all;color:#555}.text{white-space:pre-wrap;overflow-wrap:anywhere}.broken{border:2px solid #b00020;padding:.5rem 1rem}.alert{color:#b00020;font-weight:600}ol.conversation{list-style:none;padding:0}ol.conversation>li{border-left:4px solid #1565c0;padding:.3rem .8rem;margin:.8rem 0}ol.conversation>li.requester{border-color:#2e7d32}ol.conversation>li.internal{border-color:#999;background:#f4f4f4}label{display:block;margin:.6rem 0 .2rem}textarea{width:100%;min-height:7rem}form{margin:1rem 0;padding:.5rem 1rem;border:1px solid #ddd}`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head><body><main>
${body}
</main></body></html>`;
}

function brokenList(broken: BrokenFolder[]): string {
  if (!broken.length) return '';
  const items = broken.map((b) => `<li><code>${escapeHtml(b.folder)}</code>: ${escapeHtml(b.problem)}</li>`).join('\n');
  return `<section class="broken" aria-labelledby="broken-title"><h2 id="broken-title">Folders that could not be read</h2>
<p>These folders in the data directory are left out of the list until they are repaired or removed:</p>
<ul>
${items}
</ul></section>`;
}

export function renderIndex(tickets: StoredTicket[], broken: BrokenFolder[] = []): string {
  const rows = [...tickets]
    .sort((a, b) => Number(b.receipt.id) - Number(a.receipt.id))
    .map(({ receipt, ticket, files, conversation }) => {
      const id = seg(receipt.id);
      const report = files.includes('report.html')
        ? `<a href="/tickets/${id}/attachments/report.html">report.html</a>`
        : '';
      return `<tr><td><a href="/tickets/${id}/page">#${escapeHtml(receipt.id)}</a></td><td>${escapeHtml(STATUS_LABELS[conversation.status])}</td><td class="text">${escapeHtml(ticket.description)}</td><td class="page">${escapeHtml(ticket.page.url)}</td><td>${when(receipt.receivedAt)}</td><td>${report}</td></tr>`;
    })
    .join('\n');
  return page(
    'Mayday tickets',
    `<h1>Mayday tickets</h1>
${brokenList(broken)}
${tickets.length ? `<table><thead><tr><th>Ticket</th><th>Status</th><th>What went wrong</th><th>Page</th><th>Received</th><th>Report</th></tr></thead><tbody>\n${rows}\n</tbody></table>` : '<p>No tickets yet.</p>'}`,
  );
}

export function renderLogin(next: string, wrong: boolean): string {
  return page(
    'Sign in · Mayday tickets',
    `<h1>Mayday tickets</h1>
<p>This receiver needs its access token (the one given to it with <code>--token</code>).</p>
${wrong ? '<p class="alert" role="alert">That is not the access token.</p>' : ''}
<form method="post" action="/login">
<label for="token">Access token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<input type="hidden" name="next" value="${escapeHtml(next)}">
<p><button type="submit">Sign in</button></p>
</form>`,
  );
}
