/**
 * A contract fake of GLPI's legacy REST API (apirest.php), after glpi-project/glpi apirest.md and
 * src/Api/API.php + APIRest.php: errors are HTTP status + ["ERROR_CODE", "message"]; initSession
 * takes "Authorization: user_token …" (and App-Token when one is configured); every other call needs
 * a live Session-Token; a multipart body over post_max_size reaches PHP with no files and is
 * refused with ERROR_UPLOAD_FILE_TOO_BIG_POST_MAX_SIZE. Not GLPI itself: GLPI cannot be installed here.
 */
import { formOf, json, startFakeServer, type FakeServer, type Reply, type Seen } from './fake-server';

export interface FakeGlpiOptions {
  userToken: string;
  appToken?: string;
  /** PHP's post_max_size, in bytes. */
  maxPostBytes?: number;
  /** The active profile's rights (bit masks; CREATE = 4). */
  rights?: { ticket: number; document: number };
}

export interface FakeGlpi extends FakeServer {
  tickets: Map<number, { name: string; content: string }>;
  documents: Map<number, { name: string; filename: string; type: string; bytes: Buffer }>;
  links: { documents_id: number; itemtype: string; items_id: number }[];
  /** Ends every session, as GLPI does when a session times out. */
  expireSessions(): void;
  /** A ticket's linked documents, by filename. */
  filesOf(ticketId: number): Map<string, Buffer>;
}

const error = (status: number, code: string, message: string): Reply => json(status, [code, message]);

export async function startFakeGlpi(options: FakeGlpiOptions): Promise<FakeGlpi> {
  const rights = options.rights ?? { ticket: 31, document: 31 };
  const sessions = new Set<string>();
  const tickets: FakeGlpi['tickets'] = new Map();
  const documents: FakeGlpi['documents'] = new Map();
  const links: FakeGlpi['links'] = [];
  let next = 0;

  async function handle(seen: Seen): Promise<Reply> {
    const url = new URL(seen.path, 'http://fake');
    if (!url.pathname.startsWith('/apirest.php/')) return { status: 404, text: '<h1>Not Found</h1>' };
    const resource = url.pathname.slice('/apirest.php/'.length).replace(/\/$/, '');
    if (options.appToken && seen.headers['app-token'] !== options.appToken) {
      return error(400, 'ERROR_WRONG_APP_TOKEN_PARAMETER', 'parameter app_token seems wrong');
    }
    if (resource === 'initSession') {
      const auth = String(seen.headers.authorization ?? '');
      if (!auth.startsWith('user_token '))
        return error(400, 'ERROR_LOGIN_PARAMETERS_MISSING', 'parameter(s) login, password or user_token are missing');
      if (auth.slice('user_token '.length) !== options.userToken)
        return error(401, 'ERROR_GLPI_LOGIN_USER_TOKEN', 'parameter user_token seems invalid');
      const token = `session-${++next}`;
      sessions.add(token);
      return json(200, { session_token: token });
    }
    const session = seen.headers['session-token'];
    if (!session) return error(400, 'ERROR_SESSION_TOKEN_MISSING', 'parameter session_token missing or empty');
    if (!sessions.has(String(session))) return error(401, 'ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid');
    const route = `${seen.method} ${resource}`;
    if (route === 'GET killSession') {
      sessions.delete(String(session));
      return json(200, true);
    }
    if (route === 'GET getFullSession')
      return json(200, {
        session: { glpiID: 7, glpiname: 'mayday', glpiactiveprofile: { id: 1, name: 'Self-Service', ...rights } },
      });
    if (route === 'GET Ticket') {
      const text = url.searchParams.get('searchText[content]') ?? '';
      return json(
        200,
        [...tickets].filter(([, t]) => t.content.includes(text)).map(([id]) => ({ id })),
      );
    }
    if (route === 'POST Ticket') {
      if (!(rights.ticket & 4))
        return error(401, 'ERROR_RIGHT_MISSING', "You don't have permission to perform this action.");
      const { input } = JSON.parse(seen.body.toString('utf8')) as { input: { name: string; content: string } };
      const id = ++next;
      tickets.set(id, { name: input.name, content: input.content });
      return json(201, { id, message: '' }, { Location: `/apirest.php/Ticket/${id}` });
    }
    if (route === 'POST Document') {
      if (seen.body.length > (options.maxPostBytes ?? Infinity))
        return error(400, 'ERROR_UPLOAD_FILE_TOO_BIG_POST_MAX_SIZE', 'The file seems too big');
      if (!(rights.document & 4))
        return error(401, 'ERROR_RIGHT_MISSING', "You don't have permission to perform this action.");
      const form = await formOf(seen);
      const manifest = form.get('uploadManifest');
      if (typeof manifest !== 'string') return error(400, 'ERROR_JSON_PAYLOAD_INVALID', 'JSON payload seems not valid');
      const { input } = JSON.parse(manifest) as {
        input: { name: string; _filename: string[] };
      };
      const file = form.get('filename[0]') as File | null;
      if (!file || input._filename?.[0] !== file.name)
        return error(400, 'ERROR_GLPI_ADD', 'the manifest does not name the uploaded file');
      const id = ++next;
      const bytes = Buffer.from(await file.arrayBuffer());
      documents.set(id, { name: input.name, filename: file.name, type: file.type, bytes });
      return json(201, {
        id,
        message: 'Document move succeeded.',
        upload_result: { filename: [{ name: file.name, size: bytes.length, type: file.type }] },
      });
    }
    if (route === 'POST Document_Item') {
      const { input } = JSON.parse(seen.body.toString('utf8')) as { input: FakeGlpi['links'][number] };
      if (!documents.has(input.documents_id) || input.itemtype !== 'Ticket' || !tickets.has(input.items_id))
        return error(400, 'ERROR_GLPI_ADD', 'Document_Item could not be added');
      links.push(input);
      return json(201, { id: ++next, message: '' });
    }
    return error(400, 'ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM', 'resource not found or not an instance of CommonDBTM');
  }

  const server = await startFakeServer(handle);
  return {
    ...server,
    tickets,
    documents,
    links,
    expireSessions: () => sessions.clear(),
    filesOf: (ticketId) =>
      new Map(
        links
          .filter((l) => l.items_id === ticketId)
          .map((l) => [documents.get(l.documents_id)!.filename, documents.get(l.documents_id)!.bytes]),
      ),
  };
}
