// "At what age...?", "how old...?": the answer gives an age ("at 9 months", "at 6 years"), not the word "age";
// whose age is asked ("how old are *children* when...") need not be said by the answer. "How old is it?" of a
// thing asks since when, which a year answers.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('age', { title: 'Schools for All', workshop: 'Learning Forum 2027', location: 'Port Ellis, Norland' }, [
    {
      id: 'school',
      title: 'School years',
      units: [
        { id: 'school-start', kind: 'fact', text: 'Children start school at 6 years and sit the first national exam at 11.', keywords: [] },
        { id: 'school-size', kind: 'statistic', text: 'The country has 2,400 primary schools and 610 secondary schools.', keywords: [] },
        { id: 'school-register', kind: 'fact', text: 'The pupil register went online in 2016, replacing paper rolls kept by each school.', keywords: [] },
      ],
    },
    {
      id: 'health',
      title: 'Health checks',
      units: [
        { id: 'health-jab', kind: 'fact', text: 'The measles vaccine is given at 9 months, and a second dose at 18 months.', keywords: [] },
        { id: 'health-count', kind: 'statistic', text: 'In 2024 the clinics gave 88,000 measles vaccine doses.', keywords: [] },
      ],
    },
  ]);

describe('questions about an age', () => {
  const { answerer } = workshop(writePack());

  it.each([
    ['at what age do kids start school?', 'at 6 years'],
    ['what age do they sit the national exam', 'exam at 11'],
    ['how old are children when they get the measles vaccine', 'at 9 months'],
  ])('"%s" is answered by the age', (q, fact) => {
    const a = answerer.answer(q);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain(fact);
  });

  it('"how old is the pupil register?" is answered by the year it began', () => {
    const a = answerer.answer('how old is the pupil register?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('2016');
  });
});
