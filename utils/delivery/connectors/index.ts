import type { ConnectorConfig } from '../config';
import type { Connector } from '../connector';
import { webhookConnector } from './webhook';

/** The connector for a configuration; null when reports have nowhere to go (save as file). */
export function connectorFor(config: ConnectorConfig): Connector | null {
  switch (config.type) {
    case 'webhook':
      return webhookConnector(config);
    case 'none':
      return null;
    default:
      // Helpdesk connectors are added here as they land; until then their reports wait in the outbox.
      return null;
  }
}
