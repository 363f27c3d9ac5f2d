import { base64ToBytes } from '../core/encoding';

/** Hands a file to the browser's downloads from an extension page (no downloads permission needed). */
export function downloadBase64(doc: Document, filename: string, base64: string, type: string) {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64) as BlobPart], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
