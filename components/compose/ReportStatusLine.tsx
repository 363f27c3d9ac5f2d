import { t } from '@/utils/extension/i18n';
import { failureMessage, statusMessage } from '@/utils/ui/failure-message';
import type { DeliveryFailure } from '@/utils/core/delivery/errors';
import type { ReportStatus } from '@/utils/core/report/submit';

export type ComposeStatus =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'report'; status: ReportStatus }
  | { kind: 'problem'; failure: DeliveryFailure }
  | { kind: 'saved'; filename: string };

/** The report page's one live region: sending, sent with its reference, queued, failed, saved. */
export function ReportStatusLine({ status }: { status: ComposeStatus }) {
  const state = status.kind === 'report' ? status.status.state : undefined;
  const tone =
    state === 'sent' || status.kind === 'saved' ? ' ok' : state === 'failed' || status.kind === 'problem' ? ' bad' : '';
  const receipt = status.kind === 'report' && state === 'sent' ? status.status.receipt : undefined;
  return (
    <div role="status" class={`status${tone}`}>
      {status.kind === 'busy' && t('statusSending')}
      {status.kind === 'report' && statusMessage(status.status)}
      {status.kind === 'report' && status.status.unencrypted && ` ${t('statusUnencrypted')}`}
      {status.kind === 'problem' && failureMessage(status.failure)}
      {status.kind === 'saved' && t('composeSavedFile', status.filename)}
      {receipt?.url && (
        <>
          {' '}
          <a href={receipt.url} target="_blank" rel="noopener noreferrer">
            {t('composeOpenTicket', receipt.id)}
          </a>
        </>
      )}
    </div>
  );
}
