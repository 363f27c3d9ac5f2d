import { render } from 'preact';
import { OptionsPage } from '@/components/OptionsPage';
import '@/components/ui.css';
import '@/components/options/options.css';

render(<OptionsPage />, document.getElementById('app')!);
