// Typing during a quiz: near-miss answers are that choice, vague ones are asked about, and a question asked
// meanwhile never gives the waiting item's answer away.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Outgoing } from '../../src/core/messages.js';
import { allText, person, fixtureRuntime } from './helpers.js';

type RT = Awaited<ReturnType<typeof fixtureRuntime>>;
let rt: RT;
beforeEach(async () => {
  rt = await fixtureRuntime();
});
afterEach(async () => {
  await rt.close();
});

/** The text of every message but the quiz prompt (whose buttons list every choice, the right one too). */
const saidBesidesPrompt = (out: Outgoing[]) => allText(out.filter((m) => !(m.kind === 'text' && m.choices?.length)));

describe('typing during a quiz', () => {
  it('takes near misses as the choice, asks about a vague one, and keeps the answer out of questions asked meanwhile', async () => {
    const ana = person(rt, 'ana');
    await rt.store.createSession({ id: 'quiz-typing', userKey: ana.key, kind: 'quiz', items: ['three-ms', 'gen-def-cyber-plan'] }, rt.testClock.now());

    const asked = await ana.say('what are the 3Ms?');
    expect(saidBesidesPrompt(asked)).toMatch(/^The answer to that would give away the quiz question you're on/);
    expect(saidBesidesPrompt(asked)).not.toMatch(/maps and messages/i);
    expect(allText(asked)).toContain('Question 1 of 2');

    const vague = await ana.say('meters');
    expect(allText(vague)).toMatch(/That fits more than one answer: \d\. Meters, (maps and messages|mains and money) or \d\. Meters, /);
    expect(await rt.store.listUnanswered()).toEqual([]);

    expect(allText(await ana.say('meters maps and messages'))).toContain('✓ Right: Meters, maps and messages.');
    expect(allText(await ana.say('cyber plan'))).toContain('✓ Right: Cyber incident plan.');
    expect(allText(await ana.say('what are the 3Ms?'))).toMatch(/meters, maps and messages/);
  });

  it('takes a near-miss readiness answer, and a question meanwhile is answered as usual', async () => {
    const ana = person(rt, 'ana');
    await ana.say('/readiness');
    expect(allText(await ana.say('yes we do'))).toContain('Question 2 of 6');
    expect(allText(await ana.say('partyl'))).toContain('Question 3 of 6');
    const asked = await ana.say('how many utilities have a cyber incident plan?');
    expect(allText(asked)).toContain('96');
    expect(allText(asked)).toContain('(Your question is still waiting');
  });
});
