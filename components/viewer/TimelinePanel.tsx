import { t } from '@/utils/extension/i18n';
import { byPage, requestOutcome, timeline, type TimelineItem } from '@/utils/core/ticket/facts';
import { formatClock } from '@/utils/core/ticket/format';
import { STEP_KEYS } from '@/utils/core/ticket/labels';
import type { Ticket } from '@/utils/core/model/ticket';

function What({ item }: { item: TimelineItem }) {
  if (item.kind === 'step') {
    const { step } = item;
    return (
      <>
        <span>{t(STEP_KEYS[step.kind])}</span>
        <div>
          {step.label}
          {step.how && <span class="badge"> {step.how}</span>}
          {step.selector && <div class="src">{step.selector}</div>}
        </div>
      </>
    );
  }
  if (item.kind === 'request') {
    const { request } = item;
    return (
      <>
        <span>{t('timelineRequest')}</span>
        <div>
          <span class="mono">{request.method}</span> <span class="url">{request.url}</span> — {requestOutcome(request)}
          {request.count > 1 && <span class="times"> ×{request.count}</span>}
        </div>
      </>
    );
  }
  return (
    <>
      <span>{t('timelineError')}</span>
      <div>
        <pre>{item.entry.message}</pre>
      </div>
    </>
  );
}

/** Steps, failed requests and errors on one timeline, as they happened. */
export function TimelinePanel({ ticket }: { ticket: Ticket }) {
  const items = timeline(ticket);
  return (
    <section id="timeline" aria-labelledby="timeline-h">
      <h2 id="timeline-h">{t('reportTimeline')}</h2>
      {items.length === 0 ? (
        <p class="muted">{t('reportNoSteps')}</p>
      ) : (
        <ol class="timeline">
          {items.map((item, i) => (
            <li key={i} class={`tl-${item.kind}`}>
              <span class="mono">{formatClock(item.time, ticket.environment.utcOffsetMinutes, true)}</span>
              <What item={item} />
              {byPage(item) && <span class="badge by-page">{t('reportByPage')}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
