/** Admin settings as the pages see them: the report form, and Test connection from the options page. */
import { connectorConfig } from '@/utils/core/delivery/config';
import { testConnection } from '@/utils/core/delivery/connection-test';
import { reportForm } from '@/utils/core/report/report-form';
import { secretsSchema, settingsSchema } from '@/utils/core/settings/schema';
import { onExtensionPageMessage } from '@/utils/extension/messaging';
import { applyPolicy } from '@/utils/extension/settings';
import { removeV1Items } from '@/utils/extension/settings-items';
import { settingsNow, tabAllowed } from './context';

const TEST_TIMEOUT_MS = 10_000;

export function registerSettings() {
  onExtensionPageMessage('siteStatus', async ({ data }) => ({ reportingAllowed: await tabAllowed(data.tabId) }));

  onExtensionPageMessage('getReportForm', async () => reportForm(await settingsNow()));

  onExtensionPageMessage('testConnection', async ({ data }) => {
    const settings = settingsSchema.safeParse(data.settings);
    const secrets = secretsSchema.safeParse(data.secrets);
    if (!settings.success || !secrets.success) return { kind: 'not-configured' };
    const applied = await applyPolicy(settings.data, secrets.data);
    return testConnection(connectorConfig(applied.settings, applied.secrets), {
      fetch: (...args) => fetch(...args),
      timeoutMs: TEST_TIMEOUT_MS,
    });
  });

  return {
    /** Settings keys of the first version go after an update. */
    onInstalled: ({ reason }: { reason: string }) => (reason === 'update' ? removeV1Items() : undefined),
  };
}
