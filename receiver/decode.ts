/**
 * Turns a request body into its JSON shape, from JSON or from multipart/form-data (a
 * `payload_json` part with the JSON, its `attachments` listing files by part name, plus the file
 * parts): a ticket, or information added to one.
 */
export class BodyError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

interface MultipartManifest {
  attachments?: { filename?: unknown; contentType?: unknown; part?: unknown }[];
}

export async function decodeBody(body: Buffer, contentType: string): Promise<unknown> {
  if (/^multipart\/form-data/i.test(contentType)) return decodeMultipart(body, contentType);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new BodyError('Body is not valid JSON', '(body)');
  }
}

async function decodeMultipart(body: Buffer, contentType: string): Promise<unknown> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'Content-Type': contentType } }).formData();
  } catch {
    throw new BodyError('Body is not valid multipart/form-data', '(body)');
  }
  const json = form.get('payload_json');
  if (typeof json !== 'string') throw new BodyError('payload_json: missing part', 'payload_json');
  let manifest: MultipartManifest;
  try {
    manifest = JSON.parse(json) as MultipartManifest;
  } catch {
    throw new BodyError('payload_json: not valid JSON', 'payload_json');
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest))
    throw new BodyError('payload_json: not a JSON object', 'payload_json');
  const attachments = [];
  for (const [n, item] of (Array.isArray(manifest.attachments) ? manifest.attachments : []).entries()) {
    const file = typeof item?.part === 'string' ? form.get(item.part) : null;
    if (!file || typeof file === 'string')
      throw new BodyError(`attachments[${n}]: no file part named ${String(item?.part)}`, `attachments[${n}]`);
    attachments.push({
      filename: item.filename,
      contentType: item.contentType,
      data: Buffer.from(await file.arrayBuffer()).toString('base64'),
    });
  }
  return { ...manifest, attachments };
}
