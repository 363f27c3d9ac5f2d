/**
 * report.html: the ticket as one self-contained page a technician opens from any helpdesk. Inline
 * CSS under a CSP hash, the screenshot as a data: URL, no script, no request of any kind. Every
 * value from the ticket goes through the escaping `html` template.
 */
import { environmentRows } from './environment-rows';
import { LEVELS, byPage, failedRequestCount, levelCounts, requestOutcome, timeline, type TimelineItem } from './facts';
import type { ConsoleEntry, NetworkEntry } from '../wire/page-protocol';
import { clip, formatClock, formatDateTime, formatDuration } from './format';
import { html, type Html } from './html';
import { KIND_KEYS, LEVEL_KEYS, STEP_KEYS } from './labels';
import { REPORT_CSP, REPORT_CSS } from './report-style';
import type { Ticket } from '../model/ticket';
import { captureNotes, screenshotCaption, summaryFacts } from './summary-facts';
import type { Translate } from './translate';

export interface ReportHtmlOptions {
  /** The screenshot the ticket refers to; without it the page says it is attached separately. */
  screenshot?: { dataUrl: string };
  t: Translate;
}

/**
 * report.html weighs the screenshot's data URL plus at most this, whatever the page logged: the
 * lists share what the fixed parts leave. What does not fit is counted on the page and is
 * complete in report.json.
 */
export const REPORT_OVERHEAD_MAX = 80 * 1024;
const LIST_SHARES = { console: 0.6, requests: 0.25, timeline: 0.15 };
/** Headings, table heads, filters and "more" notes of the three lists. */
const LIST_CHROME_BYTES = 3 * 1024;
const CLIP = { message: 600, stack: 1500, url: 300, label: 300 };

/** A screenshot we embed: PNG or JPEG as base64, nothing that could carry markup or a URL. */
export const IMAGE_DATA_URL = /^data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;

const utf8 = new TextEncoder();

interface Fitted {
  shown: Html[];
  hidden: number;
}

/**
 * Renders items in `priority` order while they fit in `budget` bytes, then shows the kept ones in
 * their original order.
 */
function fitToBudget<T>(
  items: readonly T[],
  render: (item: T) => Html,
  budget: number,
  priority: (a: T, b: T) => number,
): Fitted {
  const order = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => priority(a.item, b.item) || b.index - a.index);
  const kept: { index: number; markup: Html }[] = [];
  let left = budget;
  for (const { item, index } of order) {
    const markup = render(item);
    const bytes = utf8.encode(markup.text).length;
    if (bytes > left) continue;
    left -= bytes;
    kept.push({ index, markup });
  }
  kept.sort((a, b) => a.index - b.index);
  return { shown: kept.map((k) => k.markup), hidden: items.length - kept.length };
}

function more(hidden: number, t: Translate): Html | false {
  return hidden > 0 && html`<p class="more">${t('reportMoreInJson', hidden)}</p>`;
}

function clock(time: number, ticket: Ticket, ms = false): Html {
  return html`<span class="mono">${formatClock(time, ticket.environment.utcOffsetMinutes, ms)}</span>`;
}

function repeats(count: number): Html | false {
  return count > 1 && html` <span class="times">×${count}</span>`;
}

function summarySection(ticket: Ticket, t: Translate): Html {
  const facts = summaryFacts(ticket, t);
  const notes = captureNotes(ticket, t);
  return html`<section class="summary" id="summary" aria-labelledby="summary-h">
<div class="kicker"><b>Mayday</b> · ${t('reportHeading')} · <span class="mono">${ticket.id}</span></div>
<h1 id="summary-h">${t('reportWhatWentWrong')}</h1>
<p class="desc">${ticket.description}</p>
<dl class="facts">
<dt>${t('reportWhere')}</dt><dd>${ticket.page.title && html`${ticket.page.title}<br>`}<span class="url">${ticket.page.url}</span></dd>
<dt>${t('reportWhen')}</dt><dd>${facts.when}</dd>
<dt>${t('reportBrowserOs')}</dt><dd>${facts.browserOs}</dd>
${ticket.reporter && (ticket.reporter.name || ticket.reporter.email) && html`<dt>${t('reportReporter')}</dt><dd>${[ticket.reporter.name, ticket.reporter.email].filter(Boolean).join(' · ')}</dd>`}
${ticket.category && html`<dt>${t('reportCategory')}</dt><dd>${ticket.category}</dd>`}
${ticket.urgency && html`<dt>${t('reportUrgency')}</dt><dd>${ticket.urgency}</dd>`}
</dl>
<ul class="counts">${facts.counts.map((c) => html`<li${c.hot ? html` class="hot"` : ''}><b>${c.value}</b>${c.label}</li>`)}</ul>
${facts.topErrors.length > 0 && html`<h3>${t('reportTopErrors')}</h3><ol class="top">${facts.topErrors.map((e) => html`<li><span class="mono">${clip(e.message, CLIP.label)}</span>${repeats(e.count)}</li>`)}</ol>`}
${notes.length > 0 && html`<div class="notes">${notes.map((note) => html`<p>${note}</p>`)}</div>`}
</section>`;
}

