// /followup in a trainer's own words: the kind wherever it stands, and a confirmation when the bot had to guess.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allText, followupHarness, person, TestClock, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  // Wednesday 2 December 2026, 03:42 in Port Moresby, where the trainer works.
  h = await followupHarness({}, new TestClock(new Date('2026-12-01T17:42:00Z')));
  await h.trainer.say('/timezone Pacific/Port_Moresby');
});
afterEach(async () => {
  await h.close();
});

describe('/followup in natural wording', () => {
  it('"in 2 weeks a readiness re-check" asks about 09:00 on Wed 16 Dec, and on Yes sends a readiness check then', async () => {
    const code = await h.cohort();
    const ana = person(h.rt, 'ana');
    await ana.say(`/join ${code}`);
    const [question] = await h.trainer.say(`/followup ${code} in 2 weeks a readiness re-check`);
    expect(question).toEqual({
      kind: 'text',
      text: `Send a readiness re-check to ${code} (1 person) on Wed 16 Dec at 09:00 Port Moresby time?\nNo hour was given, so I chose 09:00, the start of a working day.`,
      choices: [expect.objectContaining({ label: 'Yes' }), expect.objectContaining({ label: 'Change' })],
    });
    // Nothing is scheduled until the trainer says yes.
    expect(allText(await h.trainer.say('/followups'))).toMatch(/No follow-ups yet/);
    const done = allText(await h.trainer.press(question?.kind === 'text' ? question.choices![0]!.value : ''));
    expect(done).toMatch(/scheduled for Wed 16 Dec 2026, 09:00 \(Pacific\/Port_Moresby\): a readiness re-check to/);
    expect(allText(await h.trainer.say('/followups'))).toMatch(/2026-12-16 09:00 · a readiness re-check · scheduled/);

    const scheduler = h.scheduler();
    h.clock.t = new Date('2026-12-15T22:59:00Z');
    await scheduler.tick();
    expect(await h.inbox(ana.key)).toEqual([]);
    h.clock.t = new Date('2026-12-15T23:00:00Z');
    await scheduler.tick();
    expect(allText(await h.inbox(ana.key))).toContain('Question 1 of 6');
    expect((await h.rt.store.getActiveSession(ana.key))?.kind).toBe('readiness');
  });

  it('"friday 3pm quiz 10" schedules a 10-question quiz at once (nothing was guessed), and /followups says so', async () => {
    const code = await h.cohort();
    const ana = person(h.rt, 'ana');
    await ana.say(`/join ${code}`);
    const reply = allText(await h.trainer.say(`/followup ${code} friday 3pm quiz 10`));
    expect(reply).toMatch(/scheduled for Fri 4 Dec 2026, 15:00 \(Pacific\/Port_Moresby\): a 10-question knowledge quiz to/);
    expect(reply).not.toContain('note');
    expect(allText(await h.trainer.say('/followups'))).toMatch(/2026-12-04 15:00 · a 10-question knowledge quiz · scheduled/);
    const scheduler = h.scheduler();
    h.clock.t = new Date('2026-12-04T05:00:00Z');
    await scheduler.tick();
    const got = allText(await h.inbox(ana.key));
    expect(got).toContain('Knowledge quiz: 10 questions.');
    expect(got).toContain('Question 1 of 10');
  });

  it('a message that names the readiness check asks which is meant; "No, a readiness re-check" sends the check with the text as its note', async () => {
    const code = await h.cohort();
    const ana = person(h.rt, 'ana');
    await ana.say(`/join ${code}`);
    const [question] = await h.trainer.say(`/followup ${code} now Please finish the readiness check before Friday`);
    expect(question?.kind === 'text' && question.choices?.map((c) => c.label)).toEqual(['Yes, the message', 'No, a readiness re-check', 'Change']);
    expect(allText(await h.trainer.choose('No, a readiness re-check'))).toContain('a readiness re-check with the note "Please finish the readiness check before Friday"');
    await h.scheduler().tick();
    const got = allText(await h.inbox(ana.key));
    expect(got).toContain('Please finish the readiness check before Friday');
    expect(got).toContain('Question 1 of 6');
  });

  it('Change schedules nothing and says how to say it; a second press changes nothing', async () => {
    const code = await h.cohort();
    await h.trainer.say(`/followup ${code} next monday quiz`);
    const change = allText(await h.trainer.choose('Change'));
    expect(change).toMatch(/^Nothing is scheduled\. Send it again/);
    expect(allText(await h.trainer.say('/followups'))).toMatch(/No follow-ups yet/);
    const [again] = await h.trainer.say(`/followup ${code} tomorrow quiz`);
    const yes = again?.kind === 'text' ? again.choices![0]!.value : '';
    expect(allText(await h.trainer.press(yes))).toMatch(/scheduled for Thu 3 Dec 2026, 09:00/);
    expect(allText(await h.trainer.press(yes))).toMatch(/already scheduled/);
  });

  it('an hour without am or pm is confirmed as the afternoon; another trainer cannot press Yes on it', async () => {
    const code = await h.cohort();
    const [question] = await h.trainer.say(`/followup ${code} friday at 3 a readiness re-check`);
    expect(question?.kind === 'text' && question.text).toContain('on Fri 4 Dec at 15:00 Port Moresby time?\n"friday at 3" has no am or pm, so I read it as 15:00.');
    const yes = question?.kind === 'text' ? question.choices![0]!.value : '';
    expect(yes).toMatch(/^\/followup confirm \S+$/);
    expect(Buffer.byteLength(yes)).toBeLessThanOrEqual(64);
    await h.trainer.say(`/trainer add console:zed`);
    expect(allText(await person(h.rt, 'zed').press(yes))).toMatch(/no follow-up .* of yours waiting for a Yes/);
    expect(allText(await h.trainer.press(yes))).toMatch(/scheduled for Fri 4 Dec 2026, 15:00/);
  });

  it('"quiz 50" is refused with the limit', async () => {
    const code = await h.cohort();
    expect(allText(await h.trainer.say(`/followup ${code} friday 3pm quiz 50`))).toMatch(/A quiz has 1 to 20 questions/);
  });
});
