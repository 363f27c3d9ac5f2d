/**
 * The rig every E2E file starts from: the fixture site, a receiver, Mayday in Chromium pointed at
 * it, and what some files need besides (a misbehaving front, a machine-wide policy, a virtual
 * display, a Chromium without Mayday). `useRig` registers the hooks that start and stop them; the
 * file reads them from the object it returns, and anything else it launches through the rig is
 * closed by the rig too.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startReceiver, type Receiver } from '../../receiver/server';
import { startDisplay, type VirtualDisplay } from './display';
import { launchWithExtension, type ExtensionBrowser, type LaunchOptions } from './extension';
import { faultyEndpoint, type Fault, type FaultyEndpoint } from './faulty-endpoint';
import { configureEndpoint } from './flows';
import { launchPlainBrowser, type PlainBrowser } from './plain-browser';
import { removePolicy, writePolicy } from './policy';
import { serveFolder, type Route, type StaticServer } from './static-server';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures');

export interface RigOptions {
  /** 'test' (the default): a new receiver and browser for each test; 'file': one for the whole file. */
  fresh?: 'test' | 'file';
  /** Paths the fixture site answers itself, before its files (failing APIs, generated plans). */
  routes?: Route[];
  /** false: no receiver (and no endpoint to configure). */
  receiver?: boolean;
  /** The access token the receiver requires; without one it takes any request. */
  token?: string;
  /** A front between Mayday and the receiver that misbehaves on command, starting with this fault. */
  front?: Fault;
  /**
   * The receiver's own links (statusUrl, replyUrl) lead through the front, as behind a real
   * proxy, so that the front's outages reach the follow-up too.
   */
  linksThroughFront?: boolean;
  /** How to launch `rig.ext`, or false when the tests launch their own browsers with `rig.launch`. */
  browser?: LaunchOptions | false;
  /** Whether `rig.ext` is pointed at the receiver (or the front) on the options page; true by default. */
  endpoint?: boolean;
  /** A machine-wide Chromium policy, written before `rig.ext` starts and removed once it has closed. */
  policy?: (rig: Rig) => Promise<Record<string, unknown>>;
  /** A virtual X display, by number, for the whole file (headed browsers, real key and mouse events). */
  display?: number;
  /** A Chromium without Mayday for the whole file: what a fixture computes by itself. */
  plain?: boolean;
}

export interface Rig {
  site: StaticServer;
  /** The current receiver: a test that restarts it assigns the new one here. */
  receiver: Receiver;
  /** The receiver's folder; it outlives a restarted receiver. */
  dataDir: string;
  token?: string;
  front: FaultyEndpoint;
  /** Where Mayday sends reports: the front's /tickets when there is one, else the receiver's. */
  readonly endpoint: string;
  ext: ExtensionBrowser;
  /** The policy values written for this test (or file). */
  policy: Record<string, unknown>;
  display: VirtualDisplay;
  plain: PlainBrowser;
  /** Points a browser's Mayday at `endpoint` with the rig's token, on the options page. */
  configure(ext: ExtensionBrowser): Promise<void>;
  /**
   * Another Chromium with Mayday, closed after the test that launched it; launched from a hook
   * outside a test, after the file (or sooner by its own close()).
   */
  launch(options?: LaunchOptions): Promise<ExtensionBrowser>;
  /** Closes `thing` when a browser from `launch` would be closed. */
  closeAfter<T extends { close(): unknown }>(thing: T): T;
}

type Step = () => unknown;

/** A loopback port free a moment ago: for a receiver whose public address must be known first. */
const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });

/** Runs every step, in order, even after one fails; then throws the first failure. */
async function runAll(steps: Step[]): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}

export function useRig(options: RigOptions = {}): Rig {
  const perTest = (options.fresh ?? 'test') === 'test';
  const wantsReceiver = options.receiver ?? true;
  /** Closers for what a test launched (inTest) and for what the file's hooks launched. */
  let testClosers: Step[] = [];
  const fileClosers: Step[] = [];
  let inTest = false;

  const rig = {
    token: options.token,
    get endpoint() {
      return `${(rig.front ?? rig.receiver).url}/tickets`;
    },
    configure: (ext) => configureEndpoint(ext, rig.endpoint, rig.token ?? ''),
    async launch(launchOptions) {
      return rig.closeAfter(await launchWithExtension(launchOptions));
    },
    closeAfter(thing) {
      (inTest ? testClosers : fileClosers).push(() => thing.close());
      return thing;
    },
  } as Rig;

  /** The receiver, its front, the policy and the browser: per test or per file. */
  async function start() {
    if (wantsReceiver) {
      rig.dataDir = await mkdtemp(join(tmpdir(), 'mayday-receiver-'));
      if (options.front && options.linksThroughFront) {
        const port = await freePort();
        rig.front = await faultyEndpoint(`http://127.0.0.1:${port}`, options.front);
        rig.receiver = await startReceiver(
          { dataDir: rig.dataDir, token: options.token, publicUrl: rig.front.url },
          port,
        );
      } else {
        rig.receiver = await startReceiver({ dataDir: rig.dataDir, token: options.token });
        if (options.front) rig.front = await faultyEndpoint(rig.receiver.url, options.front);
      }
    }
    if (options.policy) {
      rig.policy = await options.policy(rig);
      await writePolicy(rig.policy);
    }
    if (options.browser === false) return;
    rig.ext = await launchWithExtension(options.browser);
    if (wantsReceiver && (options.endpoint ?? true)) await rig.configure(rig.ext);
  }

  async function stop() {
    await runAll([
      () => rig.ext?.close(),
      // Removed even when the test failed: every Chromium on this machine reads the same folder.
      () => options.policy && removePolicy(),
      () => rig.front?.close(),
      () => rig.receiver?.close(),
      () => rig.dataDir && rm(rig.dataDir, { recursive: true, force: true }),
    ]);
    Object.assign(rig, { ext: undefined, front: undefined, receiver: undefined, dataDir: undefined });
  }

  beforeAll(async () => {
    rig.site = await serveFolder(FIXTURES, options.routes);
    if (options.display !== undefined) rig.display = await startDisplay(options.display);
    if (options.plain) rig.plain = await launchPlainBrowser();
    if (!perTest) await start();
  });
  afterAll(() =>
    runAll([
      ...fileClosers.reverse(),
      () => !perTest && stop(),
      () => rig.plain?.close(),
      () => rig.display?.close(),
      () => rig.site?.close(),
    ]),
  );
  beforeEach(async () => {
    inTest = true;
    if (perTest) await start();
  });
  afterEach(async () => {
    inTest = false;
    const closers = testClosers.reverse();
    testClosers = [];
    await runAll([...closers, () => perTest && stop()]);
  });
  return rig;
}
