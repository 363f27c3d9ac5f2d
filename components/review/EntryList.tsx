import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';

interface Props<T> {
  entries: T[];
  /** The collected index of each entry shown, which is what a removal names. */
  kept: number[];
  render: (entry: T) => ComponentChildren;
  /** "Remove console message 3", for the n-th entry shown. */
  removeLabel: (n: number) => string;
  removed: number;
  putBackLabel: string;
  final: boolean;
  onRemove: (index: number) => void;
  onPutBack: () => void;
}

/** A list as it will be sent, each entry with its Remove button, and a way to undo removals. */
export function EntryList<T>({
  entries,
  kept,
  render,
  removeLabel,
  removed,
  putBackLabel,
  final,
  onRemove,
  onPutBack,
}: Props<T>) {
  // Kept here so the list stays open while entries go and come back.
  const [open, setOpen] = useState(false);
  return (
    <>
      {entries.length === 0 && removed === 0 && <p class="muted">{t('reviewNothing')}</p>}
      {entries.length > 0 && (
        <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t('reviewShowEntries', entries.length)}</summary>
          <ol class="review-entries">
            {entries.map((entry, i) => (
              <li key={kept[i]}>
                <div class="review-entry">{render(entry)}</div>
                {!final && (
                  <button
                    type="button"
                    class="secondary"
                    aria-label={removeLabel(i + 1)}
                    onClick={() => onRemove(kept[i])}
                  >
                    {t('reviewRemove')}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </details>
      )}
      {removed > 0 && (
        <p class="muted">
          {t('reviewRemoved', removed)}{' '}
          {!final && (
            <button type="button" class="secondary" onClick={onPutBack}>
              {putBackLabel}
            </button>
          )}
        </p>
      )}
    </>
  );
}
