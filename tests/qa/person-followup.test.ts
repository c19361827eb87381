// "What's her job?" after an answer that names one person: "her" is that person, so the question is asked of
// them by name ("what is Ana Reis's role?"), and "job", "job title" or "position" ask for the post they hold.
// A fact of the title slide that names no post does not answer it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/content/load.js';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack(
    'person-followup',
    { title: 'Berths on Time', workshop: 'Harbour Data Week 2025', presenter: 'Ana Reis', organisation: 'Port Ellis Harbour Board', contact: 'a.reis@harbour.example.org' },
    [
      {
        id: 'intro',
        title: 'About this session',
        units: [{ id: 'intro-who', kind: 'fact', text: 'Berths on Time is presented by Ana Reis, Head of Berth Planning at the Port Ellis Harbour Board since 2019.', keywords: [] }],
      },
      {
        id: 'berths',
        title: 'Berth bookings',
        units: [{ id: 'berth-count', kind: 'statistic', text: 'Port Ellis has 42 berths, booked online since 2021 by ferry and cargo operators.', keywords: [] }],
      },
    ],
  );

describe('a follow-up about the person just named', () => {
  const { answerer } = workshop(writePack());

  it.each(["what's her job?", 'whats her job title', 'and her position?'])('"%s" gives the post she holds', (q) => {
    const first = answerer.answer('who is presenting?');
    expect(first.text).toContain('Ana Reis');
    const a = answerer.answer(q, first.topic);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('Head of Berth Planning');
  });
});

describe('a follow-up about the person just named, in a deck whose title slide gives no post', () => {
  // An invented review pack whose title slide names the presenter and her organisation but no post (a unit of the
  // opening section gives it).
  const { answerer } = workshop(join(packageRoot(), 'eval/packs/e-visa/content'));

  it('is not answered by where to write to her', () => {
    const first = answerer.answer("hi who's giving this talk");
    expect(first.text).toContain('Teodora Halvik-Mensah');
    const job = answerer.answer("what's her job", first.topic);
    expect(job.text).not.toContain('For questions, contact');
    // ("Where is it held?" after it: "it" is the session, which the title slide says where it is.)
    expect(answerer.answer('where is it held', job.topic ?? first.topic).text).toContain('Harbour Conference Centre');
  });
});

describe('a follow-up about a presenter whose name is partly an English word', () => {
  // "Lind" is in WordNet, and the pack never writes it in lower case; the email joins the hyphenated surname; and
  // another part of the deck is about staff's jobs, which "his job" read alone would find.
  const dir = writeSmallPack(
    'person-followup-lind',
    { title: 'Permits Online', workshop: 'City Services Forum 2027', presenter: 'Ana Ferreira-Lind', organisation: 'Harlow Town Council', contact: 'a.ferreiralind@harlow.example.org' },
    [
      {
        id: 'intro',
        title: 'About this session',
        units: [{ id: 'intro-who', kind: 'fact', text: 'Permits Online is presented by Ana Ferreira-Lind, Head of Digital Services at Harlow Town Council.', keywords: [] }],
      },
      {
        id: 'staff',
        title: 'What happened to the permit clerks',
        units: [{ id: 'staff-jobs', kind: 'statistic', text: 'No clerk lost their job: of the 14 permit clerks, 9 moved to the helpline and 5 now handle appeals.', keywords: [] }],
      },
    ],
  );
  const { answerer } = workshop(dir);

  it.each(["what's her job?", 'whats her job title'])('"%s" gives the post she holds, not the clerks\' jobs', (q) => {
    const first = answerer.answer("hi, who's presenting?");
    expect(first.text).toContain('Ana Ferreira-Lind');
    const a = answerer.answer(q, first.topic);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('Head of Digital Services');
  });
});
