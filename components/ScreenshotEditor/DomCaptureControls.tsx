/**
 * "Capture the whole page" and "Capture one element": the background renders the reported tab
 * from its DOM and answers with the new screenshot, or with why there is none (said in plain words).
 */
import { useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import type { DomCaptureMode, DomCaptureResult } from '@/utils/background/capture/dom-capture';
import type { DraftScreenshot } from '@/utils/core/model/draft';

export interface DomCaptureControlsProps {
  capture: (mode: DomCaptureMode) => Promise<DomCaptureResult>;
  onCaptured: (screenshot: DraftScreenshot) => void;
}

function captureMessage(result: DomCaptureResult): string {
  if (result.ok) return t('composeCaptureDone', result.screenshot.width, result.screenshot.height);
  switch (result.problem) {
    case 'timeout':
      return t(result.kept ? 'composeCaptureTimeout' : 'composeCaptureTimeoutNone', result.seconds);
    case 'cancelled':
      return t('composeCaptureCancelled');
    case 'gone':
      return t('composeCaptureGone');
    case 'sent':
      return t('composeCaptureSent');
    case 'disabled':
      return t('composeCaptureDisabled');
    case 'draft-missing':
      return t('composeDraftMissing');
    case 'failed':
      return t('composeCaptureFailed', result.detail);
  }
}

export function DomCaptureControls({ capture, onCaptured }: DomCaptureControlsProps) {
  const [busy, setBusy] = useState<DomCaptureMode | null>(null);
  const [message, setMessage] = useState('');

  async function run(mode: DomCaptureMode) {
    setBusy(mode);
    setMessage(t(mode === 'full-page' ? 'composeCapturingPage' : 'composeCapturingElement'));
    let result: DomCaptureResult;
    try {
      result = await capture(mode);
    } catch (error) {
      result = { ok: false, problem: 'failed', detail: String((error as Error)?.message ?? error) };
    }
    if (result.ok) onCaptured(result.screenshot);
    setMessage(captureMessage(result));
    setBusy(null);
  }

  return (
    <div class="shot-capture">
      <div class="actions">
        <button type="button" class="secondary" disabled={busy !== null} onClick={() => void run('full-page')}>
          {t('composeCaptureFullPage')}
        </button>
        <button type="button" class="secondary" disabled={busy !== null} onClick={() => void run('element')}>
          {t('composeCaptureElement')}
        </button>
      </div>
      <p class="hint">{t('composeCaptureHint')}</p>
      <p class="shot-live" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
