/**
 * "Test connection" on the options page: one harmless, authenticated request to the configured
 * helpdesk, answered in plain words. Runs in the background, where the tokens are.
 */
import type { ConnectorConfig } from './config';
import { isFailure, request } from './connector';
import { testConnection as testHelpdesk, type ConnectionResult } from './connectors';

export type ConnectionTestResult =
  | { kind: 'ok'; status: number }
  | { kind: 'unauthorized'; status: number }
  | { kind: 'not-found' }
  | { kind: 'refused'; status: number }
  | { kind: 'server'; status: number }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'not-configured' }
  /** A helpdesk connector's own check (GLPI, Zammad, RT, Redmine: utils/core/delivery/connectors). */
  | { kind: 'helpdesk'; result: ConnectionResult };

export interface ConnectionTestEnv {
  fetch: typeof fetch;
  timeoutMs: number;
}

function classifyTestStatus(status: number): ConnectionTestResult {
  if (status >= 200 && status < 300) return { kind: 'ok', status };
  if (status === 401 || status === 403) return { kind: 'unauthorized', status };
  if (status === 404) return { kind: 'not-found' };
  if (status >= 500) return { kind: 'server', status };
  return { kind: 'refused', status };
}

/** A request with the connector's credentials; network failures and timeouts become results. */
async function probe(
  url: string,
  headers: Record<string, string>,
  env: ConnectionTestEnv,
): Promise<ConnectionTestResult> {
  // Through request(): the credentials follow no redirect to another origin.
  const response = await request(env, url, { method: 'GET', headers: { Accept: 'application/json', ...headers } });
  if (!isFailure(response)) return classifyTestStatus(response.status);
  if (response.kind === 'timeout') return { kind: 'timeout', seconds: response.seconds };
  return { kind: 'unreachable', detail: 'detail' in response ? response.detail : response.kind };
}

/**
 * A webhook is checked with one GET (safe by HTTP's definition: it never files a ticket); each
 * helpdesk connector makes its own harmless authenticated call and names the exact problem.
 */
export async function testConnection(config: ConnectorConfig, env: ConnectionTestEnv): Promise<ConnectionTestResult> {
  if (config.type === 'none') return { kind: 'not-configured' };
  if (config.type === 'webhook')
    return probe(config.url, config.token ? { Authorization: `Bearer ${config.token}` } : {}, env);
  return { kind: 'helpdesk', result: await testHelpdesk(config, env) };
}
