/**
 * Where reports go, resolved from settings and secrets (policy values already applied). The
 * settings model produces it; the outbox and the connectors consume it. Secrets appear only here,
 * in the background.
 */
import { checkEndpointUrl, type Secrets, type Settings } from '../settings/schema';

export type ConnectorConfig =
  | { type: 'none' }
  | { type: 'webhook'; url: string; token: string; format: 'json' | 'multipart'; signingSecret: string }
  | { type: 'glpi'; url: string; userToken: string; appToken: string }
  | { type: 'zammad'; url: string; token: string; group: string; customer: string }
  | { type: 'rt'; url: string; token: string; queue: string }
  | { type: 'redmine'; url: string; apiKey: string; projectId: string; trackerId: string; switchUser?: boolean }
  /** iTop: `user` and `password` (basic auth), or, with no user, an authentication `token`. */
  | { type: 'itop'; url: string; user: string; password: string; token: string; organization: string };

/**
 * The connector the settings describe. Without a usable address there is nowhere to send
 * ('none'); a missing token is passed on as '' so the helpdesk's refusal can be worded.
 */
export function connectorConfig(settings: Settings, secrets: Secrets): ConnectorConfig {
  const url = settings.endpointUrl.trim();
  // Credentials go over https:, or plain http: only to this machine or a host the admin named.
  if (checkEndpointUrl(url, settings.plainHttpHosts) !== null) return { type: 'none' };
  const { token } = secrets;
  switch (settings.connectorType) {
    case 'webhook':
      return {
        type: 'webhook',
        url,
        token,
        format: settings.webhookFormat,
        signingSecret: secrets.webhookSigningSecret,
      };
    case 'glpi':
      return { type: 'glpi', url, userToken: token, appToken: secrets.glpiAppToken };
    case 'zammad':
      return { type: 'zammad', url, token, group: settings.zammadGroup, customer: settings.zammadCustomer };
    case 'rt':
      return { type: 'rt', url, token, queue: settings.rtQueue };
    case 'redmine':
      return {
        type: 'redmine',
        url,
        apiKey: token,
        projectId: settings.redmineProjectId,
        trackerId: settings.redmineTrackerId,
        switchUser: settings.redmineSwitchUser,
      };
    case 'itop': {
      const user = settings.itopUser;
      return {
        type: 'itop',
        url,
        user,
        password: user ? token : '',
        token: user ? '' : token,
        organization: settings.itopOrganization,
      };
    }
  }
}
