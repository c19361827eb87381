// /forget erases a person from every table of a real SQLite file, whatever they did: joined, asked, answered, trained.
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { privacyText } from '../../src/core/basic-commands.js';
import { allText, followupHarness, person, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await followupHarness();
});
afterEach(async () => {
  await h.close();
});

/** Rows, in any table, whose any column mentions the needle. */
function rowsMentioning(snapshot: Record<string, unknown[]>, needle: string): string[] {
  return Object.entries(snapshot).flatMap(([table, rows]) => rows.filter((r) => JSON.stringify(r).includes(needle)).map((r) => `${table}: ${JSON.stringify(r)}`));
}

describe('/forget', () => {
  it('leaves no row about the person in any table', async () => {
    const code = await h.cohort();
    const zed = person(h.rt, 'zed-4711');
    const other = person(h.rt, 'ana');
    await other.say(`/join ${code}`);
    await zed.say(`/join ${code}`);
    await zed.say('What is the capital of France?');
    await zed.say('/quiz 1');
    await zed.say('1');
    // Zed is made a trainer, runs a cohort of their own and schedules a follow-up for it.
    await h.trainer.say('/trainer add console:zed-4711');
    const own = /Join code: ([A-Z0-9]{6})/.exec(allText(await zed.say('/cohort new Zed cohort')))![1]!;
    await other.say(`/join ${own}`);
    await zed.say(`/followup ${own} now Hello from Zed`);
    await h.trainer.say(`/followup ${code} now readiness`);
    await h.scheduler().tick(); // a delivery, an inbox message and an active re-check for Zed; a report to Zed
    await zed.say('Yes');

    const before = h.snapshot();
    expect(rowsMentioning(before, 'zed-4711').length).toBeGreaterThan(8);
    const tablesWithZed = new Set(rowsMentioning(before, 'zed-4711').map((r) => r.split(':')[0]));
    for (const t of ['users', 'trainers', 'sessions', 'cohort_members', 'cohorts', 'followups', 'deliveries', 'unanswered', 'inbox']) expect(tablesWithZed).toContain(t);

    expect(allText(await zed.say('/forget'))).toContain('Are you sure?');
    expect(rowsMentioning(h.snapshot(), 'zed-4711').length).toBeGreaterThan(0); // asking is not erasing
    expect(allText(await zed.press('forget:confirm'))).toContain('everything kept about you has been erased');

    const after = h.snapshot();
    expect(rowsMentioning(after, 'zed-4711')).toEqual([]);
    expect(rowsMentioning(after, 'Person zed')).toEqual([]);
    expect(rowsMentioning(after, 'capital of France')).toEqual([]);
    // Everyone else's data stays.
    expect(rowsMentioning(after, 'console:ana').length).toBeGreaterThan(0);
    expect(await h.store.listMembers((await h.store.getCohortByCode(own))!.id)).toHaveLength(1);
  });

  it('leaves no trace in the files of the SQLite store: not the name, the question or the id', async () => {
    const code = await h.cohort();
    const id = 'zq-90210';
    const name = 'Zebulon Quokkafeather';
    const question = 'Where does the wombat registry keep its ledgers?';
    const zed = (text: string) => h.rt.bot.handle({ user: { platform: 'console', id, name }, conversation: { id: 'dm-zq', type: 'direct' }, text, address: { userKey: `console:${id}` } });
    await zed(`/join ${code}`);
    await zed(question);
    await zed('/quiz 1');
    await zed('1');
    await zed('/readiness');
    await zed('Yes');
    await zed('/timezone Pacific/Port_Moresby');
    // Others keep writing, so the pages Zed was on are rewritten and the log grows.
    for (const other of ['ana', 'bo', 'cy']) {
      const p = person(h.rt, other);
      await p.say(`/join ${code}`);
      await p.say('What is the capital of France?');
    }
    const files = [h.dbFile, `${h.dbFile}-wal`, `${h.dbFile}-shm`];
    const holding = (needle: string) => files.filter((f) => existsSync(f) && readFileSync(f).includes(Buffer.from(needle, 'utf8')));
    expect(holding(name).length).toBeGreaterThan(0); // the check can see them before
    expect(holding(question).length).toBeGreaterThan(0);

    expect(allText(await zed('/forget confirm'))).toContain('has been erased');

    expect(holding(name)).toEqual([]);
    expect(holding(question)).toEqual([]);
    expect(holding(`console:${id}`)).toEqual([]);
    // Everyone else is still there, and the store still works.
    expect(await h.store.getUser('console:ana')).toBeDefined();
    expect(allText(await person(h.rt, 'ana').say('/results'))).toBeTruthy();
  });

  it('/privacy says what stays in the database files: nothing on SQLite, dead rows until VACUUM on PostgreSQL', async () => {
    expect(allText(await person(h.rt, 'ana').say('/privacy'))).toContain('overwritten in the database files straight away');
    expect(privacyText('postgres')).toMatch(/PostgreSQL.*until its routine clean-up \(VACUUM\)/);
  });
});
