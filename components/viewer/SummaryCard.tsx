import { t } from '@/utils/extension/i18n';
import type { Ticket } from '@/utils/core/model/ticket';
import { captureNotes, summaryFacts } from '@/utils/core/ticket/summary-facts';

/** The same first card as report.html: what, where, when, browser/OS, counts, top errors. */
export function SummaryCard({ ticket }: { ticket: Ticket }) {
  const facts = summaryFacts(ticket, t);
  const notes = captureNotes(ticket, t);
  const reporter = [ticket.reporter?.name, ticket.reporter?.email].filter(Boolean).join(' · ');
  return (
    <section class="summary" id="summary" aria-labelledby="summary-h">
      <div class="kicker">
        <b>{t('extName')}</b> · {t('reportHeading')} · <span class="mono">{ticket.id}</span>
      </div>
      <h2 id="summary-h">{t('reportWhatWentWrong')}</h2>
      <p class="desc">{ticket.description}</p>
      <dl class="facts">
        <dt>{t('reportWhere')}</dt>
        <dd>
          {ticket.page.title && (
            <>
              {ticket.page.title}
              <br />
            </>
          )}
          <span class="url">{ticket.page.url}</span>
        </dd>
        <dt>{t('reportWhen')}</dt>
        <dd>{facts.when}</dd>
        <dt>{t('reportBrowserOs')}</dt>
        <dd>{facts.browserOs}</dd>
        {reporter && (
          <>
            <dt>{t('reportReporter')}</dt>
            <dd>{reporter}</dd>
          </>
        )}
        {ticket.category && (
          <>
            <dt>{t('reportCategory')}</dt>
            <dd>{ticket.category}</dd>
          </>
        )}
        {ticket.urgency && (
          <>
            <dt>{t('reportUrgency')}</dt>
            <dd>{ticket.urgency}</dd>
          </>
        )}
      </dl>
      <ul class="counts">
        {facts.counts.map((c) => (
          <li key={c.label} class={c.hot ? 'hot' : undefined}>
            <b>{c.value}</b>
            {c.label}
          </li>
        ))}
      </ul>
      {facts.topErrors.length > 0 && (
        <>
          <h3>{t('reportTopErrors')}</h3>
          <ol class="top">
            {facts.topErrors.map((e) => (
              <li key={e.message}>
                <span class="mono">{e.message}</span>
                {e.count > 1 && <span class="times"> ×{e.count}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
      {notes.length > 0 && (
        <div class="notes">
          {notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
      )}
    </section>
  );
}
