/**
 * "Test connection" on the options page: one harmless, authenticated request to the configured
 * helpdesk, answered in plain words. Runs in the background, where the tokens are.
 */
import type { ConnectorConfig } from './config';
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
  try {
    const response = await env.fetch(url, {
      method: 'GET',
      headers: { Accept: 'application/json', ...headers },
      credentials: 'omit',
      signal: AbortSignal.timeout(env.timeoutMs),
    });
    return classifyTestStatus(response.status);
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError')
      return { kind: 'timeout', seconds: Math.round(env.timeoutMs / 1000) };
    return { kind: 'unreachable', detail: String((error as Error)?.message ?? error) };
  }
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
