import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import { sendMessage, type OutboxOverview, type ReportStatus } from '@/utils/extension/messaging';
import { failureMessage } from '@/utils/ui/failure-message';

const POLL_MS = 2000;

/** Said after the state of a report that went (or is going) over plain http: by the admin's exception. */
function Unencrypted({ report }: { report: ReportStatus }) {
  return report.unencrypted ? <span class="unencrypted"> · {t('popupUnencrypted')}</span> : null;
}

function StateText({ report }: { report: ReportStatus }) {
  switch (report.state) {
    case 'sent':
      return (
        <span class="state">
          {t('popupStateSent')}
          {report.receipt && ' · '}
          {report.receipt?.url ? (
            <a href={report.receipt.url} target="_blank" rel="noopener noreferrer">
              {t('popupTicket', report.receipt.id)}
            </a>
          ) : (
            report.receipt && t('popupTicket', report.receipt.id)
          )}
          <Unencrypted report={report} />
        </span>
      );
    case 'failed':
      return (
        <span class="state failed">
          {t('popupStateFailed')}: {report.lastFailure ? failureMessage(report.lastFailure) : ''}
          <Unencrypted report={report} />
        </span>
      );
    case 'sending':
      return (
        <span class="state">
          {t('popupStateSending')}
          <Unencrypted report={report} />
        </span>
      );
    case 'queued':
      return (
        <span class="state">
          {t('popupStateQueued')}
          <Unencrypted report={report} />
        </span>
      );
  }
}

/** The outbox as the person sees it: the last reports, their state, the ticket once sent. */
export function RecentReports() {
  const [overview, setOverview] = useState<OutboxOverview | null>(null);

  // A list the background does not answer for stays as it was until the next poll.
  const load = () => sendMessage('listReports').then(setOverview, () => undefined);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, []);

  if (!overview || !overview.reports.length) return null;
  async function retry(id: string) {
    // Unanswered, the report stays failed with its Retry button.
    await sendMessage('retryReport', id).catch(() => undefined);
    await load();
  }
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('popupRecent')}</h2>
      {overview.nearlyFull && (
        <p role="alert" class="status bad">
          {t('popupNearlyFull')}
        </p>
      )}
      <ul class="reports">
        {overview.reports.map((report) => (
          <li key={report.id}>
            <span class="what" title={report.summary.description}>
              {report.summary.description}
            </span>
            <StateText report={report} />
            {report.state === 'failed' && (
              <button
                type="button"
                class="secondary"
                onClick={() => void retry(report.id)}
                aria-label={`${t('popupRetry')}: ${report.summary.description}`}
              >
                {t('popupRetry')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
