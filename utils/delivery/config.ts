/**
 * Where reports go, resolved from settings and secrets (policy values already applied). The
 * settings model produces it; the outbox and the connectors consume it. Secrets appear only here,
 * in the background.
 */
export type ConnectorConfig =
  | { type: 'none' }
  | { type: 'webhook'; url: string; token: string; format: 'json' | 'multipart'; signingSecret: string }
  | { type: 'glpi'; url: string; userToken: string; appToken: string }
  | { type: 'zammad'; url: string; token: string; group: string; customer: string }
  | { type: 'rt'; url: string; token: string; queue: string }
  | { type: 'redmine'; url: string; apiKey: string; projectId: string; trackerId: string };

export type ConnectorType = ConnectorConfig['type'];
