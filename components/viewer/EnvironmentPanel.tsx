import { useState } from 'preact/hooks';
import { t } from '@/utils/extension/i18n';
import { environmentText } from '@/utils/core/ticket/environment-rows';
import type { Ticket } from '@/utils/core/model/ticket';
import { EnvironmentTable } from '../shared/EnvironmentTable';

export function EnvironmentPanel({ ticket, copy }: { ticket: Ticket; copy: (text: string) => Promise<void> }) {
  const [status, setStatus] = useState('');

  async function copyText() {
    try {
      await copy(environmentText(ticket, t));
      setStatus(t('viewerCopied'));
    } catch (error) {
      setStatus(t('viewerCopyFailed', String((error as Error)?.message ?? error)));
    }
  }

  return (
    <section id="environment" aria-labelledby="environment-h">
      <h2 id="environment-h">{t('reportEnvironment')}</h2>
      <p>
        <button type="button" onClick={() => void copyText()}>
          {t('viewerCopyEnvironment')}
        </button>{' '}
        <span role="status">{status}</span>
      </p>
      <EnvironmentTable ticket={ticket} class="env" />
    </section>
  );
}
