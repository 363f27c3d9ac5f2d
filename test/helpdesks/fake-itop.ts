/**
 * A contract fake of iTop 3.x's REST/JSON API (webservices/rest.php), modelled on what a real
 * iTop 3.2.0 answers (core/restservices.class.inc.php, webservices/rest.php), checked against one:
 *
 * - one form-encoded POST per operation (`version`, `auth_user`/`auth_pwd` or `auth_token`,
 *   `json_data`), always answered HTTP 200 with `{"code", "message", "objects"}`;
 * - code 1 for a wrong login, for an account without the "REST Services User" profile, and for a
 *   class its profiles may not read or create; 100 for a refused value; 11 for an unknown operation;
 * - keys as an id, a hash of attribute values, or OQL (only the few forms Mayday uses);
 * - field values returned as strings, `ref` as R-000123, public_log entries oldest first;
 * - `comment` required to create or update; descriptions stripped of <script>, as iTop's HTML sanitizer does.
 */
import { fieldText, json, startFakeServer, type FakeServer, type Reply, type Seen } from './fake-server';

interface FakeItopAccount {
  login: string;
  password: string;
  /** Has the "REST Services User" profile. */
  rest: boolean;
  /** Has a profile that may read and create user requests (e.g. Service Desk Agent). */
  agent: boolean;
  friendlyName: string;
}

export interface FakeItopOptions {
  accounts: FakeItopAccount[];
  /** An authentication token (Combodo's token extension) and the account it signs in. */
  tokens?: Record<string, string>;
  organizations?: { id: number; name: string }[];
  persons?: { id: number; email: string; org_id: number; name: string }[];
}

interface Row {
  [field: string]: unknown;
}

export interface FakeItop extends FakeServer {
  requests: Map<
    number,
    Row & { public_log: { date: string; user_login: string; message: string; message_html: string }[] }
  >;
  attachments: Map<
    number,
    { item_class: string; item_id: number; item_org_id: number; filename: string; mimetype: string; bytes: Buffer }
  >;
  /** A technician's public answer, as iTop records it (after the others). */
  answer(requestId: number, author: string, text: string): void;
  setStatus(requestId: number, status: string): void;
}

const reply = (code: number, message: string | null, objects: Record<string, unknown> | null = null): Reply =>
  json(200, { code, message, ...(objects === null && code !== 0 ? {} : { objects }) });

const stamp = () => new Date().toISOString().slice(0, 19).replace('T', ' ');
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

