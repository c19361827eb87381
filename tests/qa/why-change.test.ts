// "Why did they move it all online in the first place?": asked of the session's own subject and the change
// itself, a "why" is what the part on why answers ("Why go online: ... before 2020"), though that part tells
// of queues and losses without ever saying "moved" or "online".
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('why-change', { title: 'Ferry Tickets Online: How Port Ellis Sold Its Crossings', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'about',
      title: 'About this session',
      units: [{ id: 'scope', kind: 'fact', text: 'This session tells how between 2020 and 2024 the Port Ellis Ferry Board moved ferry tickets from harbour kiosks to an online shop and a phone app.', keywords: [] }],
    },
    {
      id: 'why',
      title: 'Why go online: crossings before 2020',
      units: [
        { id: 'queues', kind: 'fact', text: 'In 2019 every ticket was sold at one of 6 harbour kiosks, and on summer mornings the queue took 55 minutes on average, so 1 in 8 passengers missed the boat.', keywords: [] },
        { id: 'cash', kind: 'fact', text: 'Kiosks took cash only; audits in 2019 found 9% of takings unaccounted for.', keywords: [] },
      ],
    },
    {
      id: 'trouble',
      title: 'Problems met along the way',
      units: [{ id: 'outage', kind: 'fact', text: 'On the first day of online sales, 3 May 2021, the shop went down when 20,000 passengers logged in at once; the board moved it to a larger host within a week.', keywords: [] }],
    },
    {
      id: 'fares',
      title: 'Fares',
      units: [{ id: 'fare', kind: 'fact', text: 'A single crossing costs 4 crowns online and 5 crowns at the kiosk; a monthly pass costs 60 crowns.', keywords: [] }],
    },
  ]);

describe('a "why" asked of the change the session is about', () => {
  const { answerer } = workshop(writePack());

  it('is answered by the part on why, not by a unit that only tells what was moved', () => {
    for (const q of ['why did they move ferry tickets online in the first place', 'why did the port bother switching to online tickets']) {
      const a = answerer.answer(q);
      expect(a.answered, q).toBe(true);
      expect(a.text, q).toMatch(/kiosks/);
      expect(a.text, q).not.toMatch(/went down|larger host/);
    }
  });

  it('leaves a "why" about one outcome to the unit that tells it', () => {
    const a = answerer.answer('why did the online shop go down on the first day?');
    expect(a.text).toContain('20,000 passengers');
  });
});

const writeLibraries = () =>
  writeSmallPack('why-change-libraries', { title: 'Borrow From Home: How Lakeside Libraries Went Online', workshop: 'Public Services Week 2025', presenter: 'Ana Lopez', location: 'Lakeside' }, [
    {
      id: 'why',
      title: 'Why change: lending before 2020',
      units: [
        { id: 'desk', kind: 'fact', text: 'In 2019 every library card was renewed at a desk in person; queues took 40 minutes on Saturdays and 1 in 5 members let their card lapse.', keywords: [] },
        { id: 'cost', kind: 'fact', text: 'Printing and posting overdue notices cost the libraries 80,000 crowns a year.', keywords: [] },
      ],
    },
    {
      id: 'new',
      title: 'The new system',
      units: [
        { id: 'app', kind: 'fact', text: 'Since 2021 members renew their cards and books in the Lakeside app or on the website, and overdue notices go out by email.', keywords: [] },
        { id: 'collection', kind: 'fact', text: 'The online collection holds 12,000 e-books and 3,000 audiobooks.', keywords: [] },
      ],
    },
    { id: 'results', title: 'Results', units: [{ id: 'members', kind: 'fact', text: 'Active members rose from 21,000 in 2019 to 27,500 in 2024.', keywords: [] }] },
  ]);

describe('a "why" of the change that names no one thing', () => {
  const { answerer } = workshop(writeLibraries());

  it('is answered by the part on why, in whatever words the question tells the change', () => {
    // (Nothing here is what the question is "about" but the change itself, which the part on why never names.)
    const a = answerer.answer('why did the libraries move lending online');
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/renewed at a desk|overdue notices cost/);
  });

  it('is never answered by the title slide, which says who, when and where', () => {
    for (const q of ['why did lakeside libraries go online', 'why bother with borrowing from home']) {
      expect(answerer.answer(q).text, q).not.toMatch(/This presentation is|Title slide/);
    }
  });
});

const writeApproach = () =>
  writeSmallPack('why-approach', { title: 'Planning Ferries Together: The Joined-up Crossing Approach', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'what',
      title: 'What the approach is',
      units: [{ id: 'meaning', kind: 'definition', text: 'The Joined-up Crossing Approach (JCA) refers to ferry boards, ports and bus companies planning timetables and fares together around what passengers need.', keywords: [] }],
    },
    {
      id: 'case',
      title: 'The case for planning together',
      units: [
        { id: 'reasons', kind: 'fact', text: 'Reasons for the JCA: a missed connection costs a passenger up to two hours; three timetables cost three teams; and one fare table lets people pay once for the whole trip.', keywords: [] },
        { id: 'evidence', kind: 'fact', text: 'Where boards planned together, missed connections fell by 40% within two years.', keywords: [] },
      ],
    },
  ]);

describe('"why X?" of a named approach', () => {
  const { answerer } = workshop(writeApproach());

  it('is answered by its reasons, not by what it is', () => {
    for (const q of ['why bother with the joined-up crossing approach?', 'why bother with the jca approach at all']) {
      const a = answerer.answer(q);
      expect(a.text, q).toMatch(/^Reasons for the JCA/);
    }
  });
});
