import type { ComponentChildren } from 'preact';
import { t } from '@/utils/extension/i18n';
import { SECTION_KEYS } from '@/utils/core/ticket/labels';
import type { ReportSection } from '@/utils/core/model/ticket';

export type SectionState = 'included' | 'left-out' | 'not-collected';

interface Props {
  section: ReportSection;
  state: SectionState;
  /** The switch's label: "Include console messages". */
  includeLabel: string;
  count?: number;
  /** The report is in the outbox: nothing can change any more. */
  final: boolean;
  onInclude: (include: boolean) => void;
  children: ComponentChildren;
}

/** One part of the report with its switch; what the organisation does not collect has none. */
export function ReviewSection({ section, state, includeLabel, count, final, onInclude, children }: Props) {
  return (
    <fieldset class="review-section">
      <legend>
        {t(SECTION_KEYS[section])}
        {state === 'included' && count !== undefined && ` (${count})`}
      </legend>
      {state === 'not-collected' ? (
        <p class="muted">{t('reviewNotCollected')}</p>
      ) : (
        <>
          <label class="switch">
            <input
              type="checkbox"
              checked={state === 'included'}
              disabled={final}
              onChange={(e) => onInclude((e.target as HTMLInputElement).checked)}
            />
            {includeLabel}
          </label>
          {state === 'included' ? children : <p class="muted">{t('reviewLeftOut')}</p>}
        </>
      )}
    </fieldset>
  );
}
