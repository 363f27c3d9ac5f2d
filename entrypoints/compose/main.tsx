import { render } from 'preact';
import { ComposePage } from '@/components/compose/ComposePage';
import '@/components/ui.css';
import { localizeDocument } from '@/utils/extension/i18n';

localizeDocument(document);
render(
  <ComposePage draftId={new URLSearchParams(location.search).get('draft') ?? ''} />,
  document.getElementById('app')!,
);
