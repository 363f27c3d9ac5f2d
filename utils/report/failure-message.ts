import type { DeliveryFailure } from '../delivery/errors';
import { t } from '../i18n';

/** The person-facing sentence for each way a send can fail. */
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
