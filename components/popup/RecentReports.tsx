import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import { sendMessage, type OutboxOverview, type ReportStatus } from '@/utils/extension/messaging';
import { failureMessage } from '@/utils/ui/failure-message';
import { openReportPage, reportPageUrl } from '@/utils/ui/open-report-page';
import { replyByline, statusText } from '@/utils/ui/follow-up-text';

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

const REPLY_CHARS = 300;

/** The helpdesk's status of a sent ticket and its latest public reply. */
function FollowUpLines({ report, isNew }: { report: ReportStatus; isNew: boolean }) {
  const followUp = report.followUp;
  if (!followUp) return null;
  const latest = followUp.replies.at(-1);
  return (
    <div class="follow-up">
      <span class="state">{t('popupHelpdeskStatus', statusText(followUp.status))}</span>
      {latest && (
        <figure class="reply">
          <figcaption class="muted">
            {isNew && <strong class="new">{t('popupNewLabel')} </strong>}
            {t('popupLatestReply')} · {replyByline(latest.author, latest.at)}
          </figcaption>
          <blockquote style={{ whiteSpace: 'pre-line' }}>
            {latest.text.length > REPLY_CHARS ? `${latest.text.slice(0, REPLY_CHARS - 1)}…` : latest.text}
          </blockquote>
        </figure>
      )}
    </div>
  );
}

/** The outbox as the person sees it: the last reports, their state, the ticket once sent. */
export function RecentReports() {
  const [overview, setOverview] = useState<OutboxOverview | null>(null);
  // Reports with replies that were new when the popup opened: marked "New" while it stays open.
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');

  // A list the background does not answer for stays as it was until the next poll.
  const load = () =>
    sendMessage('listReports').then(
      (next) => {
        setOverview(next);
        const unread = next.reports.filter((r) => (r.followUp?.unread ?? 0) > 0);
        if (!unread.length) return;
        setFresh((old) => new Set([...old, ...unread.map((r) => r.id)]));
        const latest = unread[0].followUp!.replies.at(-1);
        setAnnouncement(t('popupNewReplies', latest?.author || unread[0].summary.description.slice(0, 60)));
        void sendMessage(
          'markRepliesRead',
          unread.map((r) => r.id),
        );
      },
      () => undefined,
    );
  useEffect(() => {
    // Opening the popup asks the helpdesk at once (the background throttles repeated asks); what
    // a check brings is shown as soon as it ends, not at the next poll.
    const ask = () => sendMessage('checkReplies').then(load, () => undefined);
    void load();
    void ask();
    const timer = setInterval(() => {
      void load();
      void ask();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, []);

  if (!overview || !overview.reports.length)
    return (
      <p aria-live="polite" class="status">
        {announcement}
      </p>
    );
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
      <p aria-live="polite" class="status">
        {announcement}
      </p>
      <ul class="reports">
        {overview.reports.map((report) => (
          <li key={report.id}>
            <span class="what" title={report.summary.description}>
              {report.summary.description}
            </span>
            <StateText report={report} />
            {report.state === 'sent' && <FollowUpLines report={report} isNew={fresh.has(report.id)} />}
            {report.state === 'sent' && report.followUp && (
              <a
                href={reportPageUrl(report.draftId)}
                onClick={(event) => {
                  event.preventDefault();
                  void openReportPage(report.draftId);
                }}
              >
                {t('popupOpenConversation')}
              </a>
            )}
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
