/** How each entry reads in the review panel: every field that leaves, as plain text. */
import { t } from '@/utils/extension/i18n';
import { requestOutcome } from '@/utils/core/ticket/facts';
import type { ConsoleEntry, NetworkEntry, StepEntry } from '@/utils/core/wire/page-protocol';
import { KIND_KEYS, STEP_KEYS } from '@/utils/core/ticket/labels';

export function ConsoleText({ entry }: { entry: ConsoleEntry }) {
  const kind = KIND_KEYS[entry.kind];
  return (
    <>
      <span class="badge">{entry.level}</span>
      {kind && <span class="badge">{t(kind)}</span>}
      {entry.count > 1 && <span class="muted"> ×{entry.count}</span>}
      <pre>{entry.message}</pre>
      {entry.source && <pre class="muted">{entry.source}</pre>}
      {entry.stack && (
        <details>
          <summary>{t('reportStack')}</summary>
          <pre>{entry.stack}</pre>
        </details>
      )}
    </>
  );
}

export function RequestText({ entry }: { entry: NetworkEntry }) {
  return (
    <pre>
      {entry.method} {entry.url} — {requestOutcome(entry)}
      {entry.count > 1 && ` ×${entry.count}`}
    </pre>
  );
}

export function StepText({ entry }: { entry: StepEntry }) {
  return (
    <>
      <span class="badge">{t(STEP_KEYS[entry.kind])}</span>
      <pre>{entry.label}</pre>
      {entry.selector && <pre class="muted">{entry.selector}</pre>}
    </>
  );
}
