// "How many weeks do councils have to reply?": a length of time asked as a count, which the answer gives as a
// length ("within 21 working days"), not as a count of something else ("38,000 complaints").
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('time-as-count', { title: 'Answering Complaints in Norland', workshop: 'Public Services Week 2026' }, [
    {
      id: 'rules',
      title: 'The rules',
      units: [
        { id: 'deadline', kind: 'fact', text: 'A council must answer a complaint within 21 working days, or say why it needs longer.', keywords: [] },
        { id: 'volume', kind: 'statistic', text: "Norland's 14 councils received 38,000 complaints in 2025, 6 in 10 of them online.", keywords: [] },
        { id: 'staff', kind: 'fact', text: 'Each council names 2 complaint officers, who log every complaint in the national system.', keywords: [] },
      ],
    },
  ]);

describe('a length of time asked as a count', () => {
  const { answerer } = workshop(writePack());

  it('is answered by the unit that gives the length', () => {
    for (const q of ['how many weeks do councils have to reply to complaints', 'how many days does a council get to answer a complaint?']) {
      expect(answerer.answer(q).text, q).toContain('within 21 working days');
    }
  });
});
