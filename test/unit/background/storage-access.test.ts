import { describe, expect, it, vi } from 'vitest';
import { restrictStorage } from '@/utils/background/storage-access';

describe('restrictStorage', () => {
  it('sets local and session storage to trusted contexts only', async () => {
    const local = { setAccessLevel: vi.fn(async () => {}) };
    const session = { setAccessLevel: vi.fn(async () => {}) };
    expect(await restrictStorage({ local, session })).toEqual({ local: 'trusted', session: 'trusted' });
    expect(local.setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    expect(session.setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('says where a browser has no such control (Firefox) or refuses it, and never throws', async () => {
    const session = { setAccessLevel: vi.fn(async () => Promise.reject(new Error('no'))) };
    expect(await restrictStorage({ local: {}, session })).toEqual({ local: 'unsupported', session: 'failed' });
  });
});
