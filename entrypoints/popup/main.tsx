import { render } from 'preact';
import { Launcher } from '@/components/Launcher';
import '@/components/ui.css';

render(<Launcher />, document.getElementById('app')!);
