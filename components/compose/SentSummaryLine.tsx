/**
 * "Screenshot · 3 console messages · 2 failed requests · 1 step · browser details — Review": what
 * will be sent, counted from the preview the review shows (never a count of its own), with the
 * review one click away.
 */
import { t } from '@/utils/extension/i18n';
import type { MessageKey } from '@/utils/core/i18n';
import type { PreviewResult } from '@/utils/extension/messaging';
import { sentSummary, summaryParts, type SummaryPart } from '@/utils/core/report/sent-summary';
import { Icon } from '../shared/Icon';

const COUNTED: Record<'console' | 'network' | 'steps', [one: MessageKey, many: MessageKey]> = {
  console: ['composeSentConsoleOne', 'composeSentConsoleMany'],
  network: ['composeSentNetworkOne', 'composeSentNetworkMany'],
  steps: ['composeSentStepsOne', 'composeSentStepsMany'],
};

function partText(part: SummaryPart): string {
  if (!('count' in part)) return t(part.kind === 'screenshot' ? 'composeSentScreenshot' : 'composeSentEnvironment');
  const [one, many] = COUNTED[part.kind];
  return part.count === 1 ? t(one) : t(many, part.count);
}

function summaryText(result: PreviewResult | null): string {
  if (!result) return t('composeSentLoading');
  // The review says what went wrong.
  if (!result.ok) return '';
  const parts = summaryParts(sentSummary(result.preview)).map(partText);
  return parts.length ? parts.join(' · ') : t('composeSentOnlyDescription');
}

export function SentSummaryLine({ result, onReview }: { result: PreviewResult | null; onReview: () => void }) {
  return (
    <p class="sent-line">
      <span class="sent-label">{t('composeSentLabel')}</span>
      <span id="sent-summary">{summaryText(result)}</span>
      {' — '}
      <button type="button" class="link" aria-label={t('composeSentReviewName')} onClick={onReview}>
        <Icon name="review" />
        {t('composeSentReview')}
      </button>
    </p>
  );
}
