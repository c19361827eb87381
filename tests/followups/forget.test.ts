// /forget erases a person from every table of a real SQLite file, whatever they did: joined, asked, answered, trained.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
    const own = /Join code: ([A-Z0-9]{6})/.exec(allText(await zed.say('/cohort new Zed cohort')))![1];
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
});
