import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messaging/extension';
import { resolveTargetTab } from '@/utils/report/target-tab';
import { RecentReports } from './RecentReports';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'problem'; text: string };

export function Launcher() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const openedAsPage = new URLSearchParams(location.search).has('tabId');
  useEffect(() => {
    document.title = t('actionTitle');
  }, []);

  async function report() {
    setState({ kind: 'busy' });
    const tabId = await resolveTargetTab(location.search, async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id;
    });
    if (tabId === undefined) return setState({ kind: 'problem', text: t('popupNoTab') });
    const result = await sendMessage('startReport', { tabId }).catch((error: Error) => ({
      ok: false as const,
      problem: 'internal' as const,
      detail: error.message,
    }));
    if (!result.ok) return setState({ kind: 'problem', text: t('popupFailed', result.detail ?? result.problem) });
    if (openedAsPage) setState({ kind: 'idle' });
    else window.close();
  }

  return (
    <main style={{ padding: '1rem', width: openedAsPage ? undefined : '19rem' }}>
      <button type="button" onClick={report} disabled={state.kind === 'busy'}>
        {t('popupReport')}
      </button>
      <p class="hint">{t('popupHint')}</p>
      <p role="status" class={`status${state.kind === 'problem' ? ' bad' : ''}`}>
        {state.kind === 'busy' ? t('popupPreparing') : state.kind === 'problem' ? state.text : ''}
      </p>
      <RecentReports />
    </main>
  );
}
