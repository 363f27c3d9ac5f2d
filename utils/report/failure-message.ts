import type { DeliveryFailure } from '../delivery/errors';
import { t } from '../i18n';
import type { ReportStatus } from './submit';

/** Why a send failed, as one sentence for the person. */
export function failureMessage(failure: DeliveryFailure): string {
  switch (failure.kind) {
    case 'no-endpoint':
      return t('failureNoEndpoint');
    case 'network':
      return t('failureNetwork', failure.detail);
    case 'timeout':
      return t('failureTimeout', failure.seconds);
    case 'unauthorized':
      return t('failureUnauthorized', failure.status);
    case 'rejected':
      return t('failureRejected', failure.status, failure.detail);
    case 'too-large':
      return t('failureTooLarge');
    case 'server':
      return t('failureServer', failure.status);
    case 'bad-reply':
      return t('failureBadReply', failure.detail);
    case 'invalid-report':
      return t('failureInvalidReport', failure.detail);
    case 'draft-missing':
      return t('failureDraftMissing');
  }
}

/** Where a report stands, as the report page says it. */
export function statusMessage(status: ReportStatus): string {
  const reason = status.lastFailure ? failureMessage(status.lastFailure) : '';
  switch (status.state) {
    case 'sent':
      return t('statusSent', status.receipt?.id ?? '');
    case 'failed':
      return t('statusFailed', reason);
    case 'queued':
      return reason ? t('statusQueued', reason) : t('statusSending');
    case 'sending':
      return t('statusSending');
  }
}
