/**
 * Only the extension's own pages may drive reports. Content scripts also reach runtime messaging,
 * and their sender URL is the web page's, so checking the URL keeps pages out.
 */
export function isExtensionPage(sender: { url?: string }, extensionOrigin: string): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
