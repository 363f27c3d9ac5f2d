import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import { sendMessage, type ComposeState, type EditedScreenshot, type PreviewResult } from '@/utils/extension/messaging';
import { downloadBase64 } from '@/utils/ui/download';
import type { ReportChoices, ReportForm } from '@/utils/core/report/report-form';
import { OrganisationNote, ReportChoiceFields, missingChoices } from './ReportChoices';
import { ReportStatusLine, type ComposeStatus } from './ReportStatusLine';
import { RequesterFields, requesterProblem } from './RequesterFields';
import { Conversation } from './Conversation';
import type { Requester, RequesterForm, RequesterProblem } from '@/utils/core/report/requester';
import { ReportScreenshot } from '../ScreenshotEditor/ReportScreenshot';
import { ReviewPanel } from '../review/ReviewPanel';
import { ComposeLayout } from './ComposeLayout';
import { SentSummaryLine } from './SentSummaryLine';
import './compose.css';

const SAVE_DELAY_MS = 400;
const POLL_MS = 2000;
const noop = () => undefined;

function problem(error: unknown): ComposeStatus {
  const detail = String((error as Error)?.message ?? error);
  return { kind: 'problem', failure: { kind: 'invalid-report', retryable: false, detail } };
}

export function ComposePage({ draftId }: { draftId: string }) {
  const [compose, setCompose] = useState<ComposeState | null | undefined>(undefined);
  const [description, setDescription] = useState('');
  const [missing, setMissing] = useState(false);
  // Admin settings: the organisation's words, lists and required choices.
  const [reportForm, setReportForm] = useState<ReportForm | null>(null);
  const [choices, setChoices] = useState<ReportChoices>({});
  const [missingChoice, setMissingChoice] = useState<('category' | 'urgency')[]>([]);
  const [status, setStatus] = useState<ComposeStatus>({ kind: 'idle' });
  const [requesterForm, setRequesterForm] = useState<RequesterForm | null>(null);
  const [requester, setRequester] = useState<Requester>({ email: '', name: '' });
  const [requesterShown, setRequesterShown] = useState<RequesterProblem | null>(null);
  const requesterTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The screenshot as edited on this page; undefined while untouched. */
  const screenshot = useRef<EditedScreenshot | undefined>(undefined);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [revision, setRevision] = useState(0);
  const descriptionField = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    document.title = t('composeTitle');
    void sendMessage('getCompose', draftId).then((loaded) => {
      setCompose(loaded);
      if (!loaded) return;
      setDescription(loaded.draft.description);
      setChoices({ category: loaded.draft.category, urgency: loaded.draft.urgency });
      if (loaded.status) setStatus({ kind: 'report', status: loaded.status });
      // The draft's own requester (typed on this page before) wins over the remembered one.
      void sendMessage('getRequester', undefined).then((form) => {
        setRequesterForm(form);
        const typed = loaded.draft.reporter;
        const value = {
          email: form.source === 'profile' ? form.email : (typed?.email ?? form.email),
          name: typed?.name ?? form.name,
        };
        setRequester(value);
        if (form.source !== 'none' && !typed) void sendMessage('saveRequester', { draftId, requester: value });
      });
    });
    void sendMessage('getReportForm', undefined).then(setReportForm, () => setReportForm(null));
  }, [draftId]);

  // The person came to say what went wrong: the page opens with the description ready to type in.
  const loaded = Boolean(compose);
  useEffect(() => {
    if (loaded) descriptionField.current?.focus();
  }, [loaded]);

  // While the outbox still holds the report, follow it until it is sent or fails.
  const pendingId =
    status.kind === 'report' && (status.status.state === 'queued' || status.status.state === 'sending')
      ? status.status.id
      : null;
  useEffect(() => {
    if (!pendingId) return;
    // A poll the background does not answer is tried again at the next tick.
    const poll = () =>
      sendMessage('reportStatus', pendingId).then((next) => next && setStatus({ kind: 'report', status: next }), noop);
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [pendingId]);

  if (compose === undefined) return <main style={{ padding: '1.5rem' }}>{t('composeLoading')}</main>;
  if (compose === null)
    return (
      <main style={{ padding: '1.5rem' }}>
        <p role="alert">{t('composeDraftMissing')}</p>
      </main>
    );
  const { draft, canSend } = compose;
  const queued = status.kind === 'report';
  const failed = queued && status.status.state === 'failed';

  function onInput(value: string) {
    setDescription(value);
    if (value.trim()) setMissing(false);
    clearTimeout(saveTimer.current);
    // Send carries the page's own copy: a save that fails only loses the text for a reopened page.
    saveTimer.current = setTimeout(
      () => void sendMessage('saveDescription', { draftId, description: value }).catch(noop),
      SAVE_DELAY_MS,
    );
  }

  function onRequester(next: Requester) {
    setRequester(next);
    if (requesterShown) setRequesterShown(requesterProblem(requesterForm, next));
    clearTimeout(requesterTimer.current);
    requesterTimer.current = setTimeout(
      () => void sendMessage('saveRequester', { draftId, requester: next }).catch(noop),
      SAVE_DELAY_MS,
    );
  }

  /** The description and any choice the organisation requires are there; marks what is missing. */
  function ready(): boolean {
    const unchosen = reportForm ? missingChoices(choices, reportForm) : [];
    setMissingChoice(unchosen);
    if (!description.trim()) setMissing(true);
    const problem = requesterProblem(requesterForm, requester);
    setRequesterShown(problem);
    if (problem) document.getElementById('requester-email')?.focus();
    return Boolean(description.trim()) && !unchosen.length && !problem;
  }

  async function send() {
    if (!ready()) return;
    clearTimeout(saveTimer.current);
    setStatus({ kind: 'busy' });
    try {
      clearTimeout(requesterTimer.current);
      const result = await sendMessage('submitReport', {
        draftId,
        description,
        ...choices,
        screenshot: screenshot.current,
        requester,
      });
      setStatus(result.ok ? { kind: 'report', status: result.status } : { kind: 'problem', failure: result.failure });
    } catch (error) {
      await unanswered(error);
    }
  }

  /** The background went away mid-answer (stopped, updated): the report may well be queued. */
  async function unanswered(error: unknown) {
    const state = await sendMessage('getCompose', draftId).catch(() => null);
    setStatus(state?.status ? { kind: 'report', status: state.status } : problem(error));
  }

  async function retry() {
    if (status.kind !== 'report') return;
    setStatus({ kind: 'busy' });
    try {
      const next = await sendMessage('retryReport', status.status.id);
      if (next) setStatus({ kind: 'report', status: next });
    } catch (error) {
      await unanswered(error);
    }
  }

  async function saveFile() {
    if (!ready()) return;
    try {
      const result = await sendMessage('exportReport', {
        draftId,
        description,
        ...choices,
        screenshot: screenshot.current,
      });
      if (!result.ok) return setStatus({ kind: 'problem', failure: result.failure });
      downloadBase64(document, result.filename, result.base64, 'application/zip');
      if (!queued) setStatus({ kind: 'saved', filename: result.filename });
    } catch (error) {
      setStatus(problem(error));
    }
  }

  function openReview() {
    const review = document.getElementById('review');
    review?.scrollIntoView({ block: 'start' });
    review?.focus({ preventScroll: true });
  }

  return (
    <ComposeLayout
      title={t('composeTitle')}
      pageLine={t('composePageLine', draft.page.title ? `${draft.page.title} — ${draft.page.url}` : draft.page.url)}
      screenshot={
        <ReportScreenshot
          draft={draft}
          readOnly={queued}
          onEdited={(edited) => (screenshot.current = edited)}
          onStored={() => setRevision((r) => r + 1)}
        />
      }
      review={
        <ReviewPanel
          draftId={draftId}
          description={description}
          requester={requester}
          final={queued}
          revision={revision}
          onPreview={setPreview}
        />
      }
    >
      {reportForm && <OrganisationNote form={reportForm} />}
      {!canSend && <p>{t('composeNoEndpoint')}</p>}
      <form
        class="compose-form"
        aria-label={t('composeFormLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          void (canSend ? send() : saveFile());
        }}
        noValidate
      >
        <div class="field">
          <label for="description">{t('composeDescriptionLabel')}</label>
          <p class="hint" id="description-hint">
            {t('composeDescriptionHint')}
          </p>
          <textarea
            id="description"
            ref={descriptionField}
            rows={5}
            value={description}
            onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)}
            aria-describedby={missing ? 'description-hint description-error' : 'description-hint'}
            aria-invalid={missing}
            readOnly={queued}
            maxLength={5000}
          />
          {missing && (
            <p class="field-error" id="description-error">
              {t('composeDescriptionRequired')}
            </p>
          )}
        </div>
        {reportForm && (
          <div class="field-row">
            <ReportChoiceFields
              form={reportForm}
              choices={choices}
              missing={missingChoice}
              disabled={queued}
              onChange={(next) => {
                setChoices(next);
                setMissingChoice((m) => m.filter((field) => !next[field]));
              }}
            />
          </div>
        )}
        {requesterForm && (
          <RequesterFields
            form={requesterForm}
            value={requester}
            problem={requesterShown}
            disabled={queued}
            onChange={onRequester}
          />
        )}
        <SentSummaryLine result={preview} onReview={openReview} />
        <div class="actions">
          {canSend && !queued && (
            <button type="submit" disabled={status.kind === 'busy'}>
              {t('composeSend')}
            </button>
          )}
          {!canSend && <button type="submit">{t('composeSaveReport')}</button>}
          {failed && (
            <button type="button" onClick={() => void retry()}>
              {t('composeRetry')}
            </button>
          )}
          {canSend && (failed || status.kind === 'problem') && (
            <button type="button" class="secondary" onClick={() => void saveFile()}>
              {t('composeSaveFile')}
            </button>
          )}
        </div>
      </form>
      <ReportStatusLine status={status} />
      {status.kind === 'report' && status.status.state === 'sent' && <Conversation reportId={status.status.id} />}
    </ComposeLayout>
  );
}
