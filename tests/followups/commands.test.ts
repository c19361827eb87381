// Trainer commands: refused to participants with nothing changed, usable by trainers; /join and /leave for all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRAINER_REFUSAL } from '../../src/core/context.js';
import { allText, followupHarness, person, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await followupHarness({ TELEGRAM_BOT_USERNAME: 'WorkshopTestBot' });
});
afterEach(async () => {
  await h.close();
});

describe('who may run trainer commands', () => {
  it('refuses every trainer command to a participant, politely, and changes nothing', async () => {
    const code = await h.cohort();
    const id = /Follow-up (\S+) scheduled/.exec(allText(await h.trainer.say(`/followup ${code} tomorrow 9am Hello`)))![1];
    const pat = person(h.rt, 'pat');
    await pat.say(`/join ${code}`);
    await pat.say('What is the capital of France?'); // an unanswered question, for /unanswered done
    const [question] = await h.store.listUnanswered();

    // Arguments that would change something if the command ran: every trainer command must be listed.
    const attempts: Record<string, string[]> = {
      trainer: ['add console:pat', 'remove console:trainer', ''],
      cohort: ['new Pat’s own cohort', `share ${code} console:pat`, ''],
      cohorts: [''],
      followup: [`${code} now Hello from Pat`, `cancel ${id}`, ''],
      followups: ['', code],
      report: [code],
      export: [code],
      unanswered: ['', `done ${question!.id}`],
    };
    const trainerOnly = h.rt.bot.commands.commands.filter((c) => c.role !== 'everyone').map((c) => c.name).sort();
    expect(trainerOnly).toEqual(Object.keys(attempts).sort());

    const before = h.snapshot();
    for (const [name, argsList] of Object.entries(attempts)) {
      for (const args of argsList) {
        const out = await pat.say(`/${name} ${args}`.trim());
        expect(out, `/${name} ${args}`).toEqual([{ kind: 'text', text: TRAINER_REFUSAL }]);
      }
    }
    expect(h.snapshot()).toEqual(before);
    expect(allText(await pat.say('/help'))).not.toContain('/followup');
  });

  it('lets a trainer add another trainer, who can then use the commands', async () => {
    const kim = person(h.rt, 'kim');
    expect(allText(await kim.say('/cohorts'))).toBe(TRAINER_REFUSAL);
    expect(allText(await h.trainer.say('/trainer add console:kim'))).toContain('Added console:kim as a trainer');
    expect(allText(await h.trainer.say('/trainer add console:kim'))).toContain('already a trainer');
    expect(allText(await kim.say('/cohorts'))).toContain('You have no cohorts yet');
    expect(allText(await kim.say('/help'))).toContain('For trainers:');
    expect(allText(await h.trainer.say('/trainer add nobody'))).toMatch(/isn't a platform:id/);
    expect(allText(await h.trainer.say('/trainer'))).toMatch(/Usage: \/trainer add platform:id[\s\S]*console:trainer, console:kim/);
  });
});

describe('cohorts', () => {
  it('creates a cohort with a join code and a Telegram link, and lists member counts', async () => {
    const reply = allText(await h.trainer.say('/cohort new Port Moresby 2026'));
    const code = /Join code: ([A-Z0-9]{6})/.exec(reply)![1];
    expect(reply).toContain(`https://t.me/WorkshopTestBot?start=${code}`);
    expect(allText(await h.trainer.say('/cohort'))).toMatch(/Usage: \/cohort new NAME/);
    await person(h.rt, 'a').say(`/join ${code}`);
    await person(h.rt, '77', 'telegram').say(`/start ${code}`); // the t.me deep link arrives as /start CODE
    expect(allText(await h.trainer.say('/cohorts'))).toMatch(new RegExp(`${code} · Port Moresby 2026 · 2 members`));
  });

  it('joins idempotently, kindly refuses an unknown code, and leaves', async () => {
    const code = await h.cohort();
    const ana = person(h.rt, 'ana');
    expect(allText(await ana.say('/join'))).toMatch(/Usage: \/join CODE/);
    expect(allText(await ana.say('/join ZZZZZZ'))).toMatch(/couldn't find a cohort with the code "ZZZZZZ"\. Please check it with your trainer/);
    expect(allText(await ana.say('/join <script>'))).toMatch(/couldn't find a cohort/);
    expect(allText(await ana.say(`/join ${code}`))).toContain('Welcome');
    expect(allText(await ana.say(`/join ${code}`))).toContain("You're already in");
    expect(await h.store.listMembers((await h.store.getCohortByCode(code))!.id)).toHaveLength(1);
    expect(allText(await ana.say(`/leave ${code}`))).toContain("You've left");
    expect(allText(await ana.say(`/leave ${code}`))).toContain("You're not in");
    expect(allText(await ana.say('/leave'))).toBe("You're not in any cohort.");
  });

  it('joins from a sentence with the code in it; /leave leaves the one cohort, and asks only when there are several', async () => {
    const code = await h.cohort();
    const other = await h.cohort('Lae 2027');
    const ana = person(h.rt, 'ana');
    expect(allText(await ana.say(`I want to join ${code}`))).toMatch(/^Welcome to "Port Moresby 2026"!/);
    expect(await h.store.listUnanswered()).toEqual([]);
    expect(allText(await ana.say('/leave'))).toBe(`You've left "Port Moresby 2026". You won't get its follow-ups any more.`);
    await ana.say(`join ${code}`);
    h.clock.advance(1000);
    await ana.say(`can I join the cohort ${other.toLowerCase()} please`);
    expect(allText(await ana.say('leave'))).toBe([`You're in:`, `• Port Moresby 2026 (${code})`, `• Lae 2027 (${other})`, 'Send /leave CODE to leave one.'].join('\n'));
    expect((await h.store.cohortsOf(ana.key)).length).toBe(2);
    // Six lower-case letters join only a cohort that exists; otherwise the sentence is a question like any other.
    await h.store.createCohort({ id: 'letters', code: 'KWPQRT', name: 'Letters only', createdBy: 'console:trainer', createdAt: h.clock.now() });
    expect(allText(await ana.say('can I join the cohort kwpqrt'))).toMatch(/^Welcome to "Letters only"!/);
    expect(allText(await ana.say('I want to join my friend'))).not.toMatch(/couldn't find a cohort/);
  });
});

describe('unanswered questions', () => {
  it('lists declined questions with time and cohort, and marks one handled', async () => {
    const code = await h.cohort();
    const ana = person(h.rt, 'ana');
    await ana.say(`/join ${code}`);
    await ana.say('What is the capital of France?');
    await person(h.rt, 'solo').say('Who won the football?');
    const list = allText(await h.trainer.say('/unanswered'));
    expect(list).toMatch(new RegExp(`2026-11-27 08:00 · ${code} · "What is the capital of France\\?"`));
    // Someone in none of this trainer's cohorts: only administrators see their questions (tests/followups/ownership).
    expect(list).not.toContain('football');
    const only = allText(await h.trainer.say(`/unanswered ${code}`));
    expect(only).not.toContain('football');
    const [first] = await h.store.listUnanswered({ cohortId: (await h.store.getCohortByCode(code))!.id });
    expect(allText(await h.trainer.say(`/unanswered done ${first!.id}`))).toContain('handled');
    expect(allText(await h.trainer.say(`/unanswered done ${first!.id}`))).toContain('There is no open question');
    expect(allText(await h.trainer.say(`/unanswered ${code}`))).toContain('No open questions');
  });
});
