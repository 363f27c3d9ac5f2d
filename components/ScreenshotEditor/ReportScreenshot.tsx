/**
 * The report page's screenshot: the editor while the report can change, the image as sent once it
 * is queued. Edits are saved into the draft shortly after they are made, so reopening the page
 * shows them; `onEdited` hands the latest to the page for Send and Save as file.
 */
import { useRef, useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import type { EditedScreenshot } from '@/utils/core/annotate/edited';
import type { DomCaptureMode } from '@/utils/background/capture/dom-capture';
import { sendMessage } from '@/utils/extension/messaging';
import type { Draft, DraftScreenshot } from '@/utils/core/model/draft';
import { DomCaptureControls } from './DomCaptureControls';
import { ScreenshotEditor, type EditorImage } from './ScreenshotEditor';
import { captureProblemText } from '@/utils/ui/failure-message';

const SAVE_DELAY_MS = 400;

export interface ReportScreenshotProps {
  draft: Draft;
  /** Queued or sent: the screenshot can no longer change. */
  readOnly: boolean;
  /** undefined: as the draft has it; null: removed. */
  onEdited: (screenshot: EditedScreenshot | undefined) => void;
  /** The draft holds a new screenshot (edited, replaced or removed): what will be sent changed. */
  onStored?: () => void;
}

export function ReportScreenshot({ draft, readOnly, onEdited, onStored }: ReportScreenshotProps) {
  const [base, setBase] = useState<DraftScreenshot | null>(draft.screenshot);
  const [generation, setGeneration] = useState(0);
  const [shot, setShot] = useState<EditedScreenshot | undefined>(undefined);
  const pending = useRef<{ value: EditedScreenshot; timer: ReturnType<typeof setTimeout> } | null>(null);

  async function saveNow() {
    const waiting = pending.current;
    if (!waiting) return;
    clearTimeout(waiting.timer);
    pending.current = null;
    await sendMessage('saveScreenshot', { draftId: draft.id, screenshot: waiting.value });
    onStored?.();
  }

  function edited(next: EditedScreenshot | undefined) {
    setShot(next);
    onEdited(next);
  }

  function onChange(result: EditorImage | null) {
    // The capture's own facts (mode, masked fields) stay with the edited image.
    const next = result && base ? { ...base, ...result } : null;
    edited(next);
    if (pending.current) clearTimeout(pending.current.timer);
    // Send and Save as file carry the page's own copy (onEdited): a save that fails only loses the
    // edit for a reopened page.
    pending.current = { value: next, timer: setTimeout(() => void saveNow().catch(() => undefined), SAVE_DELAY_MS) };
  }

  async function capture(mode: DomCaptureMode) {
    // An edit still waiting to be saved goes first, so a failed capture leaves it in the draft.
    await saveNow();
    return sendMessage('captureDom', { draftId: draft.id, mode });
  }

  function onCaptured(screenshot: DraftScreenshot) {
    setBase(screenshot);
    edited(undefined);
    setGeneration((g) => g + 1); // a fresh editor: marks drawn on the old image do not fit the new one
    onStored?.();
  }

  const current = shot === undefined ? base : shot;
  const missing =
    shot === null || draft.screenshotRemoved
      ? t('editorRemovedLong')
      : t('composeNoScreenshot', captureProblemText(draft.screenshotProblem ?? 'other'));
  if (readOnly)
    return current ? <img class="shot-sent" src={current.dataUrl} alt={t('composeScreenshotAlt')} /> : <p>{missing}</p>;
  return (
    <>
      {base ? <ScreenshotEditor key={generation} image={base} onChange={onChange} /> : <p>{missing}</p>}
      {/* An organisation that collects no screenshot gets no capture of any kind. */}
      {!draft.notCollected?.includes('screenshot') && <DomCaptureControls capture={capture} onCaptured={onCaptured} />}
    </>
  );
}
