// A unit's keywords may say what its figures count in the asker's words ("number of boat owners" on a unit that
// counts skippers): "how many boat owners..." is then answered by its figure, as if the text said so.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('keyword-counts', { title: 'Berths Online', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'results',
      title: 'Results so far',
      units: [
        { id: 'skippers', kind: 'statistic', text: 'The number of skippers rose from 6,120 in 2019 to 7,015 in 2026.', keywords: ['number of boat owners'] },
        { id: 'berths', kind: 'statistic', text: 'In 2019 the Harbour Board let 410 berths, and 38% of bookings were made by phone.', keywords: ['berths'] },
      ],
    },
  ]);

describe('what a keyword says a unit counts', () => {
  const { answerer } = workshop(writePack());

  it('answers "how many" in the keyword\'s words with the unit\'s figure', () => {
    const a = answerer.answer('how many boat owners were there in 2019?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('6,120');
  });
});
