// "Is that above the average?" after a figure: a yes/no question whose subject points back at the last answer
// asks about the thing that answer was about, and the unit that says so is the answer.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('points-back', { title: 'What Water Costs', workshop: 'Utilities Forum 2025' }, [
    {
      id: 'bills',
      title: 'Water bills in 2024',
      units: [
        { id: 'national', kind: 'statistic', text: 'The national average water bill was 48 dollars a month in 2024, and 52 dollars in the capital.', keywords: [] },
        { id: 'north', kind: 'statistic', text: "In 2024 the North district's average bill was 41 dollars a month, less than in the country as a whole, mostly because its towns are small.", keywords: [] },
        { id: 'south', kind: 'statistic', text: "The South district's average bill was 55 dollars a month in 2024, the highest of any district.", keywords: [] },
      ],
    },
  ]);

describe('a yes/no question that points back', () => {
  const { answerer } = workshop(writePack());

  it('answers "is that above the national average?" from the unit on what was just asked about', () => {
    const first = answerer.answer("what was the north district's average bill?");
    expect(first.text).toContain('41 dollars');
    const next = answerer.answer('is that above the national average?', first.topic);
    expect(next.text).toMatch(/^In 2024 the North district's average bill was 41 dollars a month, less than in the country as a whole/);
  });

  it('reads the same question alone as about the national average', () => {
    expect(answerer.answer('what is the national average bill?').text).toMatch(/^The national average water bill was 48 dollars/);
  });
});