export async function startFakeItop(options: FakeItopOptions): Promise<FakeItop> {
  const organizations = options.organizations ?? [{ id: 2, name: 'Mayday Test' }];
  const persons = options.persons ?? [];
  const requests: FakeItop['requests'] = new Map();
  const attachments: FakeItop['attachments'] = new Map();
  let next = 0;

  /** The rows a key selects: an id, a hash of values, or the OQL forms Mayday sends. */
  function select(cls: string, key: unknown): Row[] | string {
    const rows: Row[] =
      cls === 'Organization'
        ? organizations.map((o) => ({ ...o }))
        : cls === 'Person'
          ? persons.map((p) => ({ ...p }))
          : cls === 'UserRequest'
            ? [...requests.values()]
            : cls === 'Attachment'
              ? [...attachments].map(([id, a]) => ({ id, ...a }))
              : [];
    if (typeof key === 'number' || (typeof key === 'string' && /^\d+$/.test(key)))
      return rows.filter((r) => r.id === Number(key));
    if (key && typeof key === 'object')
      return rows.filter((r) => Object.entries(key).every(([k, v]) => String(r[k]) === String(v)));
    if (typeof key !== 'string') return 'Error: missing key';
    let m = /^SELECT (\w+) WHERE description LIKE '%(.*)%'$/.exec(key);
    if (m) return rows.filter((r) => String(r.description).includes(m![2].replace(/\\(.)/g, '$1')));
    m = /^SELECT Attachment WHERE item_class = '(\w+)' AND item_id = (\d+)$/.exec(key);
    if (m) return rows.filter((r) => r.item_class === m![1] && r.item_id === Number(m![2]));
    m = /^SELECT (\w+) WHERE id = (\d+)$/.exec(key);
    if (m) return rows.filter((r) => r.id === Number(m[2]));
    return `Error: the fake does not understand this OQL: ${key}`;
  }

  function output(cls: string, row: Row, fields: string): Row {
    const names = fields === '*' ? Object.keys(row) : fields.split(',').map((f) => f.trim());
    const out: Row = {};
    for (const name of names) {
      if (cls === 'Attachment' && name === 'contents') {
        const a = attachments.get(Number(row.id))!;
        out.contents = {
          data: a.bytes.toString('base64'),
          mimetype: a.mimetype,
          filename: a.filename,
          downloads_count: 0,
        };
      } else if (name === 'public_log') out.public_log = { entries: row.public_log };
      else if (name in row) out[name] = String(row[name]);
    }
    return out;
  }

  async function handle(seen: Seen): Promise<Reply> {
    const url = new URL(seen.path, 'http://fake');
    if (url.pathname !== '/webservices/rest.php') return { status: 404, text: '<h1>Not Found</h1>' };
    const form = new URLSearchParams(seen.body.toString('utf8'));
    if (!form.get('version')) return reply(2, 'Error: Missing parameter: version');
    const token = form.get('auth_token');
    const account = token
      ? options.accounts.find((a) => a.login === options.tokens?.[token])
      : options.accounts.find((a) => a.login === form.get('auth_user') && a.password === form.get('auth_pwd'));
    if (!account) return reply(1, 'Error: Invalid login');
    if (!account.rest)
      return reply(
        1,
        'Error: This user is not authorized to use the web services. (The profile REST Services User is required to access the REST web services)',
      );
    let op: {
      operation?: string;
      class?: string;
      key?: unknown;
      fields?: Row;
      output_fields?: string;
      comment?: string;
    };
    try {
      op = JSON.parse(form.get('json_data') ?? '');
    } catch {
      return reply(4, 'Error: Parameter json_data is not a valid JSON structure');
    }
    const cls = op.class ?? '';
    const mayRead = account.agent || !['UserRequest', 'Organization', 'Person', 'Attachment'].includes(cls);

    switch (op.operation) {
      case 'list_operations':
        return json(200, {
          code: 0,
          message: 'Operations: 7',
          version: '1.3',
          operations: ['create', 'update', 'apply_stimulus', 'get', 'delete', 'get_related', 'check_credentials'].map(
            (verb) => ({ verb: `core/${verb}`, description: verb, extension: 'CoreServices' }),
          ),
        });
      case 'core/get': {
        if (!mayRead)
          return reply(1, `The current user does not have enough permissions for reading data of class ${cls}`, null);
        const rows = select(cls, op.key);
        if (typeof rows === 'string') return reply(100, rows);
        const objects = Object.fromEntries(
          rows.map((r) => [
            `${cls}::${String(r.id)}`,
            { code: 0, message: '', class: cls, key: String(r.id), fields: output(cls, r, op.output_fields ?? 'id') },
          ]),
        );
        return reply(0, `Found: ${rows.length}`, rows.length ? objects : null);
      }
      case 'core/create': {
        if (!account.agent)
          return reply(1, `The current user does not have enough permissions for creating data of class ${cls}`, null);
        if (!op.comment) return reply(100, "Error: Missing parameter 'comment'");
        const fields = op.fields ?? {};
        const id = ++next;
        if (cls === 'UserRequest') {
          if (!organizations.some((o) => o.id === Number(fields.org_id)))
            return reply(100, `Error: org_id: Invalid object Organization::${fieldText(fields.org_id)}`);
          if (!fields.title)
            return reply(100, "Error: Unexpected value for attribute 'Title' (title) : Null not allowed");
          if (fields.caller_id !== undefined && !persons.some((p) => p.id === Number(fields.caller_id)))
            return reply(100, `Error: caller_id: Invalid object Person::${fieldText(fields.caller_id)}`);
          requests.set(id, {
            id,
            ref: `R-${String(id).padStart(6, '0')}`,
            org_id: Number(fields.org_id),
            caller_id: fields.caller_id === undefined ? 0 : Number(fields.caller_id),
            title: fieldText(fields.title),
            description: fieldText(fields.description).replace(/<script[\s\S]*?<\/script>/gi, ''),
            origin: fields.origin ?? 'phone',
            status: 'new',
            public_log: [],
          });
          const row = requests.get(id)!;
          return reply(0, null, {
            [`UserRequest::${id}`]: {
              code: 0,
              message: 'created',
              class: cls,
              key: String(id),
              fields: output(cls, row, op.output_fields ?? 'id'),
            },
          });
        }
        if (cls === 'Attachment') {
          const contents = fields.contents as { data?: string; filename?: string; mimetype?: string } | undefined;
          if (!contents?.data) return reply(100, 'Error: contents: missing data');
          attachments.set(id, {
            item_class: String(fields.item_class),
            item_id: Number(fields.item_id),
            item_org_id: Number(fields.item_org_id),
            filename: String(contents.filename),
            mimetype: String(contents.mimetype),
            bytes: Buffer.from(contents.data, 'base64'),
          });
          return reply(0, null, {
            [`Attachment::${id}`]: {
              code: 0,
              message: 'created',
              class: cls,
              key: String(id),
              fields: { id: String(id) },
            },
          });
        }
        return reply(100, `Error: Unknown class '${cls}'`);
      }
      case 'core/update': {
        if (!account.agent)
          return reply(1, `The current user does not have enough permissions for writing data of class ${cls}`, null);
        if (!op.comment) return reply(100, "Error: Missing parameter 'comment'");
        const rows = select(cls, op.key);
        if (typeof rows === 'string') return reply(100, rows);
        if (rows.length !== 1) return reply(100, `Error: No item found with criteria: ${JSON.stringify(op.key)}`);
        const row = requests.get(Number(rows[0].id))!;
        const add = (op.fields?.public_log as { add_item?: { message?: string } } | undefined)?.add_item;
        if (add?.message) {
          const html = add.message.replace(/<script[\s\S]*?<\/script>/gi, '');
          row.public_log.push({
            date: stamp(),
            user_login: account.friendlyName,
            message: textOf(html),
            message_html: html,
          });
        }
        return reply(0, null, {
          [`${cls}::${String(row.id)}`]: {
            code: 0,
            message: 'updated',
            class: cls,
            key: String(row.id),
            fields: output(cls, row, op.output_fields ?? 'id'),
          },
        });
      }
      default:
        return reply(11, `Error: Unknown verb '${String(op.operation)}' in version '1.3'`);
    }
  }

  const server = await startFakeServer(handle);
  return {
    ...server,
    requests,
    attachments,
    answer(requestId, author, text) {
      const html = `<p>${escapeHtml(text)}</p>`;
      requests
        .get(requestId)!
        .public_log.push({ date: stamp(), user_login: author, message: text, message_html: html });
    },
    setStatus(requestId, status) {
      requests.get(requestId)!.status = status;
    },
  };
}
