// A question that says a part's title whole ("what went wrong?" of a part titled "What went wrong") asks what that
// part says, though every word of it is an everyday one; the part's first unit, which opens it, answers first.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('section-title', { title: 'Ferries Online', workshop: 'Coastal Transport Forum 2027', location: 'Port Ellis, Norland' }, [
    {
      id: 'results',
      title: 'Results',
      units: [{ id: 'results-queues', kind: 'statistic', text: 'Queues at the piers fell from 40 minutes to 10 minutes on average after the launch.', keywords: [] }],
    },
    {
      id: 'problems',
      title: 'What went wrong',
      units: [
        { id: 'problems-list', kind: 'list', text: 'The main problems were: tickets that did not load offline; a helpline that closed at 5 pm; and fares shown without tax.', keywords: [] },
        { id: 'problems-fixes', kind: 'fact', text: 'Fixes followed within six months: offline tickets in the app and a helpline open until 10 pm, at a cost of 80,000 dollars in 2024.', keywords: [] },
      ],
    },
    {
      id: 'lessons',
      title: 'Lessons learned',
      units: [{ id: 'lessons-staff', kind: 'fact', text: 'Train the pier staff before launch: they answer most of the first questions.', keywords: [] }],
    },
  ]);

describe("a part's title, asked whole", () => {
  const { answerer } = workshop(writePack());

  it('"what went wrong?" gets the part that says so, from its opening unit', () => {
    const a = answerer.answer('so what went wrong?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^The main problems were/);
  });

  it('"any lessons learned?" gets the lessons', () => {
    expect(answerer.answer('any lessons learned?').text).toContain('Train the pier staff');
  });
});
