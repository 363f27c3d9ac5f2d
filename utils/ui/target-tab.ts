/**
 * Which tab the launcher reports on: `?tabId=` when the launcher is opened as a page (tests,
 * assistive tools), otherwise the active tab of the launcher's own window (the toolbar popup).
 */
export async function resolveTargetTab(
  search: string,
  activeTabId: () => Promise<number | undefined>,
): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(search).get('tabId');
  if (fromQuery !== null) {
    const id = Number(fromQuery);
    return Number.isInteger(id) && id >= 0 ? id : undefined;
  }
  return activeTabId();
}
