/**
 * A contract fake of Zammad's REST API, after zammad-documentation api/ticket and zammad/zammad's
 * controllers: token auth ("Token token=…"); errors as {"error", "error_human"} with 401 for an
 * unknown token, 403 for a missing permission, 422 for an unknown group; a body over the web
 * server's limit is refused by nginx with an HTML 413 before Zammad sees it. Not Zammad itself:
 * Zammad cannot be installed here.
 */
import { json, startFakeServer, type FakeServer, type Reply, type Seen } from './fake-server';

export interface FakeZammadOptions {
  token: string;
  groups: string[];
  /** nginx client_max_body_size, in bytes. */
  maxBodyBytes?: number;
  /** The token's user may create tickets (ticket.agent or ticket.customer). */
  canCreate?: boolean;
}

interface ZammadArticle {
  subject: string;
  body: string;
  content_type: string;
  type: string;
  internal: boolean;
  attachments: { filename: string; data: string; 'mime-type': string }[];
}

interface StoredArticle {
  id: number;
  ticket_id: number;
  internal: boolean;
  sender: 'Agent' | 'Customer' | 'System';
  from: string;
  body: string;
  content_type: string;
  created_at: string;
  attachments: { filename: string; data: string; 'mime-type': string }[];
}

export interface FakeZammad extends FakeServer {
  tickets: Map<
    number,
    { number: string; title: string; group: string; customer?: string; article: ZammadArticle; state: string }
  >;
  articles: StoredArticle[];
  /** An agent's article (a reply, or an internal note). */
  agentArticle(ticketId: number, body: string, internal: boolean, contentType?: string): void;
}

const failure = (status: number, error: string): Reply => json(status, { error, error_human: error });

export async function startFakeZammad(options: FakeZammadOptions): Promise<FakeZammad> {
  const tickets: FakeZammad['tickets'] = new Map();
  const articles: StoredArticle[] = [];
  let next = 0;
  let nextArticle = 0;
  const storeArticle = (article: Omit<StoredArticle, 'id' | 'created_at'>) =>
    articles.push({
      ...article,
      id: ++nextArticle,
      created_at: new Date(Date.UTC(2026, 10, 28, 10, nextArticle)).toISOString(),
    });

  function handle(seen: Seen): Reply {
    if (seen.body.length > (options.maxBodyBytes ?? Infinity)) {
      return {
        status: 413,
        text: '<html><head><title>413 Request Entity Too Large</title></head><body><center><h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center></body></html>',
      };
    }
    const auth = String(seen.headers.authorization ?? '');
    if (!auth) return failure(403, 'Authentication required');
    if (auth !== `Token token=${options.token}`) return failure(401, "Can't find User for Token");
    const url = new URL(seen.path, 'http://fake');
    const route = `${seen.method} ${url.pathname}`;
    if (route === 'GET /api/v1/users/me')
      return json(200, { id: 3, login: 'mayday@example.org', firstname: 'Mayday', active: true });
    if (route === 'GET /api/v1/tickets/search') {
      const query = url.searchParams.get('query') ?? '';
      const found = [...tickets].filter(([, t]) => t.title.includes(query) || t.article.body.includes(query));
      const limited = found.slice(0, Number(url.searchParams.get('limit') ?? 50));
      if (url.searchParams.get('expand') === 'true')
        return json(
          200,
          limited.map(([id, t]) => ({ id, number: t.number, title: t.title, group: t.group })),
        );
      return json(200, { tickets: limited.map(([id]) => id), tickets_count: limited.length, assets: {} });
    }
    if (route === 'POST /api/v1/tickets') {
      if (options.canCreate === false) return failure(403, 'Not authorized');
      const input = JSON.parse(seen.body.toString('utf8')) as {
        title: string;
        group: string;
        customer?: string;
        article: ZammadArticle;
      };
      if (!options.groups.includes(input.group))
        return failure(422, `No lookup value found for 'group': ${JSON.stringify(input.group)}`);
      const id = ++next;
      const number = String(31000 + id);
      tickets.set(id, {
        number,
        title: input.title,
        group: input.group,
        customer: input.customer,
        article: input.article,
        state: 'new',
      });
      // Made by the token's agent, so Zammad records the first article as the agent's.
      storeArticle({
        ticket_id: id,
        internal: input.article.internal,
        sender: 'Agent',
        from: 'Mayday',
        body: input.article.body,
        content_type: input.article.content_type,
        attachments: input.article.attachments,
      });
      return json(201, {
        id,
        number,
        title: input.title,
        group_id: 1,
        state_id: 1,
        article_ids: [id],
        created_at: new Date().toISOString(),
      });
    }
    const ticketRoute = /^GET \/api\/v1\/tickets\/(\d+)$/.exec(route);
    if (ticketRoute) {
      const ticket = tickets.get(Number(ticketRoute[1]));
      if (!ticket) return failure(404, "Couldn't find Ticket");
      const expand = url.searchParams.get('expand') === 'true';
      return json(200, {
        id: Number(ticketRoute[1]),
        number: ticket.number,
        title: ticket.title,
        state_id:
          ['new', 'open', 'pending reminder', 'closed', 'merged', 'removed', 'pending close'].indexOf(ticket.state) + 1,
        ...(expand ? { state: ticket.state } : {}),
      });
    }
    const byTicket = /^GET \/api\/v1\/ticket_articles\/by_ticket\/(\d+)$/.exec(route);
    if (byTicket) {
      if (!tickets.has(Number(byTicket[1]))) return failure(404, "Couldn't find Ticket");
      const expand = url.searchParams.get('expand') === 'true';
      return json(
        200,
        articles
          .filter((a) => a.ticket_id === Number(byTicket[1]))
          .map(({ sender, ...a }) => ({
            ...a,
            sender_id: sender === 'Agent' ? 1 : sender === 'Customer' ? 2 : 3,
            ...(expand ? { sender } : {}),
          })),
      );
    }
    if (route === 'POST /api/v1/ticket_articles') {
      const input = JSON.parse(seen.body.toString('utf8')) as Omit<StoredArticle, 'id' | 'created_at' | 'from'> & {
        type: string;
      };
      if (!tickets.has(input.ticket_id)) return failure(422, "Couldn't find Ticket");
      storeArticle({ ...input, from: 'Ana Lima', attachments: input.attachments ?? [] });
      return json(201, { id: nextArticle, ticket_id: input.ticket_id });
    }
    return failure(404, `No route matches [${seen.method}] "${url.pathname}"`);
  }

  return {
    ...(await startFakeServer(handle)),
    tickets,
    articles,
    agentArticle: (ticketId, body, internal, contentType = 'text/html') =>
      storeArticle({
        ticket_id: ticketId,
        internal,
        sender: 'Agent',
        from: 'Sam Tech <sam@example.org>',
        body,
        content_type: contentType,
        attachments: [],
      }),
  };
}
