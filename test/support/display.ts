/**
 * A virtual X display, for what headless Chromium cannot do: browser-level keyboard shortcuts
 * (extension commands) arrive only as real key events to a real window. xdotool types them.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { programPath } from '../../scripts/system-deps.mjs';

export interface VirtualDisplay {
  name: string;
  /** Sends a key chord (xdotool syntax, e.g. "alt+shift+m") to the focused window. */
  key(chord: string): void;
  /** Clicks a mouse button (1 left, 3 right) at screen coordinates. */
  click(x: number, y: number, button?: number): void;
  /** Types text as key presses into the focused window. */
  type(text: string): void;
  /**
   * Gives the keyboard to the visible window of this X class. There is no window manager, so a
   * window shown later does not take the focus by itself.
   */
  focusWindow(windowClass: string): void;
  close(): void;
}

export async function startDisplay(number = 99): Promise<VirtualDisplay> {
  const xvfb = programPath('Xvfb');
  const xdotool = programPath('xdotool');
  const name = `:${number}`;
  const server: ChildProcess = spawn(xvfb, [name, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: 'ignore',
  });
  // Xvfb is ready when a client can talk to it.
  for (let i = 0; i < 50; i++) {
    try {
      execFileSync(xdotool, ['getmouselocation'], {
        env: { ...process.env, DISPLAY: name },
        stdio: 'ignore',
      });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    name,
    key: (chord) =>
      execFileSync(xdotool, ['key', '--clearmodifiers', chord], { env: { ...process.env, DISPLAY: name } }),
    click: (x, y, button = 1) =>
      execFileSync(xdotool, ['mousemove', String(x), String(y), 'click', String(button)], {
        env: { ...process.env, DISPLAY: name },
      }),
    type: (text) =>
      execFileSync(xdotool, ['type', '--clearmodifiers', '--delay', '5', '--', text], {
        env: { ...process.env, DISPLAY: name },
      }),
    focusWindow(windowClass) {
      const env = { ...process.env, DISPLAY: name };
      const windows = execFileSync(xdotool, ['search', '--onlyvisible', '--class', windowClass], {
        env,
        encoding: 'utf8',
      })
        .trim()
        .split('\n');
      execFileSync(xdotool, ['windowfocus', '--sync', windows[windows.length - 1]], { env });
    },
    close: () => server.kill(),
  };
}
