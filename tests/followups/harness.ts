// Test harness for follow-ups: the real runtime on a temp SQLite file, a held clock, virtual pacing time, and a
// scheduler we tick by hand.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import pino from 'pino';
import { createConsoleMessenger } from '../../adapters/console/messenger.js';
import type { Messenger, Outgoing, Platform } from '../../src/core/messages.js';
import type { Pacer } from '../../src/followups/rate.js';
import { startScheduler, type Scheduler, type SchedulerOptions } from '../../src/followups/scheduler.js';
import { allText, fixtureRuntime, person, TestClock } from '../core/helpers.js';

export { allText, person, TestClock };
export const TRAINER = 'console:trainer';

export type Harness = Awaited<ReturnType<typeof followupHarness>>;

/**
 * Virtual pacing time: a sleep resolves as soon as every earlier-due sleep has, with the time moved on to
 * its end; sleepers wake one per event-loop turn in time order, so concurrent waits overlap as in real time.
 */
export class TestPacer implements Pacer {
  t = 0;
  /** Every wait asked for, in ms. */
  readonly waits: number[] = [];
  private readonly pending: { at: number; seq: number; wake: () => void }[] = [];
  private seq = 0;
  private scheduled = false;

  now = (): number => this.t;

  sleep = (ms: number): Promise<void> => {
    this.waits.push(ms);
    return new Promise((wake) => {
      this.pending.push({ at: this.t + Math.max(0, ms), seq: this.seq++, wake });
      this.schedule();
    });
  };

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.pending.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.pending.shift();
      if (!next) return;
      this.t = Math.max(this.t, next.at);
      next.wake();
      if (this.pending.length) this.schedule();
    });
  }
}

/** A runtime over the fixture pack (six readiness questions) with a trainer, a test pacer and schedulers. */
export async function followupHarness(env: Record<string, string> = {}, clock = new TestClock()) {
  const rt = await fixtureRuntime({ TRAINERS: TRAINER, TZ: 'UTC', ...env }, clock);
  const pacer = new TestPacer();
  const schedulers: Scheduler[] = [];
  const h = {
    rt,
    clock,
    /** The schedulers' pacing time (virtual: waits for platform limits take no real time). */
    pacer,
    store: rt.store,
    trainer: person(rt, 'trainer'),
    dbFile: join(rt.dir, 'bot.db'),
    /** A scheduler on this runtime; the console messenger is always there, like in the app. */
    scheduler(messengers: Partial<Record<Platform, Messenger>> = {}, extra: Partial<SchedulerOptions> = {}): Scheduler {
      const s = startScheduler({
        flows: rt.bot,
        store: rt.store,
        clock,
        logger: pino({ level: 'silent' }),
        messengers: { console: createConsoleMessenger(rt.consoleInbox), ...messengers },
        intervalMs: 0,
        workerId: `test-${schedulers.length}`,
        pacer,
        ...extra,
      });
      schedulers.push(s);
      return s;
    },
    /** What a console person has waiting in their inbox (taken, so the next call sees only new ones). */
    async inbox(key: string): Promise<Outgoing[]> {
      return (await rt.consoleInbox.take(key)).flat();
    },
    /** Creates a cohort as the trainer and returns its join code. */
    async cohort(name = 'Port Moresby 2026'): Promise<string> {
      const reply = allText(await h.trainer.say(`/cohort new ${name}`));
      const code = /Join code: ([A-Z0-9]{6})/.exec(reply)?.[1];
      if (!code) throw new Error(`no join code in: ${reply}`);
      return code;
    },
    /** Every row of every table, straight from the SQLite file (not through the Store). */
    snapshot(): Record<string, unknown[]> {
      const db = new Database(h.dbFile, { readonly: true });
      try {
        const tables = db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`).all() as { name: string }[];
        return Object.fromEntries(tables.map((t) => [t.name, db.prepare(`select * from "${t.name}"`).all()]));
      } finally {
        db.close();
      }
    },
    async close() {
      for (const s of schedulers) await s.stop();
      await rt.close();
    },
  };
  return h;
}
