import { render } from 'preact';
import { Launcher } from '@/components/popup/PopupPage';
import '@/components/ui.css';
import { localizeDocument } from '@/utils/extension/i18n';

localizeDocument(document);
render(<Launcher />, document.getElementById('app')!);
