/**
 * A contract fake of GLPI 10's legacy REST API (apirest.php), modelled on what a real GLPI 10.0.10
 * with default settings answers (src/Api/API.php, APIRest.php, GLPIUploadHandler.php,
 * CommonDBTM::addFiles, Document::prepareInputForAdd, install/empty_data.php), checked against one:
 *
 * - errors are HTTP status + ["ERROR_CODE", "message"]; a POST the profile may not make is
 *   400 ERROR_GLPI_ADD, a GET it may not make 403 ERROR_RIGHT_MISSING;
 * - a multipart body over post_max_size reaches PHP with no files: ERROR_UPLOAD_FILE_TOO_BIG_POST_MAX_SIZE;
 * - every uploaded file is checked against the document types with is_uploadable (by extension)
 *   and the maximum document size; a refused file carries `error` ("Filetype not allowed",
 *   "File is too big") in `upload_result`, which holds the first part name's files only;
 * - of a `filename[]` array only the first file is kept (APIRest takes `$uresult[0]`);
 * - POST Ticket with files creates a Document per accepted file, linked, and none for a refused
 *   one; POST Document without an item answers 201 with the refusal and leaves an empty Document;
 *   with an item (itemtype/items_id) a refused file makes it 400 ERROR_GLPI_ADD "File … not found.";
 * - the default profiles' rights (Technician, Self-Service: no Documents right, but Document
 *   creation through its followup right, ticket creation with files, followups);
 * - a file identical to one stored is linked, and the stored Document renamed after the upload's
 *   temporary name (a GLPI 10.0.10 bug, seen on a real one);
 * - text fields stored HTML-encoded (& < > as &#38; &#60; &#62;), as GLPI's Sanitizer does.
 */
import { createHash } from 'node:crypto';
import { fieldText, formOf, json, startFakeServer, type FakeServer, type Reply, type Seen } from './fake-server';

export interface GlpiProfile {
  name: string;
  interface: 'central' | 'helpdesk';
  /** Bit masks per right name, as getFullSession shows them (CREATE = 4, PURGE = 16…). */
  rights: Record<string, number>;
}

/** GLPI 10's default profiles, as a fresh install's getFullSession shows them. */
export const GLPI_PROFILES = {
  technician: {
    name: 'Technician',
    interface: 'central',
    rights: { ticket: 166919, document: 127, followup: 13319, typedoc: 0 },
  },
  selfService: { name: 'Self-Service', interface: 'helpdesk', rights: { ticket: 5, followup: 5 } },
  superAdmin: {
    name: 'Super-Admin',
    interface: 'central',
    rights: { ticket: 259231, document: 127, followup: 15383, typedoc: 31 },
  },
} satisfies Record<string, GlpiProfile>;

/** GLPI 10's default document types (install/empty_data.php), every one uploadable; no json. */
const GLPI_DEFAULT_EXTENSIONS = (
  'jpg png gif bmp psd tif aiff asf avi c rm mid mov mp3 mpg ogg qt bz2 ra ram doc djvu mng eps gz wav html ' +
  'swf pdf ppt ps wmv rtf sdd sdw sit ai sxi sxw dvi tgz txt rpm xls xml zip deb h pas sxc tex xcf jpeg odt ods ' +
  'odp otp ott ots odf odg otg odb oth odm odc odi docx xlsx pptx csv svg'
).split(' ');

export interface DocumentType {
  id: number;
  name: string;
  ext: string;
  is_uploadable: 0 | 1;
}

export interface FakeGlpiOptions {
  userToken: string;
  appToken?: string;
  /** PHP's post_max_size, in bytes. */
  maxPostBytes?: number;
  /** Setup > General > Management, "Document files maximum size" in MB (GLPI's default: PHP's upload_max_filesize). */
  documentMaxMb?: number;
  profile?: GlpiProfile;
  documentTypes?: DocumentType[];
  /** UserEmail rows: the users the token may look up by address. */
  userEmails?: { users_id: number; email: string }[];
  /** Users' names, for expand_dropdowns. */
  userNames?: Record<number, string>;
}

interface GlpiFollowup {
  id: number;
  items_id: number;
  content: string;
  is_private: number;
  users_id: number;
  date_creation: string;
}

interface FakeDocument {
  id: number;
  name: string;
  /** null: an empty Document, made for a file GLPI refused. */
  filename: string | null;
  mime: string;
  bytes: Buffer;
  sha1sum: string | null;
}

