// "How do X Y *move* Z?": after "do", the subject's last word is often the verb, even when the noun phrase
// runs on. The verb may be said in other words by the pack; the subject is what must be there. The verbs of
// asking itself ("people keep mentioning") say nothing of the topic.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('verbs', { title: 'Records Across the Islands', workshop: 'Atoll Utilities Day 2025' }, [
    {
      id: 'records',
      title: 'Sharing records',
      units: [
        { id: 'how', kind: 'fact', text: 'Island water councils send customer records to each other over a secure exchange, with no central hub.', keywords: [] },
        { id: 'why', kind: 'fact', text: 'Keeping records with each council protects customers if one office is breached.', keywords: [] },
        { id: 'when', kind: 'fact', text: 'The secure exchange opened in 2019 after a pilot on two islands.', keywords: [] },
        { id: 'hybrid', kind: 'fact', text: 'Billing should not go fully online: paper bills stay for households without internet access.', keywords: [] },
        { id: 'amnesty', kind: 'definition', text: 'The meter amnesty lets customers report a broken meter to their council without a fine.', keywords: [] },
        { id: 'minimum', kind: 'fact', text: 'At minimum, the water board should publish its quality test results every month.', keywords: [] },
        { id: 'first-steps', kind: 'list', text: 'First steps for a council: name one records officer, then map where its records are kept.', keywords: [] },
      { id: 'amnesty-start', kind: 'fact', text: 'The water board launched its meter amnesty in 2021, after a dry year.', keywords: [] },
      { id: 'drought', kind: 'fact', text: 'The water board released its first drought plan on 4 May 2022, with rationing rules for dry months.', keywords: [] },
      { id: 'census', kind: 'statistic', text: 'In 2024, 52 of the 60 island councils returned the records census form online.', keywords: [] },
      ],
    },
  ]);

describe('the verb after "how do X"', () => {
  const { answerer } = workshop(writePack());

  it('reads "move" as what the councils do, and answers surely from the unit on how they send records', () => {
    const a = answerer.answer('how do water councils move customer records to each other?');
    expect(a.text).toMatch(/^Island water councils send customer records/);
  });

  it('reads "people keep mentioning" as the way of asking, not as what is asked about', () => {
    expect(answerer.answer('whats this meter amnesty thing people keep mentioning').text).toContain('report a broken meter');
  });

  it('reads "is the speaker saying...?" as asking what the pack says, and answers surely', () => {
    expect(answerer.answer('is the speaker saying billing should go fully online?').text).toMatch(/^Billing should not go fully online/);
  });

  it('reads a phrasal verb the way the pack says it ("kick off" as "launched")', () => {
    expect(answerer.answer('when did the water board kick off its meter amnesty?').text).toMatch(/^The water board launched its meter amnesty in 2021/);
  });

  it('answers when the question\'s one verb is phrasal and the unit says it otherwise ("bring out" and "released")', () => {
    const a = answerer.answer('when did they bring out the drought plan');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('4 May 2022');
  });

  it('reads "the bare minimum" as the minimum', () => {
    expect(answerer.answer("what's the bare minimum the water board should be publishing").text).toMatch(/^At minimum/);
  });

  it('reads "which is older, A or B?" as asking when they began', () => {
    expect(answerer.answer('which is older, the secure exchange or the meter amnesty?').text).toContain('opened in 2019');
  });

  it('reads a term in quotes as what "what does it mean?" asks about', () => {
    expect(answerer.answer("someone used the term 'meter amnesty' in the coffee break, wat does it mean exactly").text).toMatch(/^The meter amnesty lets customers/);
  });

  it('reads "where should a council like ours begin?" as asking for advice', () => {
    expect(answerer.answer('honestly we are starting from almost zero. where should a council like ours begin pls').text).toContain('First steps for a council');
  });

  it('answers when the pack says the question\'s verbs in other words ("completed" and "mailed" for "returned")', () => {
    expect(answerer.answer('how many island councils completed the records census form they were mailed in 2024?').text).toContain('52 of the 60');
  });
});
