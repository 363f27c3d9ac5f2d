import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/extension/i18n';
import { sendMessage } from '@/utils/extension/messaging';
import { resolveTargetTab } from '@/utils/ui/target-tab';
import { RecentReports } from './RecentReports';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'problem'; text: string } | { kind: 'blocked' };

const targetTab = () =>
  resolveTargetTab(location.search, async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  });

export function PopupPage() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const openedAsPage = new URLSearchParams(location.search).has('tabId');
  useEffect(() => {
    document.title = t('actionTitle');
    // Say at once when the organisation blocked this site, rather than after a click.
    void targetTab().then(async (tabId) => {
      if (tabId === undefined) return;
      const status = await sendMessage('siteStatus', { tabId }).catch(() => null);
      if (status && !status.reportingAllowed) setState({ kind: 'blocked' });
    });
  }, []);

  async function report() {
    setState({ kind: 'busy' });
    const tabId = await targetTab();
    if (tabId === undefined) return setState({ kind: 'problem', text: t('popupNoTab') });
    const result = await sendMessage('startReport', { tabId }).catch((error: Error) => ({
      ok: false as const,
      problem: 'internal' as const,
      detail: error.message,
    }));
    if (!result.ok && result.problem === 'blocked-site') return setState({ kind: 'blocked' });
    if (!result.ok) return setState({ kind: 'problem', text: t('popupFailed', result.detail ?? result.problem) });
    if (openedAsPage) setState({ kind: 'idle' });
    else window.close();
  }

  const blocked = state.kind === 'blocked';
  return (
    <main style={{ padding: '1rem', width: openedAsPage ? undefined : '19rem' }}>
      <button type="button" onClick={() => void report()} disabled={state.kind === 'busy' || blocked}>
        {t('popupReport')}
      </button>
      <p class="hint">{t('popupHint')}</p>
      <p role="status" class={`status${state.kind === 'problem' || blocked ? ' bad' : ''}`}>
        {state.kind === 'busy'
          ? t('popupPreparing')
          : state.kind === 'problem'
            ? state.text
            : blocked
              ? t('popupBlocked')
              : ''}
      </p>
      <RecentReports />
    </main>
  );
}
