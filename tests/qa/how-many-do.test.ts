// "How many cross to the mainland?": a word after "how many" that is no plural, followed by a preposition, is
// what they do, not what is counted; who is counted goes unsaid, so a figure that counts "islanders" answers.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('how-many-do', { title: 'Ferries Online in Port Ellis', workshop: 'Harbour Services Week 2027' }, [
    {
      id: 'why-online',
      title: 'Why the ferry office went online',
      units: [
        { id: 'commuters', kind: 'statistic', text: 'Every working day about 3,200 islanders commute by ferry to jobs on the mainland, a cross-harbour trip of 25 minutes, and queues at the ticket office reached 40 minutes.', keywords: [] },
        { id: 'fleet', kind: 'fact', text: 'The harbour board runs 6 ferries on 3 routes, and each trip takes about 25 minutes.', keywords: [] },
      ],
    },
    {
      id: 'staff',
      title: 'The booking office',
      units: [
        { id: 'clerks', kind: 'statistic', text: 'The booking office had 14 clerks in 2023, down from 31 in 2019.', keywords: [] },
      ],
    },
  ]);

describe('"how many" and a verb', () => {
  const { answerer } = workshop(writePack());

  it('counts whoever does it ("how many cross to the mainland")', () => {
    const a = answerer.answer('how many cross to the mainland every day?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('3,200 islanders');
  });

  it('still counts a plural noun before a preposition ("how many clerks in 2023")', () => {
    const a = answerer.answer('how many clerks in 2023?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('14 clerks');
  });
});
