/**
 * One delivery loop per service worker: triggers that arrive while it runs (a new report, an
 * alarm, the popup opening) make it go round once more instead of starting a second loop. Across
 * service-worker restarts the store's claim leases keep two attempts from overlapping.
 */
import { deliverDue, nextWakeAt, type OutboxEnv } from './outbox';
import type { OutboxEntry } from '../../core/model/outbox';

export interface RunnerEnv extends OutboxEnv {
  /** Arrange to be kicked again at `at` (a timer while alive, an alarm to survive shutdown). */
  scheduleWake(at: number | undefined): void;
  /** The outbox changed: update the badge, tell open pages. */
  changed(entries: OutboxEntry[]): void;
}

export interface OutboxRunner {
  kick(): Promise<void>;
}

export function createOutboxRunner(env: RunnerEnv): OutboxRunner {
  let running: Promise<void> | null = null;
  let again = false;

  async function loop() {
    try {
      do {
        again = false;
        await deliverDue(env);
      } while (again);
    } finally {
      const entries = await env.store.list();
      env.scheduleWake(nextWakeAt(entries));
      env.changed(entries);
    }
  }

  return {
    kick() {
      if (running) {
        again = true;
        return running;
      }
      running = loop().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
