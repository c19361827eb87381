// Cohorts belong to the trainers who made them or were given them; administrators see them all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { privacyText } from '../../src/core/basic-commands.js';
import { TRAINER_REFUSAL } from '../../src/core/context.js';
import { loadConfig } from '../../src/app/config.js';
import { allText, person, testRuntime } from '../core/helpers.js';

type Rt = Awaited<ReturnType<typeof testRuntime>>;
let rt: Rt;
beforeEach(async () => {
  rt = await testRuntime({ ADMINS: 'console:boss', TRAINERS: 'console:ana' });
});
afterEach(async () => {
  await rt.close();
});

const codeIn = (reply: string) => /Join code: ([A-Z0-9]{6})/.exec(reply)![1]!;

/** Ana (configured) adds Ben; each makes a cohort; members of each, and someone in no cohort, ask what I cannot answer. */
async function twoTrainers() {
  const ana = person(rt, 'ana');
  const ben = person(rt, 'ben');
  const boss = person(rt, 'boss');
  expect(allText(await ana.say('/trainer add console:ben'))).toContain('Added console:ben as a trainer');
  const a = codeIn(allText(await ana.say('/cohort new Ana’s group')));
  const b = codeIn(allText(await ben.say('/cohort new Ben’s group')));
  const pat = person(rt, 'pat');
  await pat.say(`/join ${a}`);
  await pat.say('What is the capital of France?');
  const mo = person(rt, 'mo');
  await mo.say(`/join ${b}`);
  await mo.say('Who painted the Mona Lisa?');
  await person(rt, 'solo').say('Who won the football?');
  const followup = /Follow-up (\S+) scheduled/.exec(allText(await ana.say(`/followup ${a} tomorrow 9am Bring your strategy`)))![1]!;
  return { ana, ben, boss, a, b, followup };
}

describe('a second trainer and the first trainer’s cohort', () => {
  it('cannot /report, /export, message, list or cancel it, or see its members’ questions', async () => {
    const { ben, a, b, followup } = await twoTrainers();
    const before = await rt.store.listFollowups();

    const refusal = `I couldn't find a cohort of yours with the code ${a}. /cohorts lists the cohorts you run.`;
    expect(await ben.say(`/report ${a}`)).toEqual([{ kind: 'text', text: refusal }]);
    expect(await ben.say(`/export ${a}`)).toEqual([{ kind: 'text', text: refusal }]);
    expect(await ben.say(`/followup ${a} now Hello from Ben`)).toEqual([{ kind: 'text', text: refusal }]);
    expect(await ben.say(`/followups ${a}`)).toEqual([{ kind: 'text', text: refusal }]);
    expect(await ben.say(`/unanswered ${a}`)).toEqual([{ kind: 'text', text: refusal }]);
    expect(allText(await ben.say(`/followup cancel ${followup}`))).toBe(`There is no follow-up ${followup} for your cohorts. /followups lists them.`);
    expect(await rt.store.listFollowups()).toEqual(before);
    expect((await rt.store.getFollowup(followup))?.status).toBe('scheduled');

    const cohorts = allText(await ben.say('/cohorts'));
    expect(cohorts).toContain(b);
    expect(cohorts).not.toContain(a);
    expect(allText(await ben.say('/followups'))).toContain('No follow-ups yet');
    const open = allText(await ben.say('/unanswered'));
    expect(open).toContain('Mona Lisa');
    expect(open).not.toMatch(/France|football/);
    const [pats] = await rt.store.listUnanswered({ cohortId: (await rt.store.getCohortByCode(a))!.id });
    expect(allText(await ben.say(`/unanswered done ${pats!.id}`))).toContain('There is no open question');
    expect((await rt.store.listUnanswered()).map((u) => u.id)).toContain(pats!.id);
  });

  it('can once the first trainer shares it, and the first trainer still cannot see the second’s', async () => {
    const { ana, ben, a, b, followup } = await twoTrainers();
    expect(allText(await ana.say(`/cohort share ${a} console:nobody`))).toContain('console:nobody is not a trainer');
    expect(allText(await ben.say(`/cohort share ${a} console:ben`))).toContain(`couldn't find a cohort of yours with the code ${a}`);
    expect(allText(await ana.say(`/cohort share ${a} console:ben`))).toContain(`Shared "Ana’s group" (${a}) with console:ben`);
    expect(allText(await ana.say(`/cohort share ${a} console:ben`))).toContain('already runs');

    expect(allText(await ben.say(`/report ${a}`))).toContain(`Report for "Ana’s group" (${a})`);
    expect((await ben.say(`/export ${a}`))[0]!.kind).toBe('file');
    expect(allText(await ben.say('/unanswered'))).toContain('capital of France');
    expect(allText(await ben.say(`/followup cancel ${followup}`))).toContain(`Cancelled follow-up ${followup}`);
    expect(allText(await ana.say(`/report ${b}`))).toContain(`couldn't find a cohort of yours with the code ${b}`);
  });
});

