import { render } from 'preact';
import { Launcher } from '@/components/Launcher';
import '@/components/ui.css';
import { localizeDocument } from '@/utils/i18n';

localizeDocument(document);
render(<Launcher />, document.getElementById('app')!);
