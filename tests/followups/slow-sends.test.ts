// Slow and dead recipients: a send that never answers holds one slot until its deadline and nothing else, and
// a send slower than the lease keeps its lease, so two workers never both send it.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Messenger, Outgoing, Platform, SendOptions } from '../../src/core/messages.js';
import { waitUntil } from '../scale/harness.js';
import { allText, followupHarness, person, TestClock, type Harness } from './harness.js';

/** A messenger recording what each person got; `hang(key)` makes sends to that person never answer. */
function recordingMessenger(platform: Platform, opts: { honoursAbort: boolean; delayMs?: number }) {
  const got = new Map<string, Outgoing[][]>();
  const hanging = new Set<string>();
  const aborted: string[] = [];
  const keyOf = (address: unknown) => String((address as { chatId?: unknown; userKey?: unknown }).chatId ?? (address as { userKey?: unknown }).userKey);
  const messenger: Messenger = {
    platform,
    limits: { perSecond: 1000, perConversationPerSecond: 1000 },
    async send(address: unknown, messages: Outgoing[], options?: SendOptions) {
      const key = keyOf(address);
      const wait = hanging.has(key) ? Infinity : (opts.delayMs ?? 0);
      if (wait > 0) {
        await new Promise<void>((resolve, reject) => {
          const timer = wait === Infinity ? undefined : setTimeout(resolve, wait);
          if (opts.honoursAbort) {
            options?.signal?.addEventListener('abort', () => {
              clearTimeout(timer);
              aborted.push(key);
              reject(new Error('aborted'));
            });
          }
        });
      }
      got.set(key, [...(got.get(key) ?? []), messages]);
    },
  };
  return { messenger, got, hanging, aborted, hang: (key: string) => hanging.add(key) };
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const idOf = (reply: Outgoing[]): string => /Follow-up (\S+) scheduled/.exec(allText(reply))![1]!;

describe('a recipient that never answers', () => {
  it('holds up nobody: other members, a later follow-up on another platform and the report go out, and it gives up at its deadline', async () => {
    h = await followupHarness();
    const teams = recordingMessenger('teams', { honoursAbort: true });
    const telegram = recordingMessenger('telegram', { honoursAbort: true });
    const code = await h.cohort('Mixed');
    const stuck = person(h.rt, 'stuck', 'teams');
    const fine = person(h.rt, 'fine', 'teams');
    const tg1 = person(h.rt, '7001', 'telegram');
    for (const p of [stuck, fine, tg1]) await p.say(`/join ${code}`);
    teams.hang('stuck');
    const first = idOf(await h.trainer.say(`/followup ${code} now First message`));

    // Timed passes, as in `serve`; the stuck send's deadline is far beyond what the rest needs.
    h.scheduler({ teams: teams.messenger, telegram: telegram.messenger }, { sendTimeoutMs: 4000, intervalMs: 20 });
    await waitUntil('the other members to get the first follow-up', () => teams.got.has('fine') && telegram.got.has('7001'), 3000, 20);

    // A later Telegram-only follow-up, while the Teams send still hangs.
    const code2 = await h.cohort('Telegram only');
    const tg2 = person(h.rt, '7002', 'telegram');
    await tg2.say(`/join ${code2}`);
    await h.trainer.say(`/followup ${code2} now Second message`);
    await waitUntil('the later follow-up to go out', () => telegram.got.has('7002'), 3000, 20);
    expect(teams.aborted).toEqual([]);
    expect(allText(telegram.got.get('7002')!.flat())).toContain('Second message');

    // At its deadline the stuck send is aborted and put back for a later try; the follow-up waits only for it.
    await waitUntil('the stuck send to reach its deadline', () => teams.aborted.length === 1, 6000, 50);
    await waitUntil('the stuck delivery to be put back', async () => {
      const d = (await h!.store.listDeliveries(first)).find((x) => x.userKey === stuck.key);
      return d?.status === 'pending' && d.leaseUntil === undefined && /transient/.test(d.error ?? '') ? d : undefined;
    }, 3000, 50);
    expect((await h.store.getFollowup(first))?.status).toBe('sending');
  }, 20_000);

  it('gives up a send whose messenger ignores the abort, and stops promptly', async () => {
    h = await followupHarness();
    const teams = recordingMessenger('teams', { honoursAbort: false });
    const code = await h.cohort();
    const stuck = person(h.rt, 'stuck', 'teams');
    await stuck.say(`/join ${code}`);
    teams.hang('stuck');
    const id = idOf(await h.trainer.say(`/followup ${code} now Hello`));
    const scheduler = h.scheduler({ teams: teams.messenger }, { sendTimeoutMs: 300 });

    const started = Date.now();
    await Promise.race([scheduler.tick(), sleep(5000).then(() => Promise.reject(new Error('the pass did not end')))]);
    // Deadline 300 ms, then as long again for the messenger to stop.
    expect(Date.now() - started).toBeLessThan(3000);
    const [d] = await h.store.listDeliveries(id);
    expect(d).toMatchObject({ status: 'pending', attempts: 1 });
    expect(d!.error).toMatch(/did not stop/);
    const stopping = Date.now();
    await Promise.race([scheduler.stop(), sleep(5000).then(() => Promise.reject(new Error('stop did not end')))]);
    expect(Date.now() - stopping).toBeLessThan(1000);
  });
});

/** The real time: leases must be able to run out for this test to mean anything. */
class WallClock extends TestClock {
  override now = () => new Date();
}

describe('a send slower than the lease', () => {
  it('keeps its lease while it works: two workers, sends of 2.5 s, a 1 s lease, every member exactly once', async () => {
    h = await followupHarness({}, new WallClock());
    const code = await h.cohort();
    const members = Array.from({ length: 6 }, (_, i) => person(h!.rt, `80${i}`, 'telegram'));
    for (const m of members) await m.say(`/join ${code}`);
    const id = idOf(await h.trainer.say(`/followup ${code} now Read section 3`));
    const slow = recordingMessenger('telegram', { honoursAbort: true, delayMs: 2500 });
    // Two workers on one store, as two processes; each sends three at a time, so a claim of six waits a send
    // (longer than the lease) for its second half.
    for (let i = 0; i < 2; i++) h.scheduler({ telegram: slow.messenger }, { leaseMs: 1000, concurrency: 3, sendTimeoutMs: 10_000, intervalMs: 100 });

    await waitUntil('the follow-up to be done', async () => (await h!.store.getFollowup(id))?.status === 'done', 20_000, 100);
    expect([...slow.got.keys()].filter((k) => k.startsWith('80')).sort()).toEqual(members.map((m) => m.key.split(':')[1]).sort());
    expect(members.map((m) => slow.got.get(m.key.split(':')[1]!)!.length)).toEqual(Array(6).fill(1));
    expect(slow.aborted).toEqual([]);
    expect((await h.store.deliveryCounts(id)).sent).toBe(6);
  }, 30_000);
});
