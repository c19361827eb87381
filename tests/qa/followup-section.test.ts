// "And which was highest?" after "which focus area scored lowest?": the same question about another end of
// the scale, answered near the last answer, not by a unit elsewhere that happens to say "highest".
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('followup-section', { title: 'Measuring Utilities', workshop: 'Atoll Utilities Day 2025' }, [
    {
      id: 'areas',
      title: 'Focus areas',
      units: [
        { id: 'area-list', kind: 'list', text: 'The utility index has four focus areas: supply, quality, billing and service.', keywords: [] },
        { id: 'area-low', kind: 'statistic', text: 'Billing scored lowest of the four focus areas on average in 2023 (0.41).', keywords: [] },
        { id: 'area-spread', kind: 'statistic', text: 'Most utilities sit in the middle two bands of the utility index: 31 of the 40.', keywords: [] },
        { id: 'area-end', kind: 'fact', text: 'At the end of each year the regulator checks every band.', keywords: [] },
        { id: 'area-high', kind: 'statistic', text: 'Supply was the strongest focus area on average in 2023 (0.77).', keywords: [] },
      ],
    },
    {
      id: 'press',
      title: 'In the press',
      units: [
        { id: 'press-top', kind: 'fact', text: 'Press coverage of the 2023 index placed Ruritania highest by score and Panama second.', keywords: [] },
        { id: 'press-low', kind: 'fact', text: 'Newspapers ranked the outer islands highest for complaints about billing.', keywords: [] },
      ],
    },
  ]);

describe('a follow-up about the other end of the scale', () => {
  const { answerer } = workshop(writePack());

  it('stays in the last answer\'s section', () => {
    const first = answerer.answer('which focus area scored lowest on average?');
    expect(first.text).toContain('Billing scored lowest');
    const next = answerer.answer('and which was highest?', first.topic);
    expect(next.text).toContain('Supply was the strongest');
    expect(next.text).not.toContain('Ruritania');
  });
});

describe('words that say how to answer', () => {
  const { answerer } = workshop(writePack());

  it('reads "from top to bottom" as the order asked for, not a topic', () => {
    expect(answerer.answer('what r the focus areas called, from top to bottom').text).toContain('supply, quality, billing and service');
  });

  it('reads "where do most end up?" as where most are', () => {
    expect(answerer.answer('where do most utilities end up in the bands?').text).toMatch(/^Most utilities sit in the middle two bands/);
  });
});

describe('"more" after two answers in one section', () => {
  // An invented ferry authority's pack: five units on its network, in order.
  const { answerer } = workshop(join(import.meta.dirname, '../fixtures/ferry-pack'));

  it('tells the rest of the section, not a unit the conversation has already given', () => {
    let topic = answerer.answer('how many staff does the MFA have?').topic;
    topic = answerer.answer('how old are the vessels?', topic).topic;
    const told: string[] = [];
    for (let k = 0; k < 4; k++) {
      const a = answerer.answer('tell me more', topic);
      if (!a.answered) break;
      told.push(a.text);
      topic = a.topic;
    }
    expect(told.join('\n')).toContain('lifeline route');
    expect(told.join('\n')).toContain('38 routes linking 52 harbours');
    expect(told.join('\n')).not.toContain('employs 1,340 staff');
  });

  it('reads "any other ...?" and "and the rest?" as asking for more of the same part', () => {
    const first = answerer.answer('how old are the vessels?');
    const other = answerer.answer('any other figures?', first.topic);
    expect(other.text).toMatch(/^The MFA employs 1,340 staff/);
    const rest = answerer.answer('and the rest?', other.topic);
    expect(rest.text).toMatch(/^Earlier in this part: The Marrowsea Ferry Authority \(MFA\) runs 38 routes/);
  });

  it('goes on from the first of two units an answer gave, in the order of the part', () => {
    // (An answer may give two units apart when both came close: the first and the fourth of the part.)
    const a = answerer.answer('tell me more', { question: 'how big is the network?', refs: ['u:net-size', 'u:net-staff'] });
    expect(a.text).toMatch(/^In 2019 the network carried 4\.1 million passengers/);
    expect(a.text).not.toContain('Earlier in this part');
  });
});