/** `image` is a data URL already checked against IMAGE_DATA_URL. */
function screenshotSection(ticket: Ticket, image: string | undefined, t: Translate): Html {
  const shot = ticket.screenshot;
  let body: Html;
  if (!shot) body = html`<p class="muted">${t('reportNoScreenshot')}</p>`;
  else if (!image) body = html`<p class="muted">${t('reportScreenshotAttached', shot.attachment)}</p>`;
  else {
    body = html`<figure><img src="${image}" width="${shot.width}" height="${shot.height}" alt="${t('reportScreenshotAlt')}"><figcaption>${screenshotCaption(shot, t)}</figcaption></figure>`;
  }
  return html`<section id="screenshot" aria-labelledby="screenshot-h"><h2 id="screenshot-h">${t('reportScreenshot')}</h2>${body}</section>`;
}

function consoleItem(entry: ConsoleEntry, ticket: Ticket, t: Translate): Html {
  const kind = KIND_KEYS[entry.kind];
  return html`<li class="lv-${entry.level}">${clock(entry.time, ticket, true)}<span><span class="lv badge">${entry.level}</span>${repeats(entry.count)}</span><div class="body">${kind && html`<span class="badge">${t(kind)}</span>`}<pre>${clip(entry.message, CLIP.message)}</pre>${entry.source && html`<div class="src">${clip(entry.source, CLIP.url)}</div>`}${entry.stack && html`<details><summary>${t('reportStack')}</summary><pre>${clip(entry.stack, CLIP.stack)}</pre></details>`}</div></li>`;
}

const LEVEL_RANK: Record<ConsoleEntry['level'], number> = { error: 0, warn: 1, info: 2, log: 3, debug: 4 };

function consoleSection(ticket: Ticket, t: Translate, budget: number): Html {
  const counts = levelCounts(ticket.console);
  const fitted = fitToBudget(
    ticket.console,
    (e) => consoleItem(e, ticket, t),
    budget,
    (a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level],
  );
  const filters = LEVELS.filter((level) => counts[level] > 0).map(
    (level) =>
      html`<input type="checkbox" id="f-${level}" checked><label for="f-${level}">${t(LEVEL_KEYS[level])} (${counts[level]})</label>`,
  );
  const body =
    ticket.console.length === 0
      ? html`<p class="muted">${t('reportNoConsole')}</p>`
      : html`<p class="origin">${t('reportConsoleByPage')}</p><div class="filters" role="group" aria-label="${t('reportShowLevels')}">${filters}</div><ol class="console">${fitted.shown}</ol>${more(fitted.hidden, t)}`;
  return html`<section id="console" aria-labelledby="console-h"><h2 id="console-h">${t('reportConsole')}</h2>${body}</section>`;
}

/** The mark on what the page supplied: it could have written anything there. */
const byPageBadge = (t: Translate) => html`<span class="badge by-page">${t('reportByPage')}</span>`;

function requestRow(entry: NetworkEntry, ticket: Ticket, t: Translate): Html {
  return html`<tr><td>${clock(entry.time, ticket)}</td><td class="mono">${entry.method}</td><td class="url">${clip(entry.url, CLIP.url)}${entry.source === 'page' && html` ${byPageBadge(t)}`}</td><td>${requestOutcome(entry)}${repeats(entry.count)}</td><td>${entry.type ?? ''}</td><td>${entry.durationMs !== undefined ? formatDuration(entry.durationMs) : ''}</td></tr>`;
}

function requestsSection(ticket: Ticket, t: Translate, budget: number): Html {
  const requests = ticket.network ?? [];
  const fitted = fitToBudget(
    requests,
    (r) => requestRow(r, ticket, t),
    budget,
    () => 0,
  );
  const body =
    requests.length === 0
      ? html`<p class="muted">${t('reportNoRequests')}</p>`
      : html`<table><thead><tr><th>${t('reportTime')}</th><th>${t('reportMethod')}</th><th>${t('reportUrl')}</th><th>${t('reportOutcome')}</th><th>${t('reportType')}</th><th>${t('reportDuration')}</th></tr></thead><tbody>${fitted.shown}</tbody></table>${more(fitted.hidden, t)}`;
  return html`<section id="requests" aria-labelledby="requests-h"><h2 id="requests-h">${t('reportRequests')} (${failedRequestCount(ticket)})</h2>${body}</section>`;
}

