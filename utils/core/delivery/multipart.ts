/**
 * multipart/form-data built by hand, as bytes: the signature must cover the exact body sent,
 * which FormData would only produce inside fetch.
 */
export interface Part {
  name: string;
  filename?: string;
  contentType: string;
  data: Uint8Array;
}

export function encodeMultipart(parts: Part[], boundary: string): { body: Uint8Array; contentType: string } {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    chunks.push(
      encoder.encode(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${part.contentType}\r\n\r\n`,
      ),
    );
    chunks.push(part.data, encoder.encode('\r\n'));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  const body = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** `seed`, suffixed until no part contains it: a boundary inside a file would cut the file short. */
export function safeBoundary(seed: string, parts: Part[]): string {
  const contains = (data: Uint8Array, text: string) => new TextDecoder('latin1').decode(data).includes(text);
  let boundary = seed;
  for (let n = 1; parts.some((part) => contains(part.data, boundary)); n++) boundary = `${seed}-${n}`;
  return boundary;
}
