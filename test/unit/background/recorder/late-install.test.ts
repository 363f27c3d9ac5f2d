import { describe, expect, it, vi } from 'vitest';
import {
  injectRecorderIntoOpenTabs,
  RECORDER_FILE,
  type LateInstallEnv,
} from '@/utils/background/recorder/late-install';

describe('injectRecorderIntoOpenTabs', () => {
  it('injects the recorder into every frame of each open web tab, in the MAIN world, and survives tabs that refuse', async () => {
    const executeScript = vi.fn(async (injection: { target: { tabId: number } }) => {
      if (injection.target.tabId === 2) throw new Error('Cannot access contents of the page');
      return [];
    });
    const query = vi.fn(async () => [{ id: 1 }, { id: 2 }, { id: 3 }]);
    const injected = await injectRecorderIntoOpenTabs({
      tabs: { query },
      scripting: { executeScript },
    } as unknown as LateInstallEnv);
    expect(injected).toBe(2);
    expect(query).toHaveBeenCalledWith({ url: ['http://*/*', 'https://*/*'] });
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 1, allFrames: true },
      files: [RECORDER_FILE],
      world: 'MAIN',
      injectImmediately: true,
    });
  });
});
