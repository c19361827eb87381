// Typing during a quiz: near-miss answers are that choice, vague ones are asked about, and a question asked
// meanwhile never gives the waiting item's answer away.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Outgoing } from '../../src/core/messages.js';
import { allText, person, testRuntime } from './helpers.js';

type RT = Awaited<ReturnType<typeof testRuntime>>;
let rt: RT;
beforeEach(async () => {
  rt = await testRuntime();
});
afterEach(async () => {
  await rt.close();
});

/** The text of every message but the quiz prompt (whose buttons list every choice, the right one too). */
const saidBesidesPrompt = (out: Outgoing[]) => allText(out.filter((m) => !(m.kind === 'text' && m.choices?.length)));

describe('typing during a quiz', () => {
  it('takes near misses as the choice, asks about a vague one, and keeps the answer out of questions asked meanwhile', async () => {
    const ana = person(rt, 'ana');
    await rt.store.createSession({ id: 'quiz-typing', userKey: ana.key, kind: 'quiz', items: ['three-ds', 'gen-def-org-structure'] }, rt.testClock.now());

    const asked = await ana.say('what are the 3Ds?');
    expect(saidBesidesPrompt(asked)).toMatch(/^The answer to that would give away the quiz question you're on/);
    expect(saidBesidesPrompt(asked)).not.toMatch(/design and delivery/i);
    expect(allText(asked)).toContain('Question 1 of 2');

    const vague = await ana.say('data');
    expect(allText(vague)).toMatch(/That fits more than one answer: \d\. Data, (design and delivery|documents and databases) or \d\. Data, /);
    expect(await rt.store.listUnanswered()).toEqual([]);

    expect(allText(await ana.say('data design and delivery'))).toContain('✓ Right: Data, design and delivery.');
    expect(allText(await ana.say('govt structure'))).toContain('✓ Right: Government structure on the portal.');
    expect(allText(await ana.say('what are the 3Ds?'))).toMatch(/data, design and delivery/);
  });

  it('takes a near-miss readiness answer, and a question meanwhile is answered as usual', async () => {
    const ana = person(rt, 'ana');
    await ana.say('/readiness');
    expect(allText(await ana.say('yes we do'))).toContain('Question 2 of 16');
    expect(allText(await ana.say('partyl'))).toContain('Question 3 of 16');
    const asked = await ana.say('how many countries have cybersecurity legislation?');
    expect(allText(asked)).toContain('153');
    expect(allText(asked)).toContain('(Your question is still waiting');
  });
});
