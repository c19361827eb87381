// A name of two words the pack gives ("South Tarawa") is asked for whole: a doc that holds only one of its
// words answers something else.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('names', { title: 'Island Water Services', workshop: 'Atoll Utilities Day 2025', presenter: 'Tito Kaiea' }, [
    {
      id: 'meters',
      title: 'Meters on the atoll',
      units: [
        { id: 'office', kind: 'fact', text: 'The water board has its head office in South Tarawa, next to the port.', keywords: [] },
        { id: 'all-tarawa', kind: 'statistic', text: 'Across Tarawa, utilities have fitted smart meters to 60% of households.', keywords: [] },
        { id: 'tanks', kind: 'fact', text: 'Most households also collect rainwater in roof tanks.', keywords: [] },
        { id: 'isle-office', kind: 'fact', text: 'The board keeps a second office on Isle Tahi.', keywords: [] },
        { id: 'isle-tanks', kind: 'statistic', text: 'On every isle of the atoll, 70% of roofs have a rain tank.', keywords: [] },
      ],
    },
  ]);

describe('names of two words', () => {
  const { answerer } = workshop(writePack());

  it('answers the name the figure is for', () => {
    expect(answerer.answer('what share of households across Tarawa have smart meters?').text).toContain('60%');
    expect(answerer.answer('where is the head office of the water board?').text).toContain('South Tarawa');
  });

  it('is not sure that a figure for all of Tarawa answers a question about "South Tarawa"', () => {
    const a = answerer.answer('what share of households in South Tarawa have smart meters?');
    expect(!a.answered || a.text.startsWith("I'm not certain")).toBe(true);
  });

  it('reads a name of two capitalised words as one, even when its initials are a word ("Isle Tahi", "IT")', () => {
    expect(answerer.answer('what share of roofs on every isle have a rain tank?').text).toContain('70%');
    const a = answerer.answer('what share of roofs on Isle Tahi have a rain tank?');
    expect(!a.answered || a.text.startsWith("I'm not certain")).toBe(true);
  });
});
