/**
 * Which tab the popup reports on: `?tabId=` when the popup is opened as a page (tests, assistive
 * tools), otherwise the active tab of the popup's own window.
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
