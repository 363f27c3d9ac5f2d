/**
 * "Test connection" on the options page: one harmless, authenticated request to the configured
 * helpdesk, answered in plain words. Runs in the background, where the tokens are.
 */
import type { ConnectorConfig, ConnectorType } from '../delivery/config';

export type ConnectionTestResult =
  | { kind: 'ok'; status: number }
  | { kind: 'unauthorized'; status: number }
  | { kind: 'not-found' }
  | { kind: 'refused'; status: number }
  | { kind: 'server'; status: number }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'not-configured' }
  | { kind: 'not-available'; type: Exclude<ConnectorType, 'none'> };

export interface ConnectionTestEnv {
  fetch: typeof fetch;
  timeoutMs: number;
}

type Tester<C extends ConnectorConfig> = (config: C, env: ConnectionTestEnv) => Promise<ConnectionTestResult>;

export function classifyTestStatus(status: number): ConnectionTestResult {
  if (status >= 200 && status < 300) return { kind: 'ok', status };
  if (status === 401 || status === 403) return { kind: 'unauthorized', status };
  if (status === 404) return { kind: 'not-found' };
  if (status >= 500) return { kind: 'server', status };
  return { kind: 'refused', status };
}

/** A request with the connector's credentials; network failures and timeouts become results. */
export async function probe(url: string, headers: Record<string, string>, env: ConnectionTestEnv): Promise<ConnectionTestResult> {
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
    if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout', seconds: Math.round(env.timeoutMs / 1000) };
    return { kind: 'unreachable', detail: String((error as Error)?.message ?? error) };
  }
}

/**
 * One tester per connector type: the extension point the helpdesk connectors fill with their own
 * harmless request (GLPI initSession + killSession, Zammad GET /api/v1/users/me, RT
 * GET /REST/2.0/rt, Redmine GET /users/current.json). A type without one says so plainly.
 */
export const CONNECTION_TESTERS: { [T in ConnectorType]?: Tester<Extract<ConnectorConfig, { type: T }>> } = {
  // GET is safe by HTTP's definition: it lists or describes, it never files a ticket.
  webhook: (config, env) => probe(config.url, config.token ? { Authorization: `Bearer ${config.token}` } : {}, env),
};

export async function testConnection(config: ConnectorConfig, env: ConnectionTestEnv): Promise<ConnectionTestResult> {
  if (config.type === 'none') return { kind: 'not-configured' };
  const tester = CONNECTION_TESTERS[config.type] as Tester<ConnectorConfig> | undefined;
  return tester ? tester(config, env) : { kind: 'not-available', type: config.type };
}
