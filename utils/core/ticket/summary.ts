/**
 * The ticket body for helpdesks that show text, Markdown or simple HTML: one screen with the
 * description, the page, browser/OS, the top errors and a pointer to the attachments.
 * In Markdown, untrusted text only ever sits in code spans and fenced blocks, where no renderer
 * makes links, images or HTML of it; in HTML it goes through the escaping template.
 */
import { clip } from './format';
import { html } from './html';
import type { Ticket } from '../model/ticket';
import { summaryFacts } from './summary-facts';
import type { Translate } from './translate';

export interface TicketSummary {
  markdown: string;
  html: string;
}

const ERROR_CHARS = 200;

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** An inline code span no content can close early; one line. */
export function mdCode(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (!line) return '';
  const fence = '`'.repeat(longestRun(line, '`') + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** A fenced block longer than any backtick run inside, so the text cannot end it. */
export function mdBlock(text: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  return `${fence}\n${text}\n${fence}`;
}

export function renderSummary(ticket: Ticket, t: Translate): TicketSummary {
  const facts = summaryFacts(ticket, t);
  const attached = ticket.screenshot
    ? t('summaryAttachedWithShot', ticket.screenshot.attachment)
    : t('summaryAttached');
  const page = [ticket.page.title, ticket.page.url].filter(Boolean);
  const errors = facts.topErrors.map((e) => ({ text: clip(e.message, ERROR_CHARS), count: e.count }));
  // "Page:" in English, "Page :" in French.
  const field = (key: Parameters<Translate>[0]) => t('summaryField', t(key));

  const markdown = [
    `**${t('reportHeading')}** · ${facts.when}`,
    '',
    `**${t('reportWhatWentWrong')}**`,
    mdBlock(ticket.description),
    '',
    `**${field('reportWhere')}** ${page.map(mdCode).join(' — ')}  `,
    `**${field('reportBrowserOs')}** ${mdCode(facts.browserOs)}  `,
    `**${field('reportRequests')}** ${facts.failedRequests}`,
    '',
    errors.length === 0 ? `**${field('reportTopErrors')}** ${t('summaryNoErrors')}` : `**${t('reportTopErrors')}**`,
    ...errors.map((e, i) => `${i + 1}. ${mdCode(e.text)}${e.count > 1 ? ` ×${e.count}` : ''}`),
    '',
    `_${attached}_`,
    '',
  ].join('\n');

  const body = html`<p><strong>${t('reportHeading')}</strong> · ${facts.when}</p>
<p><strong>${t('reportWhatWentWrong')}</strong></p>
<blockquote>${ticket.description.split('\n').map((line, i) => (i === 0 ? line : html`<br>${line}`))}</blockquote>
<p><strong>${field('reportWhere')}</strong> ${page.join(' — ')}<br>
<strong>${field('reportBrowserOs')}</strong> ${facts.browserOs}<br>
<strong>${field('reportRequests')}</strong> ${facts.failedRequests}</p>
<p>${errors.length === 0 ? html`<strong>${field('reportTopErrors')}</strong> ${t('summaryNoErrors')}` : html`<strong>${t('reportTopErrors')}</strong>`}</p>
${errors.length > 0 && html`<ol>${errors.map((e) => html`<li><code>${e.text}</code>${e.count > 1 && ` ×${e.count}`}</li>`)}</ol>`}
<p><em>${attached}</em></p>
`;
  return { markdown, html: body.text };
}
