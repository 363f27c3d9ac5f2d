/**
 * A minimal client for Firefox's Remote Debugging Protocol (the devtools protocol that
 * about:debugging and web-ext use), for what WebDriver BiDi refuses: Firefox's BiDi leaves out
 * every browsing context with an extension principal (bug 1755014), so a test cannot read or
 * drive Mayday's own pages (compose.html, options.html) through it. Over RDP a test can list the
 * browser's tabs, extension pages included, and evaluate an expression in one of them, as the
 * devtools console of that tab would. Written here because no kept client exists: foxdriver's last
 * release is 1.0.6 of October 2021, `firefox-client` on npm is now an empty package npm holds the
 * name with, and web-ext's RDP client is internal (its package exports no such module).
 *
 * Packets are `<byte length>:<JSON>`. A request goes to an actor and the actor's next packet
 * without a `type` is its reply; packets with a `type` are events (evaluationResult among them).
 */
import { connect, type Socket } from 'node:net';

interface Packet {
  from: string;
  type?: string;
  error?: string;
  message?: string;
  [key: string]: unknown;
}

interface Pending {
  resolve(packet: Packet): void;
  reject(error: Error): void;
}

export interface RdpTab {
  actor: string;
  url: string;
  title: string;
}

/** A value as the devtools server describes it (a "grip"): primitives as they are, the rest by type. */
type Grip = string | number | boolean | null | { type: string; [key: string]: unknown };

export class FirefoxRdp {
  private buffer = Buffer.alloc(0);
  private replies = new Map<string, Pending[]>();
  private evaluations = new Map<string, Pending>();
  /** Results that arrived before the code awaiting the request's reply got to ask for them. */
  private early = new Map<string, Packet>();
  private greeting: Promise<Packet>;
  private greeted!: (packet: Packet) => void;

  private constructor(private socket: Socket) {
    this.greeting = new Promise((resolve) => (this.greeted = resolve));
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('close', () => this.failAll(new Error('The Firefox debugging connection closed')));
    socket.on('error', (error) => this.failAll(error));
  }

  /** Connects to a Firefox started with `--start-debugger-server <port>`, retrying while it starts. */
  static async connect(port: number, timeoutMs = 15_000): Promise<FirefoxRdp> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect({ host: '127.0.0.1', port }, () => resolve(s));
          s.once('error', reject);
        });
        const client = new FirefoxRdp(socket);
        await client.greeting;
        return client;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`No Firefox debugging server on port ${port}`, { cause: error });
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  close(): void {
    this.socket.destroy();
  }

  request(to: string, type: string, args: Record<string, unknown> = {}): Promise<Packet> {
    return new Promise((resolve, reject) => {
      const queue = this.replies.get(to) ?? [];
      queue.push({ resolve, reject });
      this.replies.set(to, queue);
      const body = Buffer.from(JSON.stringify({ to, type, ...args }));
      if (process.env.MAYDAY_RDP_DEBUG) console.log('>>', body.toString());
      this.socket.write(Buffer.concat([Buffer.from(`${body.length}:`), body]));
    });
  }

  async tabs(): Promise<RdpTab[]> {
    const { tabs } = (await this.request('root', 'listTabs')) as unknown as { tabs: RdpTab[] };
    return tabs;
  }

  /** Waits for a tab whose URL passes `match` (extension pages included) and returns it. */
  async waitForTab(match: (url: string) => boolean, timeoutMs = 15_000): Promise<RdpTab> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const tab = (await this.tabs()).find((t) => match(t.url));
      if (tab) return tab;
      if (Date.now() > deadline)
        throw new Error(
          `No tab appeared in ${timeoutMs} ms; open tabs: ${(await this.tabs()).map((t) => t.url).join(', ')}`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** The console of a tab: evaluates expressions in its page, as its devtools console would. */
  async console(tab: RdpTab): Promise<RdpConsole> {
    const { frame } = (await this.request(tab.actor, 'getTarget')) as unknown as { frame: { consoleActor: string } };
    return new RdpConsole(this, frame.consoleActor);
  }

  /** Evaluates `text` with a console actor and resolves with the result grip (or rejects with the exception). */
  async evaluate(consoleActor: string, text: string): Promise<Grip> {
    const { resultID } = (await this.request(consoleActor, 'evaluateJSAsync', { text })) as unknown as {
      resultID: string;
    };
    const result =
      this.early.get(resultID) ??
      (await new Promise<Packet>((resolve, reject) => this.evaluations.set(resultID, { resolve, reject })));
    this.early.delete(resultID);
    if (result.hasException)
      throw new Error(
        `Evaluation failed: ${typeof result.exceptionMessage === 'string' ? result.exceptionMessage : JSON.stringify(result.exception)}`,
      );
    return result.result as Grip;
  }

  private receive(chunk: Buffer) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 1) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString()) as Packet;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      if (process.env.MAYDAY_RDP_DEBUG) console.log('<<', JSON.stringify(packet).slice(0, 400));
      this.dispatch(packet);
    }
  }

  private dispatch(packet: Packet) {
    if (packet.from === 'root' && packet.applicationType) return this.greeted(packet);
    if (packet.type === 'evaluationResult') {
      const id = String(packet.resultID);
      const waiting = this.evaluations.get(id);
      if (waiting) waiting.resolve(packet);
      else this.early.set(id, packet);
      this.evaluations.delete(id);
      return;
    }
    if (packet.type && !packet.error) return; // other events (tab list changes, navigations…)
    const pending = this.replies.get(packet.from)?.shift();
    if (!pending) return;
    if (packet.error) pending.reject(new Error(`${packet.from}: ${packet.error} ${packet.message ?? ''}`));
    else pending.resolve(packet);
  }

  private failAll(error: Error) {
    for (const queue of this.replies.values()) for (const p of queue.splice(0)) p.reject(error);
    for (const p of this.evaluations.values()) p.reject(error);
    this.evaluations.clear();
  }
}

export class RdpConsole {
  constructor(
    private rdp: FirefoxRdp,
    private actor: string,
  ) {}

  /**
   * Evaluates `fn(...args)` in the page and returns its JSON-serialisable result. The function
   * travels as source text, so it may use only what it is given and the page's globals.
   */
  async run<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<R> {
    // __name: what esbuild's keepNames (tsx) wraps named inner functions with.
    const text = `(() => { const __name = (f) => f; return JSON.stringify((${fn.toString()})(...${JSON.stringify(args)}) ?? null); })()`;
    const grip = await this.rdp.evaluate(this.actor, text);
    if (typeof grip === 'string') return JSON.parse(grip) as R;
    if (grip && typeof grip === 'object' && grip.type === 'longString') {
      const { substring } = (await this.rdp.request(String(grip.actor), 'substring', {
        start: 0,
        end: grip.length,
      })) as unknown as { substring: string };
      return JSON.parse(substring) as R;
    }
    throw new Error(`Unexpected evaluation result ${JSON.stringify(grip)}`);
  }
}
