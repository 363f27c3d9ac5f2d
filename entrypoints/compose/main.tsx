import { render } from 'preact';
import { ComposePage } from '@/components/ComposePage';
import '@/components/ui.css';

render(<ComposePage draftId={new URLSearchParams(location.search).get('draft') ?? ''} />, document.getElementById('app')!);
