import { render } from 'preact';
import { PopupPage } from '@/components/popup/PopupPage';
import '@/components/ui.css';
import { localizeDocument } from '@/utils/extension/i18n';

localizeDocument(document);
render(<PopupPage />, document.getElementById('app')!);
