/**
 * The facts about GLPI that fake-glpi.ts models and the connector relies on, probed through the
 * API the same way against the fake (contract tests) and against a real GLPI (test:glpi), so the
 * fake cannot drift from the real thing unseen. Each probe files a small ticket named
 * "Mayday model check".
 */
export interface GlpiModelFacts {
  /** GET DocumentType: the default profiles may not read it (403). */
  documentTypesReadable: boolean;
  /** POST Document with report.json: 201 all the same, "Filetype not allowed", a Document id (empty). */
  jsonRefusedWithEmptyDocument: boolean;
  /** POST Ticket with filename[0] and filename[1]: only the first is attached. */
  onlyFirstOfArrayKept: boolean;
  /** POST Ticket with a refused file and an accepted one: the accepted one only, and no Document for the other. */
  refusedFileInTicketLeavesNoDocument: boolean;
  /** Ticket content read back HTML-encoded (&#60;p&#62;). */
  contentStoredEncoded: boolean;
  /** The same file in a second ticket: linked to it, and the stored Document renamed "<uniqid>name". */
  duplicateLinkedAndRenamed: boolean;
}

export async function glpiModelFacts(url: string, userToken: string, appToken: string): Promise<GlpiModelFacts> {
  const api = `${url.replace(/\/+$/, '')}/apirest.php`;
  const app: Record<string, string> = appToken ? { 'App-Token': appToken } : {};
  const init = await fetch(`${api}/initSession`, { headers: { Authorization: `user_token ${userToken}`, ...app } });
  const { session_token: session } = (await init.json()) as { session_token: string };
  const headers = { 'Session-Token': session, ...app };
  const call = async (path: string, options: RequestInit = {}) => {
    const reply = await fetch(`${api}${path}`, { ...options, headers: { ...headers, ...options.headers } });
    return { status: reply.status, body: (await reply.json().catch(() => null)) as unknown };
  };
  const form = (input: Record<string, unknown>, files: [string, string, string][]) => {
    const body = new FormData();
    body.append('uploadManifest', JSON.stringify({ input }));
    for (const [part, name, text] of files) body.append(part, new Blob([text], { type: 'text/plain' }), name);
    return { method: 'POST', body };
  };
  const stamp = `${Date.now()}-${Math.random()}`;
  const heldNames = async (ticketId: number) => {
    const { body } = await call(`/Ticket/${ticketId}?with_documents=true`);
    return ((body as { _documents?: { filename?: string }[] })._documents ?? []).map((d) => String(d.filename)).sort();
  };

  try {
    const types = await call('/DocumentType/?range=0-9');

    const json = await call(
      '/Document/',
      form({ name: 'Mayday model check' }, [['filename[0]', 'report.json', stamp]]),
    );
    const jsonBody = json.body as { id?: number; upload_result?: Record<string, { error?: string }[]> };
    const jsonError = Object.values(jsonBody?.upload_result ?? {})[0]?.[0]?.error;
    if (typeof jsonBody?.id === 'number') await call(`/Document/${jsonBody.id}?force_purge=true`, { method: 'DELETE' });

    const array = await call(
      '/Ticket/',
      form({ name: 'Mayday model check', content: '<p>array</p>' }, [
        ['filename[0]', `a-${stamp}.txt`, `a ${stamp}`],
        ['filename[1]', `b-${stamp}.txt`, `b ${stamp}`],
      ]),
    );
    const arrayId = (array.body as { id: number }).id;

    const mixed = await call(
      '/Ticket/',
      form({ name: 'Mayday model check', content: '<p>mixed &amp; encoded</p>' }, [
        ['file0', `x-${stamp}.json`, `x ${stamp}`],
        ['file1', `y-${stamp}.txt`, `y ${stamp}`],
      ]),
    );
    const mixedBody = mixed.body as { id: number; upload_result?: Record<string, { error?: string }[]> };
    const ticket = await call(`/Ticket/${mixedBody.id}`);
    const mixedNames = await heldNames(mixedBody.id);

    const again = await call(
      '/Ticket/',
      form({ name: 'Mayday model check', content: '<p>again</p>' }, [['file0', `y-${stamp}.txt`, `y ${stamp}`]]),
    );
    const againNames = await heldNames((again.body as { id: number }).id);
    const firstNames = await heldNames(mixedBody.id);

    return {
      documentTypesReadable: types.status === 200,
      jsonRefusedWithEmptyDocument:
        json.status === 201 && jsonError === 'Filetype not allowed' && Number(jsonBody.id) > 0,
      onlyFirstOfArrayKept: JSON.stringify(await heldNames(arrayId)) === JSON.stringify([`a-${stamp}.txt`]),
      refusedFileInTicketLeavesNoDocument:
        Object.values(mixedBody.upload_result ?? {})[0]?.[0]?.error === 'Filetype not allowed' &&
        JSON.stringify(mixedNames) === JSON.stringify([`y-${stamp}.txt`]),
      contentStoredEncoded: String((ticket.body as { content?: string }).content).includes('&#60;p&#62;mixed'),
      duplicateLinkedAndRenamed:
        againNames.length === 1 &&
        JSON.stringify(againNames) === JSON.stringify(firstNames) &&
        /^[0-9a-f]{13,14}\.\d{8}y-/.test(String(againNames[0])),
    };
  } finally {
    await fetch(`${api}/killSession`, { headers });
  }
}
