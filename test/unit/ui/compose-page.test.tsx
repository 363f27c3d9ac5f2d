// @vitest-environment happy-dom
/**
 * The report page when the background does not answer (its service worker stopped or updated
 * mid-click): Retry and Save as file say so on the status line instead of staying busy or silent.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ComposePage } from '../../../components/compose/ComposePage';
import type { ComposeState, ExtensionProtocol } from '../../../utils/extension/messaging';
import { sampleDraft } from '../../support/tickets';

vi.mock('../../../utils/extension/i18n', () => ({
  t: (key: string, ...substitutions: unknown[]) => [key, ...substitutions].join(' '),
}));
const answers = vi.hoisted(() => new Map<string, (data: unknown) => unknown>());
vi.mock('../../../utils/extension/messaging', () => ({
  sendMessage: (key: string, data: unknown) => Promise.resolve().then(() => answers.get(key)!(data)),
}));

const GONE = 'Could not establish connection. Receiving end does not exist.';
const failedReport: ComposeState = {
  draft: sampleDraft({ outboxId: 'report-1', description: 'It broke' }),
  canSend: true,
  status: {
    id: 'report-1',
    draftId: 'draft-1',
    state: 'failed',
    createdAt: 0,
    nextAttemptAt: 0,
    summary: { description: 'It broke', pageUrl: 'https://intranet.example/', pageTitle: 'Intranet' },
    lastFailure: { kind: 'unauthorized', retryable: false, status: 401 },
  },
};

function answer<K extends keyof ExtensionProtocol>(key: K, reply: (data: unknown) => unknown) {
  answers.set(key, reply);
}
const gone = () => {
  throw new Error(GONE);
};

let root: HTMLElement;
beforeEach(() => {
  answers.clear();
  answer('getReportForm', () => null);
  answer('getRequester', () => ({ source: 'asked', required: false, email: '', name: '' }));
  answer('saveRequester', () => undefined);
  answer('previewReport', () => ({ ok: false, detail: 'not needed here' }));
  root = document.body.appendChild(document.createElement('div'));
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function settle() {
  for (let i = 0; i < 5; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

async function openPage() {
  await act(() => render(<ComposePage draftId="draft-1" />, root));
  await settle();
}

function button(name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name} in: ${root.textContent}`);
  return found;
}

const statusLine = () => root.querySelector('[role="status"]')!.textContent;

describe('the report page when the background does not answer', () => {
  it('Retry says why instead of staying busy', async () => {
    answer('getCompose', () => failedReport);
    await openPage();
    answer('retryReport', gone);
    answer('getCompose', gone);
    await act(() => button('composeRetry').click());
    await settle();
    expect(statusLine()).toBe(`failureInvalidReport ${GONE}`);
  });

  it('Retry shows the report as the outbox holds it when only the answer was lost', async () => {
    answer('getCompose', () => failedReport);
    await openPage();
    answer('retryReport', gone);
    answer('getCompose', () => ({ ...failedReport, status: { ...failedReport.status!, state: 'queued' } }));
    await act(() => button('composeRetry').click());
    await settle();
    expect(statusLine()).toContain('statusQueued');
  });

  it('Save as file says why instead of doing nothing', async () => {
    answer('getCompose', () => failedReport);
    await openPage();
    answer('exportReport', gone);
    await act(() => button('composeSaveFile').click());
    await settle();
    expect(statusLine()).toBe(`failureInvalidReport ${GONE}`);
  });
});
