import type { CaptureProblem } from '../core/capture/restricted';
import type { DeliveryFailure } from '../core/delivery/errors';
import { t } from '../extension/i18n';
import type { MessageKey } from '../core/i18n';
import type { ReportStatus } from '../core/report/submit';

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

const CAPTURE_PROBLEMS: Record<CaptureProblem, MessageKey> = {
  'browser-page': 'captureProblem_browser_page',
  store: 'captureProblem_store',
  'extension-page': 'captureProblem_extension_page',
  pdf: 'captureProblem_pdf',
  'view-source': 'captureProblem_view_source',
  file: 'captureProblem_file',
  policy: 'captureProblem_policy',
  unscannable: 'captureProblem_unscannable',
  disabled: 'captureProblem_disabled',
  other: 'captureProblem_other',
};

/** Why there is no screenshot, as the clause the report page puts in its sentence. */
export function captureProblemText(problem: CaptureProblem): string {
  return t(CAPTURE_PROBLEMS[problem] ?? 'captureProblem_other');
}
