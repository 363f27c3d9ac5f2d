import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/extension';
import type { Draft, Receipt } from '@/utils/report/draft';
import { failureMessage } from '@/utils/report/failure-message';
import type { ReportChoices, ReportForm } from '@/utils/settings/report-form';
import { OrganisationNote, ReportChoiceFields, missingChoices } from './ReportChoices';

type Status =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'sent'; receipt: Receipt }
  | { kind: 'failed'; text: string };

const SAVE_DELAY_MS = 400;

function StatusLine({ status }: { status: Status }) {
  const tone = status.kind === 'sent' ? ' ok' : status.kind === 'failed' ? ' bad' : '';
  return (
    <div role="status" class={`status${tone}`}>
      {status.kind === 'sending' && t('composeSending')}
      {status.kind === 'sent' && (
        <>
          {t('composeSent', status.receipt.id)}
          {status.receipt.url && (
            <>
              {' '}
              <a href={status.receipt.url} target="_blank" rel="noopener noreferrer">
                {t('composeOpenTicket', status.receipt.id)}
              </a>
            </>
          )}
        </>
      )}
      {status.kind === 'failed' && (
        <>
          {status.text} {t('composeKept')}
        </>
      )}
    </div>
  );
}

export function ComposePage({ draftId }: { draftId: string }) {
  const [draft, setDraft] = useState<Draft | null | undefined>(undefined);
  const [description, setDescription] = useState('');
  const [missing, setMissing] = useState(false);
  // Admin settings: the organisation's words, lists and required choices.
  const [reportForm, setReportForm] = useState<ReportForm | null>(null);
  const [choices, setChoices] = useState<ReportChoices>({});
  const [missingChoice, setMissingChoice] = useState<('category' | 'urgency')[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    document.title = t('composeTitle');
    sendMessage('getDraft', draftId).then((loaded) => {
      setDraft(loaded);
      if (!loaded) return;
      setDescription(loaded.description);
      setChoices({ category: loaded.category, urgency: loaded.urgency });
      if (loaded.sent) setStatus({ kind: 'sent', receipt: loaded.sent });
    });
    sendMessage('getReportForm', undefined).then(setReportForm, () => setReportForm(null));
  }, [draftId]);

  if (draft === undefined) return <main style={{ padding: '1.5rem' }}>{t('composeLoading')}</main>;
  if (draft === null) return <main style={{ padding: '1.5rem' }}><p role="alert">{t('composeDraftMissing')}</p></main>;

  function onInput(value: string) {
    setDescription(value);
    if (value.trim()) setMissing(false);
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => sendMessage('saveDescription', { draftId, description: value }), SAVE_DELAY_MS);
  }

  async function send(event: Event) {
    event.preventDefault();
    const unchosen = reportForm ? missingChoices(choices, reportForm) : [];
    setMissingChoice(unchosen);
    if (!description.trim()) setMissing(true);
    if (!description.trim() || unchosen.length) return;
    clearTimeout(saveTimer.current);
    setStatus({ kind: 'sending' });
    const result = await sendMessage('submitReport', { draftId, description, ...choices }).catch((error: Error) => ({
      ok: false as const,
      failure: { kind: 'network' as const, retryable: true as const, detail: error.message },
    }));
    setStatus(result.ok ? { kind: 'sent', receipt: result.receipt } : { kind: 'failed', text: failureMessage(result.failure) });
  }

  const consoleCount = draft.context?.recorder?.console.length ?? 0;
  const done = status.kind === 'sent';
  return (
    <main style={{ padding: '1.5rem', maxWidth: '60rem', margin: '0 auto' }}>
      <h1>{t('composeTitle')}</h1>
      {reportForm && <OrganisationNote form={reportForm} />}
      <p class="muted">
        {t('composePageLabel')}: {draft.page.title ? `${draft.page.title} — ` : ''}
        {draft.page.url}
      </p>
      {draft.screenshot ? (
        <img
          src={draft.screenshot.dataUrl}
          alt={t('composeScreenshotAlt')}
          style={{ maxWidth: '100%', border: '1px solid var(--border)', borderRadius: '6px' }}
        />
      ) : (
        <p>{t('composeNoScreenshot', draft.screenshotProblem ?? '')}</p>
      )}
      <p class="muted">{t('composeConsoleCount', consoleCount)}</p>
      <form onSubmit={send} noValidate>
        <div class="field">
          <label for="description">{t('composeDescriptionLabel')}</label>
          <p class="hint" id="description-hint">{t('composeDescriptionHint')}</p>
          <textarea
            id="description"
            value={description}
            onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)}
            aria-describedby={missing ? 'description-hint description-error' : 'description-hint'}
            aria-invalid={missing}
            readOnly={done}
            maxLength={5000}
          />
          {missing && (
            <p class="field-error" id="description-error">
              {t('composeDescriptionRequired')}
            </p>
          )}
        </div>
        {reportForm && (
          <ReportChoiceFields
            form={reportForm}
            choices={choices}
            missing={missingChoice}
            disabled={done}
            onChange={(next) => {
              setChoices(next);
              setMissingChoice((m) => m.filter((field) => !next[field]));
            }}
          />
        )}
        <button type="submit" disabled={status.kind === 'sending' || done}>
          {t('composeSend')}
        </button>
      </form>
      <StatusLine status={status} />
    </main>
  );
}
