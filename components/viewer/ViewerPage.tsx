import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import type { Draft } from '@/utils/core/model/draft';
import type { BuildContext } from '@/utils/core/ticket/build';
import { openReportFiles, reportFromDraft, type OpenedReport, type OpenResult } from '@/utils/ui/open-report';
import { REPORT_CSS } from '@/utils/core/ticket/report-style';
import { ConsolePanel } from './ConsolePanel';
import { EnvironmentPanel } from './EnvironmentPanel';
import { ScreenshotPanel } from './ScreenshotPanel';
import { SummaryCard } from './SummaryCard';
import { TimelinePanel } from './TimelinePanel';

export interface ViewerEnv {
  /** viewer.html?draft=<id>: a report of this browser, read through the background. */
  draftId: string | null;
  loadDraft: (id: string) => Promise<Draft | null>;
  buildContext: () => Omit<BuildContext, 'now'>;
  copy: (text: string) => Promise<void>;
}

type State =
  { kind: 'empty' } | { kind: 'loading' } | { kind: 'open'; report: OpenedReport } | { kind: 'problem'; text: string };

function problemText(result: Exclude<OpenResult, { ok: true }>): string {
  switch (result.problem) {
    case 'no-json':
      return t('viewerNoJson');
    case 'not-json':
      return t('viewerNotJson', result.file);
    case 'invalid':
      return t('viewerInvalid', result.file, result.detail);
  }
}

export function ViewerPage({ env }: { env: ViewerEnv }) {
  const [state, setState] = useState<State>(env.draftId ? { kind: 'loading' } : { kind: 'empty' });

  useEffect(() => {
    document.title = t('viewerTitle');
    if (!env.draftId) return;
    void env
      .loadDraft(env.draftId)
      .catch(() => null)
      .then((draft) => {
        if (!draft) return setState({ kind: 'problem', text: t('viewerDraftMissing') });
        show(reportFromDraft(draft, env.buildContext(), t('viewerNoDescription')));
      });
  }, [env]);

  function show(result: OpenResult) {
    setState(result.ok ? { kind: 'open', report: result.report } : { kind: 'problem', text: problemText(result) });
  }

  async function open(files: FileList | null | undefined) {
    if (!files || files.length === 0) return;
    setState({ kind: 'loading' });
    show(await openReportFiles([...files]));
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    void open(event.dataTransfer?.files);
  }

  return (
    <main onDragOver={(e) => e.preventDefault()} onDrop={drop}>
      {/* The report's own stylesheet, so the viewer and report.html look the same. */}
      <style>{REPORT_CSS}</style>
      <section class="opener">
        <h1>{t('viewerTitle')}</h1>
        <label for="open-report">{t('viewerOpen')}</label>{' '}
        <input
          id="open-report"
          type="file"
          multiple
          accept=".json,application/json,image/png,image/jpeg"
          aria-describedby="open-hint"
          onChange={(e) => void open(e.currentTarget.files)}
        />
        <p class="muted" id="open-hint">
          {t('viewerOpenHint')}
        </p>
        {state.kind === 'loading' && <p role="status">{t('viewerLoading')}</p>}
        {state.kind === 'problem' && (
          <p role="alert" class="problem">
            {state.text}
          </p>
        )}
      </section>
      {state.kind === 'open' && <Report report={state.report} copy={env.copy} />}
    </main>
  );
}

function Report({ report, copy }: { report: OpenedReport; copy: (text: string) => Promise<void> }) {
  const { ticket } = report;
  return (
    <>
      <SummaryCard ticket={ticket} />
      <ScreenshotPanel ticket={ticket} dataUrl={report.screenshot?.dataUrl} />
      <ConsolePanel ticket={ticket} />
      <TimelinePanel ticket={ticket} />
      <EnvironmentPanel ticket={ticket} copy={copy} />
    </>
  );
}
