// "Who presented the booking session?": a name said of the session names the session itself, which the title
// slide answers for, when the session's title holds that name.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('session-names', { title: 'Harbour Booking for Everyone', workshop: 'Harbour Data Week 2025', presenter: 'Iris Vane', date: 'Tuesday, 4 March 2025' }, [
    {
      id: 'booking',
      title: 'What harbour booking is',
      units: [
        { id: 'booking-def', kind: 'definition', text: 'Harbour booking is the reservation of a berth, a slipway or a crane slot before a boat arrives.', keywords: [] },
        { id: 'booking-online', kind: 'fact', text: 'Online harbour booking began in Mombasa in 2004, when the port put its berth list on the web.', keywords: [] },
        { id: 'booking-people', kind: 'fact', text: 'Harbour booking clerks check each reservation against the tide tables.', keywords: [] },
        { id: 'booking-reform', kind: 'fact', text: 'The harbour booking reform is led by Tomas Lind of the Port Council.', keywords: [] },
        { id: 'booking-course', kind: 'fact', text: 'A harbour booking course for clerks runs every March in Mombasa and costs 300 dollars.', keywords: [] },
      ],
    },
    {
      id: 'history',
      title: 'History',
      units: [{ id: 'council', kind: 'fact', text: 'At its 12th session, in 2019, the Port Council took up harbour booking for small boats.', keywords: [] }],
    },
  ]);

describe('a session named by its subject', () => {
  const { answerer } = workshop(writePack());

  it('answers who presented "the harbour booking session" from the title slide', () => {
    expect(answerer.answer('who was the presenter for the harbour booking session').text).toContain('Iris Vane');
  });

  it('answers who gave "the talk on harbour booking": the words after "talk on" that the title holds', () => {
    expect(answerer.answer('who gave the talk on harbour booking for everyone?').text).toContain('Iris Vane');
  });

  it('answers when "the booking session" is from the title slide', () => {
    expect(answerer.answer('wat date is the booking session on again').text).toContain('4 March 2025');
  });

  it('answers "when was this talk given?" with the date: what the presenter did with it, said once done', () => {
    expect(answerer.answer('when was this talk given?').text).toContain('4 March 2025');
    // ("wen": chat spelling of "when".)
    expect(answerer.answer('wen was this talk given').text).toContain('4 March 2025');
    expect(answerer.answer('who presented the talk?').text).toContain('Iris Vane');
  });

  it('answers "who\'s running this session?" with the presenter', () => {
    expect(answerer.answer("hi, who's running this session?").text).toContain('Iris Vane');
    expect(answerer.answer('who is leading the session today?').text).toContain('Iris Vane');
  });

  it('still reads "who is leading X?" of something else as about X', () => {
    expect(answerer.answer('who is leading the harbour booking reform?').text).toContain('Tomas Lind');
  });

  it('still reads the subject as the topic when no session word follows it', () => {
    expect(answerer.answer('what is harbour booking').text).toMatch(/^Harbour booking is the reservation/);
  });

  it('names the session still when the deck speaks of the subject and of another session apart', () => {
    expect(answerer.answer("hi, who's giving the booking session today?").text).toContain('Iris Vane');
  });

  it('answers about a course of that subject the deck speaks of, not about the session', () => {
    expect(answerer.answer('where is the harbour booking course held?').text).toContain('Mombasa');
  });
});

describe('another session of the same event', () => {
  const { answerer } = workshop(
    writeSmallPack('other-session', { title: 'Measuring Harbour Services', workshop: 'Harbour Data Week 2025', session: 'Session 2: Measuring harbours', presenter: 'Iris Vane' }, [
      {
        id: 'index',
        title: 'The harbour index',
        units: [
          { id: 'index-def', kind: 'definition', text: 'The Harbour Services Index scores 60 ports on booking, safety and data.', keywords: [] },
          { id: 'index-use', kind: 'fact', text: 'Port councils use the index to compare their booking systems with their neighbours.', keywords: [] },
          { id: 'recruitment', kind: 'fact', text: 'As discussed in session 5, the new berth booking rules apply to all ports from 2026.', keywords: [] },
        ],
      },
    ]),
  );

  it('declines what another session is about, which the pack does not hold', () => {
    const a = answerer.answer('what will session 7 of the workshop be about?');
    expect(a.answered, a.text).toBe(false);
  });

  it('answers about another session the deck itself speaks of', () => {
    expect(answerer.answer('when do the session 5 booking rules apply?').text).toContain('2026');
  });

  it('still answers about its own session', () => {
    expect(answerer.answer('what is session 2 about?').answered).toBe(true);
  });
});

describe('a deck that speaks of sessions on its subject', () => {
  const { answerer } = workshop(
    writeSmallPack('sessions-on', { title: 'Berth Booking for Small Ports', workshop: 'Harbour Data Week 2025', date: 'Tuesday, 4 March 2025' }, [
      {
        id: 'help',
        title: 'Getting help',
        units: [{ id: 'clinics', kind: 'fact', text: 'Follow-up sessions on berth booking are run every Tuesday at 10:00 in the harbour office.', keywords: [] }],
      },
    ]),
  );

  it('reads "the booking session" as those sessions, not as this one', () => {
    expect(answerer.answer('When is the booking session?').text).toContain('every Tuesday at 10:00');
  });
});

describe('a session named by several words of its title', () => {
  const { answerer } = workshop(
    writeSmallPack('session-title-words', { title: 'Accessible Port Websites', workshop: 'Harbour Data Week 2025', presenter: 'Ana Ruiz', organisation: 'Port Skills Academy' }, [
      {
        id: 'guidelines',
        title: 'Web guidelines',
        units: [{ id: 'hwg', kind: 'definition', text: 'The Harbour Web Guidelines are the common standard for accessible port websites.', keywords: [] }],
      },
    ]),
  );

  it('answers "who\'s giving the port websites session?" with the presenter', () => {
    expect(answerer.answer("hi, who's giving the port websites session today?").text).toContain('Ana Ruiz');
  });
});


describe('a course of its own that the deck speaks of', () => {
  const { answerer } = workshop(
    writeSmallPack('own-course', { title: 'Farm Incomes and Soil Health', workshop: 'Harbour Data Week 2025', presenter: 'Iris Vane', date: 'Thursday, 10 October 2024', location: 'Elsby' }, [
      {
        id: 'courses',
        title: 'Courses for farmers',
        units: [{ id: 'sampling', kind: 'fact', text: 'A soil sampling course was run by Elsby Agricultural College in June 2024 at Hallow Farm and taught by agronomist Mette Rud.', keywords: [] }],
      },
    ]),
  );

  it('answers "where was the course run?" about that course, and "when was this talk given?" about the session', () => {
    expect(answerer.answer('where was the course run?').text).toContain('Hallow Farm');
    expect(answerer.answer('who taught the course?').text).toContain('Mette Rud');
    expect(answerer.answer('when was this talk given?').text).toContain('10 October 2024');
  });
});

describe('"the whole workshop"', () => {
  // The shipped deck says "whole" itself, in its subject (a whole-of-government approach), and has units about
  // names; "the whole workshop" is still all of the event the session is part of.
  const { content, answerer } = workshop();

  it('is the event the session is part of, however much the pack says "whole"', () => {
    expect(answerer.answer("whats the name of the whole workshop we're at").text).toContain(content.meta.workshop);
  });
});
