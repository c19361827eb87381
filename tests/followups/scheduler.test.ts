// Follow-ups on a held clock: they fire at their time and not before, cancelled ones never, each member once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConsoleMessenger } from '../../adapters/console/messenger.js';
import type { Scheduler } from '../../src/followups/scheduler.js';
import { allText, followupHarness, person, TRAINER, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await followupHarness(); // clock: Friday 2026-11-27 08:00 UTC; trainer's zone UTC
});
afterEach(async () => {
  await h.close();
});

const idOf = (reply: string): string => {
  const id = /Follow-up (\S+) scheduled/.exec(reply)?.[1];
  if (!id) throw new Error(`no follow-up id in: ${reply}`);
  return id;
};

describe('scheduled follow-ups', () => {
  it('fires at its time and not before, to every member once, then reports to the trainer', async () => {
    const code = await h.cohort();
    const ana = person(h.rt, 'ana');
    const ben = person(h.rt, 'ben');
    expect(allText(await ana.say(`/join ${code}`))).toMatch(/Welcome to "Port Moresby 2026"/);
    await ben.say(`/join ${code.toLowerCase()}`);

    const reply = allText(await h.trainer.say(`/followup ${code} tomorrow 9am Bring your national strategy.`));
    expect(reply).toContain('Sat 28 Nov 2026, 09:00 (UTC)');
    expect(reply).toContain('2 members now');
    const scheduler = h.scheduler();

    await scheduler.tick();
    h.clock.t = new Date('2026-11-28T08:59:59Z');
    await scheduler.tick();
    expect(await h.inbox(ana.key)).toEqual([]);
    expect(await h.inbox(TRAINER)).toEqual([]);

    h.clock.t = new Date('2026-11-28T09:00:00Z');
    await scheduler.tick();
    for (const p of [ana, ben]) {
      const got = await h.inbox(p.key);
      expect(got).toHaveLength(1);
      expect(allText(got)).toContain('Bring your national strategy.');
    }
    const report = allText(await h.inbox(TRAINER));
    expect(report).toContain(`Follow-up ${idOf(reply)}`);
    expect(report).toContain('Sent: 2 · Unreachable: 0 · Failed: 0 (of 2)');

    h.clock.advance(60 * 60_000);
    await scheduler.tick();
    expect(await h.inbox(ana.key)).toEqual([]);
    expect(allText(await h.trainer.say(`/followups ${code}`))).toContain('done: 2 of 2 sent');
  });

  it('never fires a cancelled follow-up', async () => {
    const code = await h.cohort();
    const ana = person(h.rt, 'ana');
    await ana.say(`/join ${code}`);
    const id = idOf(allText(await h.trainer.say(`/followup ${code} in 2 hours quiz`)));
    expect(allText(await h.trainer.say(`/followup cancel ${id}`))).toContain(`Cancelled follow-up ${id}`);
    expect(allText(await h.trainer.say(`/followup cancel ${id}`))).toContain('already cancelled');

    const scheduler = h.scheduler();
    h.clock.advance(3 * 60 * 60_000);
    await scheduler.tick();
    expect(await h.inbox(ana.key)).toEqual([]);
    expect(await h.rt.store.getActiveSession(ana.key)).toBeUndefined();
    expect(allText(await h.trainer.say('/followups'))).toMatch(new RegExp(`${id} .* cancelled`));
  });

  it('starts a quiz or a readiness re-check that the member can answer', async () => {
    const code = await h.cohort();
    const ana = person(h.rt, 'ana');
    await ana.say(`/join ${code}`);
    await h.trainer.say(`/followup ${code} now quiz Before Monday, please.`);
    await h.trainer.say(`/followup ${code} in 1 hour readiness`);
    const scheduler = h.scheduler();

    await scheduler.tick();
    const quiz = allText(await h.inbox(ana.key));
    expect(quiz).toContain('Before Monday, please.');
    expect(quiz).toContain('Question 1 of 5');
    expect(allText(await ana.say('1'))).toMatch(/Right|Not quite/);

    h.clock.advance(60 * 60_000);
    await scheduler.tick();
    const recheck = await h.inbox(ana.key);
    expect(allText(recheck)).toContain('readiness re-check');
    expect(allText(recheck)).toContain('Question 1 of 6');
    expect((await h.rt.store.getActiveSession(ana.key))?.kind).toBe('readiness');
  });

  it('keeps a member on an unconfigured platform pending, and says so', async () => {
    const code = await h.cohort();
    await person(h.rt, 'ana').say(`/join ${code}`);
    const tele = person(h.rt, '5005', 'telegram');
    await tele.say(`/join ${code}`);
    const id = idOf(allText(await h.trainer.say(`/followup ${code} now Hello everyone`)));
    const scheduler = h.scheduler(); // console only: no Telegram messenger here

    await scheduler.tick();
    await scheduler.tick();
    const note = allText(await h.inbox(TRAINER));
    expect(note).toContain(`Follow-up ${id}: sent 1 of 2. 1 still pending (1 on telegram)`);
    expect(allText(await h.trainer.say('/followups'))).toContain('sending: 1 of 2 sent, 1 pending (1 on telegram)');
    expect(await h.rt.store.getFollowup(id)).toMatchObject({ status: 'sending' });
  });

  it('reads the trainer time zone, and refuses a time in the past kindly', async () => {
    await h.close();
    h = await followupHarness({ TZ: 'Pacific/Port_Moresby' });
    const code = await h.cohort();
    expect(allText(await h.trainer.say(`/followup ${code} 2026-12-01 09:00 quiz`))).toContain('Tue 1 Dec 2026, 09:00 (Pacific/Port_Moresby)');
    const [f] = await h.rt.store.listFollowups();
    expect(f!.dueAt.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(allText(await h.trainer.say(`/followup ${code} yesterday 9am quiz`))).toMatch(/has already passed\. Pick a time in the future, or say now\./);
    expect(allText(await h.trainer.say(`/followup ${code} whenever quiz`))).toMatch(/couldn't read a time/);
    expect(allText(await h.trainer.say(`/followup ${code} tomorrow 9am`))).toMatch(/What should go out\?/);
    expect(allText(await h.trainer.say('/followup NOPE99 now hi'))).toMatch(/couldn't find a cohort of yours with the code NOPE99/);
    expect(await h.rt.store.listFollowups()).toHaveLength(1);
  });
});

describe('stopping', () => {
  it('finishes the send in flight, hands back at once what it claimed and had not started, and ticks no more', async () => {
    const code = await h.cohort();
    const people = ['a', 'b', 'c'].map((id) => person(h.rt, id));
    for (const p of people) await p.say(`/join ${code}`);
    await h.trainer.say(`/followup ${code} now First`);
    // The console messenger, with a shutdown request arriving during the first send.
    const consoleMessenger = createConsoleMessenger(h.rt.consoleInbox);
    let stopped: Promise<void> | undefined;
    const scheduler: Scheduler = h.scheduler(
      {
        console: {
          ...consoleMessenger,
          send: async (address, messages) => {
            stopped ??= scheduler.stop();
            await consoleMessenger.send(address, messages);
          },
        },
      },
      { batchSize: 2, concurrency: 1 },
    );
    await scheduler.tick();
    await stopped;
    const [first] = await h.store.listFollowups();
    const deliveries = await h.store.listDeliveries(first!.id);
    expect(deliveries.map((d) => d.status).sort()).toEqual(['pending', 'pending', 'sent']);
    // The one claimed but not started is free for another process now, not when its lease runs out.
    expect(deliveries.filter((d) => d.status === 'pending').map((d) => d.leaseUntil)).toEqual([undefined, undefined]);

    await scheduler.tick();
    expect((await h.store.deliveryCounts(first!.id)).pending).toBe(2);
  });
});