export interface FakeGlpi extends FakeServer {
  /** `input`: what the ticket was created with (requester fields); `status` as GLPI numbers it. */
  tickets: Map<number, { name: string; content: string; status: number; input: Record<string, unknown> }>;
  documents: Map<number, FakeDocument>;
  links: { documents_id: number; itemtype: string; items_id: number }[];
  followups: GlpiFollowup[];
  /** A technician's follow-up, as GLPI stores it (HTML, entities encoded). */
  addFollowup(ticketId: number, content: string, isPrivate: boolean, usersId?: number): void;
  documentTypes: DocumentType[];
  /** Ends every session, as GLPI does when a session times out. */
  expireSessions(): void;
  /** A ticket's linked documents, by filename (without the prefix GLPI may have renamed it with). */
  filesOf(ticketId: number): Map<string, Buffer>;
  /** Documents holding no file (what a refused upload to POST Document leaves). */
  emptyDocuments(): FakeDocument[];
}

const error = (status: number, code: string, message: string): Reply => json(status, [code, message]);
/** The temporary name GLPI gives an upload: uniqid('', true) before the file's name. */
const UPLOAD_PREFIX = '6b15fa47ea4ec2.16765201';
const NO_RIGHT = "You don't have permission to perform this action.";

/** GLPI's Sanitizer: what it stores for a text field. */
const glpiEncode = (text: string) => text.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;');

export function defaultDocumentTypes(): DocumentType[] {
  return GLPI_DEFAULT_EXTENSIONS.map((ext, i) => ({ id: i + 1, name: ext.toUpperCase(), ext, is_uploadable: 1 }));
}

interface Upload {
  key: string;
  name: string;
  type: string;
  bytes: Buffer;
  error?: string;
}

