import { describe, expect, it } from 'vitest';
import { connectorConfig } from '../../../../../utils/core/delivery/config';
import { connectorFor } from '../../../../../utils/core/delivery/connectors';
import { DEFAULT_SECRETS, DEFAULT_SETTINGS, type Settings } from '../../../../../utils/core/settings/schema';

const secrets = { ...DEFAULT_SECRETS, token: 't' };
const connectorAt = (endpointUrl: string, change: Partial<Settings> = {}) =>
  connectorFor(connectorConfig({ ...DEFAULT_SETTINGS, endpointUrl, ...change }, secrets));

describe('connectorFor', () => {
  it('marks a connector to plain http: on another machine, allowed by the admin, as unencrypted', () => {
    const plain = connectorAt('http://helpdesk.intranet.example/tickets', {
      plainHttpHosts: ['helpdesk.intranet.example'],
    });
    expect(plain?.unencrypted).toBe(true);
    expect(typeof plain?.send).toBe('function');
  });

  it('leaves https: and this machine unmarked, for every helpdesk type', () => {
    for (const connectorType of ['webhook', 'glpi', 'zammad', 'rt', 'redmine', 'itop'] as const) {
      expect(
        connectorAt('https://helpdesk.example/api', { connectorType })?.unencrypted,
        connectorType,
      ).toBeUndefined();
      expect(connectorAt('http://127.0.0.1:8080/api', { connectorType })?.unencrypted, connectorType).toBeUndefined();
      expect(
        connectorAt('http://helpdesk.intranet.example/api', {
          connectorType,
          plainHttpHosts: ['helpdesk.intranet.example'],
        })?.unencrypted,
        connectorType,
      ).toBe(true);
    }
  });

  it('gives no connector at all for plain http: without the exception', () => {
    expect(connectorAt('http://helpdesk.intranet.example/tickets')).toBeNull();
  });
});
