import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ViewerPage } from '@/components/viewer/ViewerPage';
import { sendMessage } from '@/utils/extension/messaging';
import '@/components/ui.css';
import '@/components/viewer/viewer.css';
import { localizeDocument, t } from '@/utils/extension/i18n';

localizeDocument(document);
render(
  <ViewerPage
    env={{
      draftId: new URLSearchParams(location.search).get('draft'),
      loadDraft: async (id) => (await sendMessage('getCompose', id))?.draft ?? null,
      buildContext: () => ({
        extensionVersion: browser.runtime.getManifest().version,
        fallbackUserAgent: navigator.userAgent,
        fallbackLanguage: navigator.language,
        t,
      }),
      copy: (text) => navigator.clipboard.writeText(text),
    }}
  />,
  document.getElementById('app')!,
);
