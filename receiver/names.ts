/**
 * Attachment names the receiver accepts. A name becomes a file name on disk, so it is checked here
 * whatever the ticket schema allows: no separators, no dot names, nothing the receiver keeps for
 * itself, nothing Windows reserves.
 */
const SAFE = /^[A-Za-z0-9_][\w.-]{0,99}$/;
/** The receiver's own files, and the folders it keeps beside them. */
const RESERVED_NAMES = ['ticket.json', 'receipt.json', 'conversation.json', 'attachments', 'requester-replies'];
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/** Why `name` cannot be stored as an attachment, or null when it can. */
export function attachmentNameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name === '') return 'a file name is required';
  if (/[/\\]/.test(name)) return `"${name}" contains a path separator`;
  if (name.startsWith('.')) return `"${name}" starts with a dot`;
  if (!SAFE.test(name))
    return `"${name}" may only use letters, digits, "_", "-" and "." (at most 100, not first), no spaces`;
  if (RESERVED_NAMES.includes(name.toLowerCase())) return `"${name}" is reserved for the receiver's own files`;
  if (WINDOWS_DEVICE.test(name)) return `"${name}" is a reserved device name`;
  if (name.endsWith('.')) return `"${name}" ends with a dot`;
  return null;
}

/**
 * Checks every attachment's name in a raw body before the schema does, so that the person sees
 * why the name is refused rather than a pattern.
 */
export function checkAttachmentNames(body: unknown): { field: string; message: string } | null {
  const attachments = (body as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(attachments)) return null;
  const seen = new Set<string>();
  for (const [n, item] of attachments.entries()) {
    const field = `attachments[${n}].filename`;
    const name = (item as { filename?: unknown } | null)?.filename;
    const problem = attachmentNameProblem(name);
    if (problem) return { field, message: `${field}: ${problem}` };
    // Case-insensitive file systems would write both names into one file.
    const folded = (name as string).toLowerCase();
    if (seen.has(folded)) return { field, message: `${field}: "${name as string}" appears twice` };
    seen.add(folded);
  }
  return null;
}
