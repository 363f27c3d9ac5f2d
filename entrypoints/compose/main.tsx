import { render } from 'preact';
import { ComposePage } from '@/components/ComposePage';
import '@/components/ui.css';
import { localizeDocument } from '@/utils/i18n';

localizeDocument(document);
render(
  <ComposePage draftId={new URLSearchParams(location.search).get('draft') ?? ''} />,
  document.getElementById('app')!,
);
