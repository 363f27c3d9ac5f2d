import { render } from 'preact';
import { OptionsPage } from '@/components/options/OptionsPage';
import '@/components/ui.css';
import '@/components/options/options.css';
import { localizeDocument } from '@/utils/extension/i18n';

localizeDocument(document);
render(<OptionsPage />, document.getElementById('app')!);
