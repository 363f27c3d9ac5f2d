/** The outbox as the popup and report page see it: the reports' fates, and Retry. */
import { browser } from 'wxt/browser';
import { outboxOverview } from '@/utils/background/outbox/outbox';
import { createOutboxService, type OutboxService } from '@/utils/background/outbox/service';
import { toStatus } from '@/utils/core/report/submit';
import { t } from '@/utils/extension/i18n';
import { onExtensionPageMessage } from '@/utils/extension/messaging';
import { getConnectorConfig } from '@/utils/extension/settings';
import { settingsNow } from './context';

export function registerOutbox(): OutboxService {
  const outbox = createOutboxService(browser, {
    connectorConfig: getConnectorConfig,
    retentionDays: async () => (await settingsNow()).sentReportRetentionDays,
    t,
  });

  onExtensionPageMessage('reportStatus', async ({ data }) => {
    const entry = await (await outbox.store).get(data);
    return entry ? toStatus(entry) : null;
  });

  onExtensionPageMessage('listReports', async () => {
    void outbox.retryNow();
    return outboxOverview(await (await outbox.store).list());
  });

  onExtensionPageMessage('retryReport', async ({ data }) => {
    await outbox.retryNow([data]);
    const entry = await (await outbox.store).get(data);
    return entry ? toStatus(entry) : null;
  });

  return outbox;
}
