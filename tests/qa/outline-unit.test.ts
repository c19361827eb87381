// The author's outline of the session ("This session covers: key terms; ...; next steps") names every topic in a
// word or two. It answers what the session covers and how long it runs; a topic's own part answers the rest.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('outline-unit', { title: 'Ferries for Everyone', workshop: 'Coastal Transport Forum 2027', location: 'Port Ellis, Norland' }, [
    {
      id: 'opening',
      title: 'Ferries for Everyone',
      units: [
        { id: 'opening-title', kind: 'title', text: 'Ferries for Everyone is Session 3 of the Coastal Transport Forum 2027, presented by Ada Brandt of the Norland Ferry Office.', keywords: [] },
        { id: 'opening-outline', kind: 'list', text: 'This 45-minute session covers: key terms; the old timetable; the new booking app; costs; results; lessons; and next steps.', keywords: [] },
      ],
    },
    { id: 'terms', title: 'Key terms', units: [{ id: 'terms-berth', kind: 'definition', text: 'A berth is the place where a ferry ties up to load and unload.', keywords: [] }] },
    { id: 'old', title: 'The old timetable', units: [{ id: 'old-paper', kind: 'fact', text: 'Until 2022 timetables were printed twice a year and pinned up at each pier.', keywords: [] }] },
    { id: 'app', title: 'The new booking app', units: [{ id: 'app-launch', kind: 'fact', text: 'The booking app opened in May 2023 and sold 40,000 tickets in its first month.', keywords: [] }] },
    { id: 'costs', title: 'Costs', units: [{ id: 'costs-build', kind: 'statistic', text: 'Building the app cost 1.2 million dollars over two years.', keywords: [] }] },
    { id: 'results', title: 'Results', units: [{ id: 'results-queues', kind: 'statistic', text: 'Queues at the piers fell from 40 minutes to 10 minutes on average.', keywords: [] }] },
    { id: 'lessons', title: 'Lessons', units: [{ id: 'lessons-staff', kind: 'fact', text: 'Train the pier staff before launch: they answer most of the first questions.', keywords: [] }] },
    { id: 'next', title: 'Next steps', units: [{ id: 'next-routes', kind: 'fact', text: 'From 2028 the Ferry Office will add three island routes and a bus link to the airport.', keywords: [] }] },
  ]);

describe("the author's outline of the session", () => {
  const { answerer } = workshop(writePack());

  it('a question about a topic is not answered with the table of contents that names it', () => {
    // (The outline holds "booking app" and "next steps"; no part says what comes next for the app.)
    const a = answerer.answer("what's next for the booking app?");
    expect(a.text).not.toContain('session covers');
  });

  it("a topic's own part answers what the outline also names", () => {
    const a = answerer.answer("what's next for the ferries?");
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('three island routes');
  });

  it('still answers what the session covers and how long it runs', () => {
    expect(answerer.answer("what's on the agenda?").text).toMatch(/covers: .*key terms/i);
    expect(answerer.answer('how long is the session?').text).toContain('45-minute');
  });

  it('"what\'s on the programme today?" asks for the agenda', () => {
    expect(answerer.answer("what's on the programme today?").text).toMatch(/covers: .*key terms/i);
  });
});