export async function startFakeGlpi(options: FakeGlpiOptions): Promise<FakeGlpi> {
  const profile = options.profile ?? GLPI_PROFILES.technician;
  const rights: Record<string, number> = profile.rights;
  const right = (name: string, bits: number) => ((rights[name] ?? 0) & bits) !== 0;
  const documentTypes = options.documentTypes ?? defaultDocumentTypes();
  const maxMb = options.documentMaxMb ?? 2;
  const sessions = new Set<string>();
  const tickets: FakeGlpi['tickets'] = new Map();
  const documents: FakeGlpi['documents'] = new Map();
  const links: FakeGlpi['links'] = [];
  const followups: FakeGlpi['followups'] = [];
  let next = 0;

  /** GLPIUploadHandler: each file checked by extension and size. */
  function check(name: string, bytes: Buffer): string | undefined {
    const ext = name.split('.').pop()!.toLowerCase();
    const allowed = documentTypes.some((t) => t.is_uploadable === 1 && t.ext.toLowerCase() === ext);
    if (!allowed) return 'Filetype not allowed';
    if (bytes.length > maxMb * 1024 * 1024) return 'File is too big';
    return undefined;
  }

  /** The files of a multipart body: what GLPI keeps of them, and the upload_result it answers. */
  async function uploads(form: FormData) {
    const byKey = new Map<string, Upload[]>();
    for (const [field, value] of form) {
      if (typeof value === 'string') continue;
      const key = field.replace(/\[.*$/, '');
      const bytes = Buffer.from(await value.arrayBuffer());
      const upload: Upload = { key, name: value.name, type: value.type, bytes, error: check(value.name, bytes) };
      byKey.set(key, [...(byKey.get(key) ?? []), upload]);
    }
    const kept = [...byKey.values()].map((files) => files[0]);
    const [firstKey, firstFiles] = [...byKey][0] ?? [];
    const upload_result = firstKey
      ? {
          [firstKey]: firstFiles.map((f) => ({
            name: `${UPLOAD_PREFIX}${f.name}`,
            size: f.bytes.length,
            type: f.type,
            ...(f.error ? { error: f.error } : {}),
            prefix: UPLOAD_PREFIX,
            display: f.name,
          })),
        }
      : undefined;
    return { kept, upload_result };
  }

  function addDocument(name: string, file: Upload | null, link?: { itemtype: string; items_id: number }): number {
    const id = ++next;
    const ok = file && !file.error;
    documents.set(id, {
      id,
      name,
      filename: ok ? file.name : null,
      mime: ok ? file.type : '',
      bytes: ok ? file.bytes : Buffer.alloc(0),
      sha1sum: ok ? createHash('sha1').update(file.bytes).digest('hex') : null,
    });
    if (link) links.push({ documents_id: id, ...link });
    return id;
  }

  const canReadTicket = (id: number) => tickets.has(id) && right('ticket', 1 | 1024);

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
    const multipart = String(seen.headers['content-type'] ?? '').startsWith('multipart/form-data');
    if (multipart && seen.body.length > (options.maxPostBytes ?? Infinity))
      return error(400, 'ERROR_UPLOAD_FILE_TOO_BIG_POST_MAX_SIZE', 'The file seems too big');
    const form = multipart ? await formOf(seen) : null;
    let input: Record<string, unknown>;
    try {
      const manifest = form ? form.get('uploadManifest') : seen.body.length ? seen.body.toString('utf8') : '{}';
      if (typeof manifest !== 'string') throw new TypeError('uploadManifest is a file');
      input = (JSON.parse(manifest) as { input?: Record<string, unknown> }).input ?? {};
    } catch {
      return error(400, 'ERROR_JSON_PAYLOAD_INVALID', 'JSON payload seems not valid');
    }
    const route = `${seen.method} ${resource.replace(/\/\d+/g, '/N')}`;
    const ids = [...resource.matchAll(/\/(\d+)/g)].map((m) => Number(m[1]));
    const userName = (id: number) => options.userNames?.[id] ?? String(id);

    switch (route) {
      case 'GET UserEmail': {
        // searchText is a LIKE.
        const text = (url.searchParams.get('searchText[email]') ?? '').toLowerCase();
        return json(
          200,
          (options.userEmails ?? [])
            .filter((row) => row.email.toLowerCase().includes(text))
            .map((row, n) => ({ id: n + 1, ...row, is_default: 1 })),
        );
      }
      case 'GET killSession':
        sessions.delete(String(session));
        return json(200, true);
      case 'GET getFullSession':
        return json(200, {
          session: {
            glpiID: 7,
            glpiname: 'mayday',
            glpiactiveprofile: { id: 1, name: profile.name, interface: profile.interface, ...profile.rights },
          },
        });
      case 'GET getGlpiConfig':
        return json(200, { cfg_glpi: { version: '10.0.10', document_max_size: String(maxMb) } });
      case 'GET DocumentType':
        if (!right('typedoc', 1)) return error(403, 'ERROR_RIGHT_MISSING', NO_RIGHT);
        return json(200, documentTypes);
      case 'GET Ticket': {
        const text = url.searchParams.get('searchText[content]') ?? '';
        return json(
          200,
          [...tickets].filter(([, t]) => t.content.includes(glpiEncode(text))).map(([id]) => ({ id })),
        );
      }
      case 'GET Ticket/N': {
        const [id] = ids;
        if (!canReadTicket(id)) return error(403, 'ERROR_RIGHT_MISSING', NO_RIGHT);
        const ticket = tickets.get(id)!;
        const held = links
          .filter((l) => l.itemtype === 'Ticket' && l.items_id === id)
          .map((l) => documents.get(l.documents_id)!);
        return json(200, {
          id,
          ...ticket,
          ...(url.searchParams.get('with_documents') === 'true'
            ? { _documents: held.map((d) => ({ id: d.id, name: d.name, filename: d.filename, sha1sum: d.sha1sum })) }
            : {}),
        });
      }
      case 'GET Ticket/N/ITILFollowup': {
        const [id] = ids;
        if (!canReadTicket(id)) return error(403, 'ERROR_RIGHT_MISSING', NO_RIGHT);
        const expand = url.searchParams.get('expand_dropdowns') === 'true';
        return json(
          200,
          followups
            .filter((f) => f.items_id === id && (!f.is_private || right('followup', 8192)))
            .map((f) => ({ ...f, itemtype: 'Ticket', users_id: expand ? userName(f.users_id) : f.users_id })),
        );
      }
      case 'POST Ticket': {
        if (!right('ticket', 4)) return error(400, 'ERROR_GLPI_ADD', NO_RIGHT);
        const id = ++next;
        tickets.set(id, {
          name: glpiEncode(fieldText(input.name)),
          content: glpiEncode(fieldText(input.content)),
          status: 1,
          input,
        });
        const files = form ? await uploads(form) : null;
        // CommonDBTM::addFiles with _only_if_upload_succeed: no Document for a refused file. A file
        // identical to a stored one links that Document, which GLPI 10.0.10 then renames after the
        // upload's temporary name (Document::checkAvailability looks for the temporary file in the
        // documents folder, never finds it, and updates the Document with it).
        for (const file of files?.kept ?? []) {
          if (file.error) continue;
          const sha1sum = createHash('sha1').update(file.bytes).digest('hex');
          const same = [...documents.values()].find((d) => d.sha1sum === sha1sum);
          if (same) {
            same.filename = `${UPLOAD_PREFIX}${file.name}`;
            links.push({ documents_id: same.id, itemtype: 'Ticket', items_id: id });
          } else addDocument(`Document Ticket ${id}`, file, { itemtype: 'Ticket', items_id: id });
        }
        return json(
          201,
          {
            id,
            message: `Item successfully added: ${glpiEncode(String(input.name))} (${id})`,
            ...(files?.upload_result ? { upload_result: files.upload_result } : {}),
          },
          { Location: `/apirest.php/Ticket/${id}` },
        );
      }
      case 'POST Document': {
        // Document::canCreate: the Documents right, or a followup right.
        if (!right('document', 4) && !right('followup', 4)) return error(400, 'ERROR_GLPI_ADD', NO_RIGHT);
        const { kept, upload_result } = form ? await uploads(form) : { kept: [], upload_result: undefined };
        const file = kept[0] ?? null;
        const itemId = Number(input.items_id);
        if (input.itemtype === 'Ticket' && itemId > 0) {
          if (!canReadTicket(itemId)) return error(400, 'ERROR_GLPI_ADD', NO_RIGHT);
          if (!file || file.error) return error(400, 'ERROR_GLPI_ADD', `File ${file?.name ?? ''} not found.`);
          const name = `Document: Ticket - ${tickets.get(itemId)!.name}`;
          const id = addDocument(name, file, { itemtype: 'Ticket', items_id: itemId });
          return json(201, { id, message: `Item successfully added: ${name}`, upload_result });
        }
        const id = addDocument(fieldText(input.name), file);
        return json(201, { id, message: `Item successfully added: ${fieldText(input.name)}`, upload_result });
      }
      case 'POST Document_Item': {
        if (!right('document', 4)) return error(400, 'ERROR_GLPI_ADD', NO_RIGHT);
        const link = input as unknown as FakeGlpi['links'][number];
        if (!documents.has(link.documents_id) || link.itemtype !== 'Ticket' || !tickets.has(link.items_id))
          return error(400, 'ERROR_GLPI_ADD', 'Document_Item could not be added');
        links.push(link);
        return json(201, { id: ++next, message: '' });
      }
      case 'DELETE Document/N': {
        const [id] = ids;
        if (!right('document', 16) || !documents.has(id)) return error(400, 'ERROR_GLPI_DELETE', NO_RIGHT);
        documents.delete(id);
        return json(200, [{ [id]: true, message: '' }]);
      }
      case 'POST ITILFollowup': {
        const itemId = Number(input.items_id);
        if (!right('followup', 4 | 2048 | 4096) || input.itemtype !== 'Ticket' || !canReadTicket(itemId))
          return error(400, 'ERROR_GLPI_ADD', NO_RIGHT);
        const id = ++next;
        followups.push({
          id,
          items_id: itemId,
          content: glpiEncode(fieldText(input.content)),
          is_private: Number(input.is_private ?? 0),
          users_id: 7,
          date_creation: '2026-11-28 10:05:40',
        });
        // CommonDBTM::addFiles on the new followup: a Document per accepted file, linked to the followup.
        const files = form ? await uploads(form) : null;
        for (const file of files?.kept ?? [])
          if (!file.error) addDocument(`Document ITILFollowup ${id}`, file, { itemtype: 'ITILFollowup', items_id: id });
        return json(201, { id, message: '', ...(files?.upload_result ? { upload_result: files.upload_result } : {}) });
      }
    }
    return error(400, 'ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM', 'resource not found or not an instance of CommonDBTM');
  }

  const server = await startFakeServer(handle);
  return {
    ...server,
    tickets,
    documents,
    links,
    followups,
    documentTypes,
    addFollowup: (ticketId, content, isPrivate, usersId = 2) =>
      void followups.push({
        id: ++next,
        items_id: ticketId,
        content,
        is_private: isPrivate ? 1 : 0,
        users_id: usersId,
        date_creation: '2026-11-28 10:02:11',
      }),
    expireSessions: () => sessions.clear(),
    filesOf: (ticketId) =>
      new Map(
        links
          .filter((l) => l.itemtype === 'Ticket' && l.items_id === ticketId && documents.get(l.documents_id)?.filename)
          .map((l) => [documents.get(l.documents_id)!.filename!, documents.get(l.documents_id)!.bytes] as const)
          .map(([name, bytes]) => [name.replace(UPLOAD_PREFIX, ''), bytes]),
      ),
    emptyDocuments: () => [...documents.values()].filter((d) => d.filename === null),
  };
}