describe('administrators', () => {
  it('see and act on every cohort and every unanswered question, also from people in no cohort', async () => {
    const { boss, a, b, followup } = await twoTrainers();
    const cohorts = allText(await boss.say('/cohorts'));
    expect(cohorts).toContain('you are an administrator');
    expect(cohorts).toContain(a);
    expect(cohorts).toContain(b);
    expect(allText(await boss.say(`/report ${b}`))).toContain('Report for "Ben’s group"');
    const open = allText(await boss.say('/unanswered'));
    for (const q of ['France', 'Mona Lisa', 'football']) expect(open).toContain(q);
    expect(allText(await boss.say('/followups'))).toContain(followup);
    expect(allText(await boss.say('/help'))).toContain('For trainers:');
  });
});

describe('/trainer', () => {
  it('removes a trainer (administrators any, trainers those they added), never a configured one', async () => {
    const { ana, ben, boss, b } = await twoTrainers();
    expect(allText(await ben.say('/trainer remove console:ana'))).toContain('named in the server\'s configuration (TRAINERS or ADMINS)');
    expect(allText(await boss.say('/trainer remove console:ana'))).toContain('configuration');
    await ana.say('/trainer add console:cy');
    expect(allText(await ben.say('/trainer remove console:cy'))).toContain('Only an administrator, or the trainer who added console:cy');
    expect(allText(await ana.say('/trainer remove console:cy'))).toContain('Removed console:cy');
    expect(allText(await ana.say('/trainer remove console:cy'))).toContain('console:cy is not a trainer');

    const removed = allText(await boss.say('/trainer remove console:ben'));
    expect(removed).toContain('Removed console:ben');
    expect(removed).toContain(`Cohorts now without a trainer (administrators still see them and can /cohort share them): ${b}`);
    expect(allText(await ben.say('/cohorts'))).toBe(TRAINER_REFUSAL);
    // Added again, Ben starts with no cohorts: removal took his cohorts from him.
    await ana.say('/trainer add console:ben');
    expect(allText(await ben.say('/cohorts'))).toContain('You have no cohorts yet');
    expect(allText(await boss.say(`/cohort share ${b} console:ben`))).toContain('Shared');
    expect(allText(await ben.say('/cohorts'))).toContain(b);
  });

  it('checks the form of the id for each platform', async () => {
    const ana = person(rt, 'ana');
    const refused: [string, RegExp][] = [
      ['nobody', /isn't a platform:id/],
      ['fax:123', /isn't a platform:id/],
      ['telegram:@someone', /isn't a telegram id: .*numeric user id/],
      ['telegram:12ab', /isn't a telegram id/],
      ['slack:alice', /isn't a slack id: .*member ID/],
      ['teams:29:1a2b3c', /isn't a teams id: .*Entra object id.*not the "29:\.\.\." id/],
      ['teams:alice@example.org', /isn't a teams id/],
      ['console:two words', /isn't a platform:id|isn't a console id/],
    ];
    for (const [who, reason] of refused) expect(allText(await ana.say(`/trainer add ${who}`)), who).toMatch(reason);
    expect(await rt.store.listTrainers()).toEqual([]);
    expect(allText(await ana.say('/trainer add telegram:123456789'))).toContain('Added telegram:123456789');
    expect(allText(await ana.say('/trainer add slack:u024be7lh'))).toContain('Added slack:U024BE7LH');
    expect(allText(await ana.say('/trainer add teams:8D2F1C3E-4B5A-4C6D-9E7F-0A1B2C3D4E5F'))).toContain('Added teams:8d2f1c3e-4b5a-4c6d-9e7f-0a1b2c3d4e5f');
    expect((await rt.store.listTrainers()).sort()).toEqual(['slack:U024BE7LH', 'teams:8d2f1c3e-4b5a-4c6d-9e7f-0a1b2c3d4e5f', 'telegram:123456789']);
  });

  it('TRAINERS and ADMINS take the same forms, and a bad one names the variable', () => {
    expect(() => loadConfig({ TRAINERS: 'teams:29:abc' })).toThrow(/TRAINERS: "teams:29:abc" isn't a teams id/);
    expect(() => loadConfig({ ADMINS: 'telegram:me' })).toThrow(/ADMINS: "telegram:me" isn't a telegram id/);
    expect(loadConfig({ ADMINS: 'teams:8D2F1C3E-4B5A-4C6D-9E7F-0A1B2C3D4E5F, slack:u1abc' }).ADMINS).toEqual(['teams:8d2f1c3e-4b5a-4c6d-9e7f-0a1b2c3d4e5f', 'slack:U1ABC']);
  });
});

describe('/privacy', () => {
  it('says who sees what: the trainers of your cohorts, and the administrators', () => {
    for (const kind of ['sqlite', 'postgres'] as const) {
      expect(privacyText(kind)).toMatch(/trainers who run the cohorts you join/);
      expect(privacyText(kind)).toMatch(/administrators, who see every cohort/);
    }
  });
});
