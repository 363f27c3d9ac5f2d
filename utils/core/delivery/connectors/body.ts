/**
 * The ticket's body as helpdesks show it: a short summary (description, page, browser, top errors)
 * in plain text, in simple HTML, and made inert for Redmine's Textile and Markdown. Every string
 * from the page or the person is escaped for the format it lands in; the whole report travels as
 * attachments (report.html, report.json).
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

/** Console errors come from the page's world, which the page controls: said so where they are listed. */
const ERRORS_HEADING = 'Errors reported by the page, which could have written anything here:';

/** The marker a retry searches for to find a ticket whose creation reply was lost. */
export function reportMarker(ticket: Ticket): string {
  return `Mayday report ${ticket.id}`;
}

const DEFAULT_DETAILS = 'the attached report.json';

/**
 * `text` made inert in both of Redmine's text formats, Textile and Markdown (CommonMark), whichever
 * the Redmine is set to (its REST API does not say): every character either syntax gives a meaning
 * becomes a numeric character reference, which both render as the character itself and neither
 * reads as markup, and "://" and "www." get an invisible joiner so that neither auto-links an
 * address. Line breaks stay.
 */
export function inertForRedmine(text: string): string {
  return text
    .replace(/[&<>"'!*_[\](){}#@:|^~+=`\\$%-]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/&#58;\/\//g, '&#58;\u2060//')
    .replace(/\b(www)\./gi, '$1\u2060.')
    .replace(/&#64;/g, '&#64;\u2060');
}

function textBody(ticket: Ticket, inert: (s: string) => string, detailsIn: string): string {
  const errors = topErrors(ticket);
  const page = `${ticket.page.title ? `${inert(ticket.page.title)} — ` : ''}${inert(ticket.page.url)}`;
  return [
    inert(ticket.description.trim()),
    '',
    `Page: ${page}`,
    `Browser: ${inert(browserLine(ticket))}`,
    ...(errors.length ? ['', ERRORS_HEADING, ...errors.map((e) => `- ${inert(e)}`)] : []),
    '',
    `${reportMarker(ticket)}. All details are in ${detailsIn}.`,
  ].join('\n');
}

/**
 * The body for Redmine: the text summary with everything from the page or the person made inert
 * (inertForRedmine), after who reported it when the issue is not filed as them.
 */
export function redmineBody(ticket: Ticket, reportedBy?: string | null): string {
  const body = textBody(ticket, inertForRedmine, DEFAULT_DETAILS);
  return reportedBy ? `Reported by: ${inertForRedmine(reportedBy)}\n\n${body}` : body;
}

/**
 * The plain text and HTML bodies, everything from the page or the person escaped.
 * `detailsIn` says where the whole report is, for a helpdesk that gets it under another name
 * (GLPI: inside report.zip, as GLPI refuses .json files by default).
 */
export function ticketBody(
  ticket: Ticket,
  { detailsIn = DEFAULT_DETAILS }: { detailsIn?: string } = {},
): { text: string; html: string } {
  const errors = topErrors(ticket);
  const text = textBody(ticket, (s) => s, detailsIn);
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
      ? `<p><b>${ERRORS_HEADING}</b></p><ul>${errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul>`
      : '',
    `<p>${escapeHtml(reportMarker(ticket))}. All details are in ${escapeHtml(detailsIn)}.</p>`,
  ].join('');
  return { text, html };
}
