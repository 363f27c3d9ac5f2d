import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import { sendMessage, type PreviewResult } from '@/utils/extension/messaging';
import { NO_EXCLUSIONS, type EntryList, type Exclusions } from '@/utils/core/report/exclusions';
import type { ReportSection } from '@/utils/core/model/ticket';
import { ReviewBody } from './ReviewBody';
import './review.css';

/** Typing pauses this long before the preview follows the description. */
const PREVIEW_DELAY_MS = 500;

export interface ReviewActions {
  include(section: ReportSection, include: boolean): void;
  remove(list: EntryList, index: number): void;
  putBack(list: EntryList): void;
}

/**
 * "What will be sent": the report as the background builds it for Send, shown as text. The
 * person's choices are stored in the draft, so Send and Save as file leave out the same.
 */
export interface ReviewPanelProps {
  draftId: string;
  description: string;
  /** Changes the preview too: the requester is part of what is sent. */
  requester?: { email: string; name: string };
  final: boolean;
  /** Changes when the draft changed elsewhere on the page (the screenshot edited, replaced, removed). */
  revision?: number;
  /** Each preview shown, so the page's summary line counts exactly what the review shows. */
  onPreview?: (result: PreviewResult) => void;
}

export function ReviewPanel({ draftId, description, requester, final, revision, onPreview }: ReviewPanelProps) {
  const [result, setResult] = useState<PreviewResult | null>(null);
  // The description the shown preview was made from: typing runs ahead of it.
  const [previewed, setPreviewed] = useState('');
  const [chosen, setChosen] = useState<Exclusions | null>(null);
  const chosenNow = useRef<Exclusions | null>(null);
  const descriptionNow = useRef(description);
  descriptionNow.current = description;
  const requesterNow = useRef(requester);
  requesterNow.current = requester;
  // Answers can arrive out of order; only the latest request's answer is shown.
  const latestRequest = useRef(0);

  async function refresh() {
    const request = ++latestRequest.current;
    const typed = descriptionNow.current;
    const next = await sendMessage('previewReport', {
      draftId,
      description: typed,
      requester: requesterNow.current,
    }).catch((error: Error): PreviewResult => ({ ok: false, detail: error.message }));
    if (request !== latestRequest.current) return;
    if (next.ok && !chosenNow.current) choose(next.preview.exclusions, false);
    setResult(next);
    setPreviewed(typed);
    onPreview?.(next);
  }

  useEffect(() => {
    const timer = setTimeout(() => void refresh(), result ? PREVIEW_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [draftId, description, requester?.email, requester?.name, final, revision]);

  function choose(next: Exclusions, store = true) {
    chosenNow.current = next;
    setChosen(next);
    if (!store) return;
    const showStored = () => {
      // Not stored: show again the choices the draft really holds.
      chosenNow.current = null;
      return refresh();
    };
    void sendMessage('setExclusions', { draftId, exclusions: next }).then(refresh, showStored);
  }

  // Each change starts from the latest choices, not the last render's: clicks can come faster.
  const current = () => chosenNow.current ?? NO_EXCLUSIONS;
  const actions: ReviewActions = {
    include: (section, include) => {
      const others = current().sections.filter((s) => s !== section);
      choose({ ...current(), sections: include ? others : [...others, section] });
    },
    remove: (list, index) => choose({ ...current(), [list]: [...new Set([...current()[list], index])] }),
    putBack: (list) => choose({ ...current(), [list]: [] }),
  };

  return (
    <section class="review" id="review" aria-labelledby="review-h" tabIndex={-1}>
      <h2 id="review-h">{t('reviewHeading')}</h2>
      <p class="hint">{t(final ? 'reviewFinal' : 'reviewIntro')}</p>
      {!result && <p class="muted">{t('reviewLoading')}</p>}
      {result && !result.ok && <p role="alert">{t('reviewProblem', result.detail)}</p>}
      {result?.ok && (
        <ReviewBody
          preview={result.preview}
          chosen={chosen ?? result.preview.exclusions}
          typed={previewed}
          final={final || result.preview.final}
          actions={actions}
        />
      )}
    </section>
  );
}
