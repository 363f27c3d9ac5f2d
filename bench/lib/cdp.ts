/**
 * A bare Chrome DevTools Protocol client over --remote-debugging-pipe. Unlike Playwright it
 * enables nothing on its own: no Runtime.enable, so the page's console calls are not reported
 * to us and cost what they cost for a person (Playwright's subscription makes one ~4x dearer).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

type Params = Record<string, unknown>;
interface Message {
  id?: number;
  method?: string;
  params?: Params;
  sessionId?: string;
  result?: Params;
  error?: { message: string };
}

export interface CdpConnection {
  send<T = Params>(method: string, params?: Params, sessionId?: string): Promise<T>;
  /** Stops or continues every process of this browser (its own process group). */
  signal(name: 'SIGSTOP' | 'SIGCONT'): void;
  /** Resolves with the params of the first `method` event from `sessionId` that `accept` takes. */
  once(method: string, sessionId?: string, accept?: (params: Params) => boolean): Promise<Params>;
  close(): Promise<void>;
}

/** Process groups still running: killed if the bench stops early, since they do not share its group. */
const liveGroups = new Set<number>();
function signalGroup(group: number, name: NodeJS.Signals) {
  try {
    process.kill(-group, name);
  } catch {
    /* already gone */
  }
}
const killGroups = () => {
  for (const group of liveGroups) signalGroup(group, 'SIGKILL');
};
process.once('exit', killGroups);
for (const name of ['SIGINT', 'SIGTERM'] as const) {
  process.once(name, () => {
    killGroups();
    process.exit(130);
  });
}

/** Starts `executable` with `args` plus --remote-debugging-pipe and connects to it. */
export function launchOverPipe(executable: string, args: string[]): CdpConnection {
  // fd 3 is what Chromium reads commands from, fd 4 where it writes replies and events. Detached:
  // its own process group, so that one signal can pause the browser with all its children.
  const proc: ChildProcess = spawn(executable, ['--remote-debugging-pipe', ...args], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const group = proc.pid!;
  liveGroups.add(group);
  const toBrowser = proc.stdio[3] as Writable;
  const fromBrowser = proc.stdio[4] as Readable;
  const pending = new Map<number, { resolve(value: Params): void; reject(error: Error): void; method: string }>();
  const waiters = new Set<{
    method: string;
    sessionId?: string;
    accept(params: Params): boolean;
    resolve(params: Params): void;
  }>();
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  let nextId = 1;
  let buffered = '';

  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffered += chunk;
    let end: number;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end)) as Message;
      buffered = buffered.slice(end + 1);
      dispatch(message);
    }
  });
  void exited.then(() => {
    liveGroups.delete(group);
    for (const call of pending.values()) call.reject(new Error(`Chromium exited during ${call.method}`));
    pending.clear();
  });

  function dispatch(message: Message) {
    if (message.id !== undefined) {
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) call?.reject(new Error(`${call.method}: ${message.error.message}`));
      else call?.resolve(message.result ?? {});
      return;
    }
    for (const waiter of waiters) {
      if (waiter.method !== message.method || waiter.sessionId !== message.sessionId) continue;
      if (!waiter.accept(message.params ?? {})) continue;
      waiters.delete(waiter);
      waiter.resolve(message.params ?? {});
    }
  }

  return {
    send<T>(method: string, params: Params = {}, sessionId?: string) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: Params) => void, reject, method });
        toBrowser.write(JSON.stringify({ id, method, params, sessionId }) + '\0');
      });
    },
    signal(name) {
      if (liveGroups.has(group)) signalGroup(group, name);
    },
    once(method, sessionId, accept = () => true) {
      return new Promise((resolve) => waiters.add({ method, sessionId, accept, resolve }));
    },
    async close() {
      if (proc.exitCode !== null) return;
      signalGroup(group, 'SIGCONT'); // a paused browser could not close
      const id = nextId++;
      toBrowser.write(JSON.stringify({ id, method: 'Browser.close' }) + '\0');
      const killer = setTimeout(() => signalGroup(group, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    },
  };
}
