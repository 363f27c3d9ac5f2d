import type { ConnectorConfig } from '../config';
import type { Connector } from '../connector';
import { isUnencrypted } from '../../settings/schema';
import { glpiConnector, testGlpi } from './glpi';
import type { ConnectionResult, TestContext } from './helpdesk';
import { itopConnector, itopFollowUp, testItop } from './itop';
import { redmineConnector, testRedmine } from './redmine';
import { rtConnector, testRt } from './rt';
import { webhookConnector } from './webhook';
import { testZammad, zammadConnector } from './zammad';
import { glpiFollowUp } from './glpi-follow-up';
import { redmineFollowUp } from './redmine-follow-up';
import { rtFollowUp } from './rt-follow-up';
import { zammadFollowUp } from './zammad-follow-up';

export type { ConnectionResult, TestContext } from './helpdesk';

/** The connector for a configuration; null when reports have nowhere to go (save as file). */
export function connectorFor(config: ConnectorConfig): Connector | null {
  const connector = connectorOfType(config);
  return connector && config.type !== 'none' && isUnencrypted(config.url)
    ? { ...connector, unencrypted: true }
    : connector;
}

function connectorOfType(config: ConnectorConfig): Connector | null {
  switch (config.type) {
    case 'webhook':
      return webhookConnector(config);
    case 'glpi':
      return { ...glpiConnector(config), followUp: glpiFollowUp(config) };
    case 'zammad':
      return { ...zammadConnector(config), followUp: zammadFollowUp(config) };
    case 'rt':
      return { ...rtConnector(config), followUp: rtFollowUp(config) };
    case 'redmine':
      return { ...redmineConnector(config), followUp: redmineFollowUp(config) };
    case 'itop':
      return { ...itopConnector(config), followUp: itopFollowUp(config) };
    case 'none':
      return null;
  }
}

/**
 * The options page's Test connection for a helpdesk: one harmless authenticated call (GLPI opens and
 * closes a session), answered as ok or the problem in the admin's terms. Run it in the background or
 * the options page, which hold the secrets and the host permission.
 */
export function testConnection(
  config: Extract<ConnectorConfig, { type: 'glpi' | 'zammad' | 'rt' | 'redmine' | 'itop' }>,
  ctx: TestContext,
): Promise<ConnectionResult> {
  switch (config.type) {
    case 'glpi':
      return testGlpi(config, ctx);
    case 'zammad':
      return testZammad(config, ctx);
    case 'rt':
      return testRt(config, ctx);
    case 'redmine':
      return testRedmine(config, ctx);
    case 'itop':
      return testItop(config, ctx);
  }
}
