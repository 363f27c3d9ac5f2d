/**
 * One ticket for a technician: what the person reported, the conversation, and forms to reply
 * and change the status. Every stored string is escaped; what the person or a technician typed is
 * only ever text.
 */
import { AUTHOR_MAX, REPLY_TEXT_MAX, STATUS_LABELS, STATUSES, type Message } from './conversation';
import { escapeHtml, page, seg, when } from './index-page';
import type { StoredTicket } from './store';

/** What a technician typed in the reply form, shown again when it was refused. */
export interface ReplyDraft {
  text?: string;
  author?: string;
  internal?: boolean;
  status?: string;
}

export interface TicketPageOptions {
  /** The form token (empty when the receiver has no token). */
  csrf: string;
  error?: string;
  draft?: ReplyDraft;
}

function statusOptions(selected: string): string {
  return STATUSES.map(
    (s) => `<option value="${s}"${s === selected ? ' selected' : ''}>${escapeHtml(STATUS_LABELS[s])}</option>`,
  ).join('');
}

function fileLinks(base: string, names: string[]): string {
  if (!names.length) return '';
  return `<ul>${names.map((n) => `<li><a href="${base}/${seg(n)}">${escapeHtml(n)}</a></li>`).join('')}</ul>`;
}

function message(id: string, m: Message, requester: string): string {
  if (m.from === 'technician') {
    const kind = m.internal ? 'Internal note' : 'Reply';
    return `<li class="${m.internal ? 'internal' : 'technician'}"><p><strong>${kind}</strong> from ${escapeHtml(m.author)}, ${when(m.at)}</p><div class="text">${escapeHtml(m.text)}</div></li>`;
  }
  return `<li class="requester"><p><strong>Added by ${escapeHtml(requester)}</strong>, ${when(m.at)}</p><div class="text">${escapeHtml(m.text)}</div>${fileLinks(`/tickets/${seg(id)}/requester-replies/${seg(m.id)}`, m.attachments)}</li>`;
}

export function renderTicketPage(stored: StoredTicket, options: TicketPageOptions): string {
  const { receipt, ticket, conversation, files } = stored;
  const id = receipt.id;
  const reporter = [ticket.reporter?.name, ticket.reporter?.email].filter(Boolean).join(' · ');
  const requester = reporter || 'the person';
  const draft = options.draft ?? {};
  const csrf = `<input type="hidden" name="csrf" value="${escapeHtml(options.csrf)}">`;
  const ordered = [...files].sort((a, b) => Number(b === 'report.html') - Number(a === 'report.html'));
  const messages = conversation.messages.map((m) => message(id, m, requester)).join('\n');
  return page(
    `Ticket #${id} · Mayday tickets`,
    `<p><a href="/">All tickets</a></p>
<h1>Ticket #${escapeHtml(id)}</h1>
<dl>
<dt>Status</dt><dd>${escapeHtml(STATUS_LABELS[conversation.status])}</dd>
<dt>What went wrong</dt><dd class="text">${escapeHtml(ticket.description)}</dd>
<dt>Page</dt><dd class="text">${escapeHtml(ticket.page.url)}</dd>
<dt>Reported by</dt><dd>${reporter ? escapeHtml(reporter) : 'Not given'}</dd>
<dt>Received</dt><dd>${when(receipt.receivedAt)}</dd>
</dl>
<h2>Files</h2>
${fileLinks(`/tickets/${seg(id)}/attachments`, ordered) || '<p>None.</p>'}
<h2>Conversation</h2>
${messages ? `<ol class="conversation">\n${messages}\n</ol>` : '<p>No replies yet.</p>'}
<form method="post" action="/tickets/${seg(id)}/replies" aria-labelledby="reply-title">
<h2 id="reply-title">Reply</h2>
${options.error ? `<p class="alert" role="alert">Not sent: ${escapeHtml(options.error)}</p>` : ''}
${csrf}
<label for="reply-text">Your reply</label>
<textarea id="reply-text" name="text" required maxlength="${REPLY_TEXT_MAX}">${escapeHtml(draft.text ?? '')}</textarea>
<label for="reply-author">Your name</label>
<input id="reply-author" name="author" required maxlength="${AUTHOR_MAX}" value="${escapeHtml(draft.author ?? '')}">
<label><input type="checkbox" name="internal" value="on"${draft.internal ? ' checked' : ''}> Internal note (never shown to the person)</label>
<label for="reply-status">Status after this reply</label>
<select id="reply-status" name="status">${statusOptions(draft.status ?? conversation.status)}</select>
<p><button type="submit">Send reply</button></p>
</form>
<form method="post" action="/tickets/${seg(id)}/status" aria-labelledby="status-title">
<h2 id="status-title">Status</h2>
${csrf}
<label for="status-only">New status</label>
<select id="status-only" name="status">${statusOptions(conversation.status)}</select>
<p><button type="submit">Change status</button></p>
</form>`,
  );
}
