/**
 * Extension storage kept from the page's isolated world: the bridge, the DOM capture and
 * html2canvas run there, on the page's DOM, and by default Chromium lets such scripts read
 * storage.local (the token, the drafts). Trusted contexts only: the service worker and the
 * extension's own pages. Firefox has no setAccessLevel (docs/permissions.md says what that means).
 */
export type AccessResult = 'trusted' | 'unsupported' | 'failed';

interface Area {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

export async function restrictStorage(storage: {
  local?: unknown;
  session?: unknown;
}): Promise<Record<'local' | 'session', AccessResult>> {
  const restrict = async (area: Area | undefined): Promise<AccessResult> => {
    if (typeof area?.setAccessLevel !== 'function') return 'unsupported';
    try {
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      return 'trusted';
    } catch {
      return 'failed';
    }
  };
  const [local, session] = await Promise.all([
    restrict(storage.local as Area | undefined),
    restrict(storage.session as Area | undefined),
  ]);
  return { local, session };
}
