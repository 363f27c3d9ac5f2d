import { render } from 'preact';
import { OptionsPage } from '@/components/OptionsPage';
import '@/components/ui.css';
import '@/components/options/options.css';
import { localizeDocument } from '@/utils/i18n';

localizeDocument(document);
render(<OptionsPage />, document.getElementById('app')!);
