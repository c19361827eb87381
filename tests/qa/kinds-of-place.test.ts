// "The countryside", "the suburbs", "the hinterland" are kinds of place that WordNet files with the places, not
// places with a name: a question that says one in passing asks about the pack's topic there, not about somewhere
// the pack never covers (which "Hungary" would be).
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('kinds-of-place', { title: 'Online Services for Every Valley: The Norland Connectivity Plan', workshop: 'Digital Services Week 2026', location: 'Lakeside' }, [
    {
      id: 'use',
      title: 'Who is online',
      units: [
        { id: 'gap', kind: 'statistic', text: 'In 2024, 83% of people in urban areas used the internet, against 48% in rural areas.', keywords: [] },
        { id: 'women', kind: 'statistic', text: 'Women were 9 points less likely than men to be online in 2024.', keywords: [] },
      ],
    },
    {
      id: 'plan',
      title: 'The plan',
      units: [
        { id: 'towers', kind: 'fact', text: 'The plan builds 240 mobile towers in rural areas by 2028, paid from the universal service fund.', keywords: [] },
        { id: 'centres', kind: 'fact', text: 'Every district gets a help centre where staff fill in online forms with people who have no phone.', keywords: [] },
      ],
    },
  ]);

describe('a kind of place named in passing', () => {
  const { answerer } = workshop(writePack());

  it('is no place outside the pack', () => {
    expect(answerer.answer('in the countryside, how many people use the internet?').text).toContain('48% in rural areas');
    expect(answerer.answer('how many towers will the plan build across the countryside?').text).toContain('240 mobile towers');
  });

  it('while a country the pack never covers still is', () => {
    expect(answerer.answer('in Hungary, how many people use the internet?').answered).toBe(false);
  });
});
