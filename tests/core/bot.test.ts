// The neutral bot through its public seam: questions, both flows, stale and repeated answers, groups, privacy.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allText, fixtureRuntime, person } from './helpers.js';

type RT = Awaited<ReturnType<typeof fixtureRuntime>>;
let rt: RT;
beforeEach(async () => {
  rt = await fixtureRuntime();
});
afterEach(async () => {
  await rt.close();
});

describe('questions', () => {
  it('answers a question with a citation', async () => {
    const out = await person(rt, 'a').say('How many utilities let customers pay their bill online?');
    expect(allText(out)).toContain('84');
    expect(allText(out)).toMatch(/source/i);
  });

  it('declines an unrelated question with suggestions and logs it for trainers', async () => {
    const p = person(rt, 'a');
    const out = await p.say('What is the capital of France?');
    expect(allText(out)).toMatch(/can.t find that in the workshop material/i);
    expect(allText(out)).toMatch(/You could ask:\n• .+\n• .+/);
    const logged = await rt.store.listUnanswered();
    expect(logged.map((u) => u.question)).toEqual(['What is the capital of France?']);
  });

  it('ignores group messages that do not address it, answers those that do', async () => {
    const p = person(rt, 'g');
    const group = { conversation: { id: 'team-room', type: 'group' as const } };
    expect(await p.say('how much treated water is lost', group)).toEqual([]);
    expect(allText(await p.say('how much treated water is lost', { ...group, addressed: true }))).toContain('250,000');
  });

  it('answers greetings and thanks like a person, without logging them as unanswered', async () => {
    const p = person(rt, 'h');
    expect(allText(await p.say('Hello!'))).toMatch(/^Hello! Ask me anything/);
    expect(allText(await p.say('thank you'))).toMatch(/welcome/);
    expect(await rt.store.listUnanswered()).toEqual([]);
  });

  it('handles one delivery id once', async () => {
    const p = person(rt, 'd');
    const first = await p.say('/help', { deliveryId: 'test:1' });
    expect(first.length).toBe(1);
    expect(await p.say('/help', { deliveryId: 'test:1' })).toEqual([]);
  });

  it('takes everyday commands without the slash, but not questions that start with the same word', async () => {
    const p = person(rt, 'bare');
    expect(allText(await p.say('quiz 2'))).toContain('Question 1 of 2');
    expect(allText(await p.say('stop'))).toMatch(/Stopped your quiz/);
    expect(allText(await p.say('help'))).toMatch(/\/readiness/);
    expect(allText(await p.say('stop water leaks how?'))).not.toMatch(/Nothing is in progress/);
  });

  it('answers unknown commands kindly', async () => {
    expect(allText(await person(rt, 'a').say('/frobnicate'))).toMatch(/don't know the command \/frobnicate/);
  });
});

describe('readiness self-assessment', () => {
  it('walks 6 questions with progress and ends in 6/6 with a chart', async () => {
    const p = person(rt, 'r');
    const start = await p.say('/readiness');
    expect(allText(start)).toMatch(/kept|keep/i);
    expect(allText(start)).toContain('Question 1 of 6');
    let out = start;
    for (let i = 0; i < 6; i++) out = await p.choose('Yes');
    const result = allText(out);
    expect(result).toMatch(/\b6\/6\b/);
    expect(out.some((m) => m.kind === 'image' && m.png.subarray(1, 4).toString() === 'PNG')).toBe(true);
  });

  it('gives 0/6 for all No, names the urgent gaps, and says what changed next time', async () => {
    const p = person(rt, 'r2');
    await p.say('/readiness');
    let out = await p.choose('No');
    for (let i = 1; i < 6; i++) out = await p.choose('No');
    expect(allText(out)).toMatch(/\b0\/6\b/);
    expect(allText(out)).toMatch(/96 of (the )?120 member utilities/);
    // "Next time": a while later (14 messages at one instant would be over anyone's rate budget).
    rt.testClock.advance(60_000);
    await p.say('/readiness');
    for (let i = 0; i < 6; i++) out = await p.choose('Yes');
    expect(allText(out)).toMatch(/\b6\/6\b/);
    expect(allText(out)).toMatch(/\+6|up 6|since/i);
  });

  it('counts an answer delivered twice once, and answers a stale button kindly', async () => {
    const p = person(rt, 'r3');
    await p.say('/readiness');
    const first = p.last.find((m) => m.kind === 'text' && m.choices)!;
    const yes = first.kind === 'text' ? first.choices![0]!.value : '';
    const [a, b] = await Promise.all([p.press(yes), p.press(yes)]);
    const texts = [allText(a), allText(b)];
    expect(texts.filter((t) => t.includes('Question 2 of 6'))).toHaveLength(2);
    const session = await rt.store.getActiveSession(p.key);
    expect(session?.index).toBe(1);
    expect(session?.answers.filter((x) => x !== null)).toEqual(['yes']);
    const stale = await p.press(yes);
    expect(allText(stale)).toMatch(/already answered/);
    expect((await rt.store.getActiveSession(p.key))?.index).toBe(1);
  });

  it('accepts typed answers, and stops on /stop', async () => {
    const p = person(rt, 'r4');
    await p.say('/readiness');
    expect(allText(await p.say('partly'))).toContain('Question 2 of 6');
    expect(allText(await p.say("don't know"))).toContain('Question 3 of 6');
    expect(allText(await p.say('/stop'))).toMatch(/Stopped your self-assessment after 2 of 6/);
    expect(await rt.store.getActiveSession(p.key)).toBeUndefined();
  });
});

describe('knowledge quiz', () => {
  it('gives feedback after every answer and a final k/N', async () => {
    const p = person(rt, 'q');
    let out = await p.say('/quiz');
    expect(allText(out)).toContain('Question 1 of 5');
    let feedback = 0;
    for (let i = 0; i < 5; i++) {
      out = await p.say('1');
      const t = allText(out);
      if (/right|correct|not quite|wrong/i.test(t)) feedback++;
    }
    expect(feedback).toBe(5);
    expect(allText(out)).toMatch(/\b[0-5]\/5\b/);
    expect(allText(await p.say('/results'))).toMatch(/knowledge quiz [0-5]\/5/);
  });

  it('rejects a bad length kindly', async () => {
    expect(allText(await person(rt, 'q2').say('/quiz lots'))).toMatch(/number from 1 to/);
  });
});

describe('privacy', () => {
  it('explains what is kept and erases it on /forget', async () => {
    const p = person(rt, 'f');
    expect(allText(await p.say('/privacy'))).toMatch(/forget/);
    await p.say('/quiz 2');
    await p.say('1');
    expect(allText(await p.say('/forget'))).toMatch(/sure/);
    expect(allText(await p.press('forget:confirm'))).toMatch(/erased/);
    expect(await rt.store.getUser(p.key)).toBeUndefined();
    expect(await rt.store.listSessions(p.key)).toEqual([]);
    await p.say('hello again');
    expect((await rt.store.getUser(p.key))?.reachable).toBe(true);
  });
});

describe('/forget offers Yes and No', () => {
  it('No (pressed, or typed) erases nothing and says so', async () => {
    const p = person(rt, 'n');
    await p.say('/quiz 1');
    await p.say('1');
    const [question] = await p.say('/forget');
    expect(question?.kind === 'text' && question.choices?.map((c) => c.label)).toEqual(['Yes', 'No']);
    expect(allText(await p.choose('No'))).toBe('Nothing was erased: your answers, results and cohorts are kept as they were.');
    expect(await rt.store.listSessions(p.key)).toHaveLength(1);
    await p.say('/forget');
    expect(allText(await p.say('no'))).toMatch(/^All right: nothing changed\./);
    expect(await rt.store.listUnanswered()).toEqual([]);
    expect(await rt.store.listSessions(p.key)).toHaveLength(1);
    expect(allText(await p.say('/forget yes'))).toMatch(/erased/);
    expect(await rt.store.listSessions(p.key)).toEqual([]);
  });
});

describe('buttons in groups', () => {
  it("only the person who started a quiz can answer it", async () => {
    const owner = person(rt, 'owner');
    const other = person(rt, 'other');
    await owner.say('/readiness');
    const prompt = owner.last.find((m) => m.kind === 'text' && m.choices)!;
    const yes = prompt.kind === 'text' ? prompt.choices![0]!.value : '';
    expect(allText(await other.press(yes))).toMatch(/belong to someone else/);
    expect((await rt.store.getActiveSession(owner.key))?.index).toBe(0);
  });
});
