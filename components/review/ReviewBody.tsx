import type { ComponentChildren } from 'preact';
import { t } from '@/utils/extension/i18n';
import type { MessageKey } from '@/utils/core/i18n';
import type { EntryList as ListName, Exclusions } from '@/utils/core/report/exclusions';
import type { ReportPreview } from '@/utils/core/report/preview';
import type { ReportSection } from '@/utils/core/model/ticket';
import { EnvironmentTable } from '../shared/EnvironmentTable';
import { ConsoleText, RequestText, StepText } from './entries';
import { EntryList } from './EntryList';
import type { ReviewActions } from './ReviewPanel';
import { ReviewSection, type SectionState } from './ReviewSection';

interface Props {
  preview: ReportPreview;
  chosen: Exclusions;
  /** The description the preview was made from, to show what redaction changes in it. */
  typed: string;
  /** Nothing can change any more: the report is in the outbox (maybe before the preview says so). */
  final: boolean;
  actions: ReviewActions;
}

const LIST_KEYS: Record<ListName, { remove: MessageKey; putBack: MessageKey }> = {
  console: { remove: 'reviewRemoveConsole', putBack: 'reviewPutBackConsole' },
  network: { remove: 'reviewRemoveNetwork', putBack: 'reviewPutBackNetwork' },
  steps: { remove: 'reviewRemoveSteps', putBack: 'reviewPutBackSteps' },
};

/** Every part of the ticket that leaves, as text: Preact escapes it, nothing is parsed as HTML. */
export function ReviewBody({ preview, chosen, typed, final, actions }: Props) {
  const { ticket, screenshot, kept, notCollected } = preview;
  const state = (section: ReportSection): SectionState =>
    notCollected.includes(section) ? 'not-collected' : chosen.sections.includes(section) ? 'left-out' : 'included';
  const section = (name: ReportSection, includeLabel: MessageKey) => ({
    section: name,
    state: state(name),
    includeLabel: t(includeLabel),
    final,
    onInclude: (include: boolean) => actions.include(name, include),
  });
  const list = <T,>(name: ListName, entries: T[], render: (entry: T) => ComponentChildren) => (
    <EntryList
      entries={entries}
      kept={kept[name]}
      render={render}
      removeLabel={(n) => t(LIST_KEYS[name].remove, n)}
      removed={chosen[name].length}
      putBackLabel={t(LIST_KEYS[name].putBack)}
      final={final}
      onRemove={(index) => actions.remove(name, index)}
      onPutBack={() => actions.putBack(name)}
    />
  );
  const redactions = Object.entries(ticket.capture.redactions ?? {}).map(([kind, n]) => `${kind} ${n}`);
  const redactedDescription = typed.trim() && ticket.description !== typed.trim();

  return (
    <>
      <p>
        <strong>{t('summaryField', t('reviewPageSent'))}</strong>{' '}
        <span class="review-text">{[ticket.page.title, ticket.page.url].filter(Boolean).join(' — ')}</span>
      </p>
      {ticket.reporter && (
        <p>
          <strong>{t('summaryField', t('reviewRequesterSent'))}</strong>{' '}
          <span class="review-text">{[ticket.reporter.name, ticket.reporter.email].filter(Boolean).join(' · ')}</span>
        </p>
      )}
      {redactedDescription && (
        <>
          <p>{t('reviewDescriptionChanged')}</p>
          <pre>{ticket.description}</pre>
        </>
      )}
      {redactions.length > 0 && <p class="muted">{t('reviewRedactions', redactions.join(', '))}</p>}
      <ReviewSection {...section('screenshot', 'reviewIncludeScreenshot')}>
        {screenshot ? (
          <details>
            <summary>{t('reviewShowScreenshot')}</summary>
            <img src={`data:${screenshot.contentType};base64,${screenshot.data}`} alt={t('reviewScreenshotAlt')} />
          </details>
        ) : (
          <p class="muted">{t('reportNoScreenshot')}</p>
        )}
      </ReviewSection>
      <ReviewSection {...section('console', 'reviewIncludeConsole')} count={ticket.console.length}>
        {list('console', ticket.console, (entry) => (
          <ConsoleText entry={entry} />
        ))}
      </ReviewSection>
      <ReviewSection {...section('network', 'reviewIncludeNetwork')} count={ticket.network?.length ?? 0}>
        {list('network', ticket.network ?? [], (entry) => (
          <RequestText entry={entry} />
        ))}
      </ReviewSection>
      <ReviewSection {...section('steps', 'reviewIncludeSteps')} count={ticket.steps?.length ?? 0}>
        {list('steps', ticket.steps ?? [], (entry) => (
          <StepText entry={entry} />
        ))}
      </ReviewSection>
      <ReviewSection {...section('environment', 'reviewIncludeEnvironment')}>
        <details>
          <summary>{t('reviewShowDetails')}</summary>
          <EnvironmentTable ticket={ticket} class="review-env" />
        </details>
      </ReviewSection>
    </>
  );
}
