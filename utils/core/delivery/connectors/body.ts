/**
 * The ticket's body as helpdesks show it: a short summary (description, page, browser, top errors)
 * in plain text and in simple HTML. A private fallback behind one function, to be swapped for the
 * shared renderSummary() once it lands. Every string from the page or the person is escaped.
 */
import type { Ticket } from '../../model/ticket';
import { escapeHtml } from '../../ticket/html';

const TITLE_MAX = 100;
const TOP_ERRORS = 5;
const ERROR_CHARS = 300;

/** The helpdesk ticket's title: the description's first line, clipped. */
export function ticketTitle(ticket: Ticket): string {
  const line = ticket.description.trim().split(/\r?\n/, 1)[0].trim();
  return line.length > TITLE_MAX ? `${line.slice(0, TITLE_MAX - 1).trimEnd()}…` : line;
}

// Only web addresses become links: a helpdesk page must not carry a javascript: link from a report.
function pageLink(url: string): string {
  return /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : escapeHtml(url);
}

function browserLine(ticket: Ticket): string {
  const { browser, os, userAgent } = ticket.environment;
  if (!browser) return userAgent;
  return [`${browser.name} ${browser.version}`, os ? `${os.name}${os.version ? ` ${os.version}` : ''}` : '']
    .filter(Boolean)
    .join(', ');
}

function topErrors(ticket: Ticket): string[] {
  return ticket.console
    .filter((entry) => entry.level === 'error')
    .slice(-TOP_ERRORS)
    .map((entry) => {
      const message =
        entry.message.length > ERROR_CHARS ? `${entry.message.slice(0, ERROR_CHARS - 1)}…` : entry.message;
      return entry.count > 1 ? `${message} (×${entry.count})` : message;
    });
}

/** The marker a retry searches for to find a ticket whose creation reply was lost. */
function reportMarker(ticket: Ticket): string {
  return `Mayday report ${ticket.id}`;
}

export function ticketBody(ticket: Ticket): { text: string; html: string } {
  const errors = topErrors(ticket);
  const page = `${ticket.page.title ? `${ticket.page.title} — ` : ''}${ticket.page.url}`;
  const text = [
    ticket.description.trim(),
    '',
    `Page: ${page}`,
    `Browser: ${browserLine(ticket)}`,
    ...(errors.length ? ['', 'Errors on the page:', ...errors.map((e) => `- ${e}`)] : []),
    '',
    `${reportMarker(ticket)}. All details are in the attached report.json.`,
  ].join('\n');
  const paragraphs = ticket.description
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
  const html = [
    paragraphs,
    `<p><b>Page:</b> ${ticket.page.title ? `${escapeHtml(ticket.page.title)} — ` : ''}${pageLink(ticket.page.url)}<br>`,
    `<b>Browser:</b> ${escapeHtml(browserLine(ticket))}</p>`,
    errors.length
      ? `<p><b>Errors on the page:</b></p><ul>${errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul>`
      : '',
    `<p>${escapeHtml(reportMarker(ticket))}. All details are in the attached report.json.</p>`,
  ].join('');
  return { text, html };
}