function timelineItem(item: TimelineItem, ticket: Ticket, t: Translate): Html {
  let what: Html;
  if (item.kind === 'step') {
    const step = item.step;
    what = html`<span>${t(STEP_KEYS[step.kind])}</span><div>${clip(step.label, CLIP.label)}${step.how && html` <span class="badge">${step.how}</span>`}${step.selector && html`<div class="src">${step.selector}</div>`}</div>`;
  } else if (item.kind === 'request') {
    const r = item.request;
    what = html`<span>${t('timelineRequest')}</span><div><span class="mono">${r.method}</span> <span class="url">${clip(r.url, CLIP.url)}</span> — ${requestOutcome(r)}${repeats(r.count)}</div>`;
  } else {
    what = html`<span>${t('timelineError')}</span><div><pre>${clip(item.entry.message, CLIP.label)}</pre></div>`;
  }
  return html`<li class="tl-${item.kind}">${clock(item.time, ticket, true)}${what}${byPage(item) && byPageBadge(t)}</li>`;
}

const TIMELINE_RANK: Record<TimelineItem['kind'], number> = { step: 0, request: 1, error: 2 };

function timelineSection(ticket: Ticket, t: Translate, budget: number): Html {
  const items = timeline(ticket);
  const fitted = fitToBudget(
    items,
    (i) => timelineItem(i, ticket, t),
    budget,
    (a, b) => TIMELINE_RANK[a.kind] - TIMELINE_RANK[b.kind],
  );
  const body =
    items.length === 0
      ? html`<p class="muted">${t('reportNoSteps')}</p>`
      : html`<ol class="timeline">${fitted.shown}</ol>${more(fitted.hidden, t)}`;
  return html`<section id="timeline" aria-labelledby="timeline-h"><h2 id="timeline-h">${t('reportTimeline')}</h2>${body}</section>`;
}

function environmentSection(ticket: Ticket, t: Translate): Html {
  const rows = environmentRows(ticket, t).map(
    ([label, value]) => html`<tr><th scope="row">${label}</th><td>${clip(value, CLIP.url)}</td></tr>`,
  );
  return html`<section id="environment" aria-labelledby="environment-h"><h2 id="environment-h">${t('reportEnvironment')}</h2><table class="env"><tbody>${rows}</tbody></table></section>`;
}

/** The whole page as a string. The CSP meta comes first so it governs everything after it. */
export function renderReportHtml(ticket: Ticket, options: ReportHtmlOptions): string {
  const { t } = options;
  const dataUrl = options.screenshot?.dataUrl;
  const image = dataUrl && IMAGE_DATA_URL.test(dataUrl) ? dataUrl : undefined;
  const nav: [string, string][] = [
    ['screenshot', t('reportScreenshot')],
    ['console', t('reportConsole')],
    ['requests', t('reportRequests')],
    ['timeline', t('reportTimeline')],
    ['environment', t('reportEnvironment')],
  ];
  const open = html`<!doctype html>
<html lang="${t('reportLang')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('reportTitle', clip(ticket.page.title || ticket.page.url, 80))}</title>
`;
  // REPORT_CSS is a constant of this codebase, not data: it goes in as is (escaping would break it).
  const style = `<style>${REPORT_CSS}</style>\n</head>\n<body>\n<main>\n`;
  const top = html`${summarySection(ticket, t)}
<nav aria-label="${t('reportSections')}">${nav.map(([id, label]) => html`<a href="#${id}">${label}</a>`)}</nav>
${screenshotSection(ticket, image, t)}
`;
  const bottom = html`
${environmentSection(ticket, t)}
</main>
<footer>${t('reportFooter', ticket.environment.extensionVersion, formatDateTime(Date.parse(ticket.createdAt), ticket.environment.utcOffsetMinutes))}</footer>
</body>
</html>
`;
  const fixed =
    [open.text, style, top.text, bottom.text].reduce((sum, part) => sum + utf8.encode(part).length, 0) -
    (image?.length ?? 0);
  const lists = Math.max(0, REPORT_OVERHEAD_MAX - fixed - LIST_CHROME_BYTES);
  const middle = html`${consoleSection(ticket, t, lists * LIST_SHARES.console)}
${requestsSection(ticket, t, lists * LIST_SHARES.requests)}
${timelineSection(ticket, t, lists * LIST_SHARES.timeline)}`;
  return open.text + style + top.text + middle.text + bottom.text;
}
