// "Who leads in the latest ranking?" and "who came top the very first time?": of units that each give the same
// kind of fact for their own year, the latest (or the earliest) answers, when the question names no year.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIRST_PLACE_TERM } from '../../src/qa/pack.js';
import { workshop, writeSmallPack } from './helpers.js';

describe('the latest and the earliest of facts given year by year', () => {
  const { answerer } = workshop(
    writeSmallPack('by-year', { title: 'Open Harbours', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'leaders-early',
        title: 'Openness leaders, 2011 to 2017',
        units: [
          { id: 'leaders-2011', kind: 'fact', text: 'In the 2011 edition Port Ellis topped the Harbour Openness Index with a perfect 1.000, ahead of Marlow (0.95) and Tessa (0.91).', keywords: [] },
          { id: 'leaders-2015', kind: 'fact', text: 'The harbour of Corran ranked first on the Harbour Openness Index in 2015 and 2017, sharing first place with Tessa in 2017.', keywords: [] },
        ],
      },
      {
        id: 'leaders-late',
        title: 'Openness leaders, 2019 to 2023',
        units: [
          { id: 'leaders-2019', kind: 'fact', text: 'In 2019 Dunmore, Ardel and Corran ranked joint first on the Harbour Openness Index, and Marlow came fourth.', keywords: [] },
          { id: 'leaders-2023', kind: 'fact', text: 'In the 2023 edition Brannock ranked first on the Harbour Openness Index, climbing 40 places from 41st in 2019.', keywords: [] },
        ],
      },
      {
        id: 'editions',
        title: 'Editions of the index',
        units: [
          { id: 'edition-first', kind: 'fact', text: 'The first Harbour Openness Index was a joint project of the Port Authority and Seaview Research, published in 2011.', keywords: [] },
          { id: 'charter', kind: 'fact', text: 'The Harbour Charter of 2006 set out the Port Authority plan for an openness index, with Lanner Consulting as its adviser.', keywords: [] },
          { id: 'edition-fourth', kind: 'fact', text: 'The fourth edition of the index, in 2019, measured 200 ports: the 198 member ports and two observers.', keywords: [] },
          { id: 'edition-fifth', kind: 'fact', text: 'The fifth edition of the index, in 2023, replaced the single ranking with five tiers, so each port is compared with peers of similar scores.', keywords: [] },
          { id: 'first-step', kind: 'fact', text: 'The first step for a harbour is to publish its berth schedule online.', keywords: [] },
          { id: 'edition-reach', kind: 'statistic', text: 'In 2023 the ranking measured 212 ports, using data their masters sent in during 2022.', keywords: [] },
        ],
      },
      {
        id: 'containers',
        title: 'Containers handled',
        units: [
          { id: 'teu-2019', kind: 'statistic', text: 'In 2019 the member harbours handled 58 million containers (TEU).', keywords: [] },
          { id: 'teu-2023', kind: 'statistic', text: 'In 2023 the member harbours handled 64 million containers (TEU).', keywords: [] },
          { id: 'teu-goal', kind: 'fact', text: 'The network aims to handle 80 million containers (TEU) by 2030.', keywords: [] },
          { id: 'berths', kind: 'statistic', text: 'The member harbours have 22 new, accessible berths and 1,900 moorings.', keywords: [] },
          { id: 'dredging', kind: 'fact', text: 'The harbour board of Corran is in charge of the dredging reform, due to finish in 2025.', keywords: [] },
        ],
      },
    ]),
  );

  it('answers "the latest ranking" with the latest year, and "the very first one" with the earliest', () => {
    const latest = answerer.answer('which harbour leads on openness in the latest ranking?');
    expect(latest.answered, latest.text).toBe(true);
    expect(latest.text).toContain('Brannock');
    const first = answerer.answer('which harbour came out on top in the very first openness ranking?');
    expect(first.answered, first.text).toBe(true);
    expect(first.text).toContain('Port Ellis');
  });

  it('reads "leads the index" as first place, and not "leads the project"', () => {
    const leads = answerer.answer('which harbour currently leads the openness index?');
    expect(leads.answered, leads.text).toBe(true);
    expect(leads.text).toMatch(/^(?:I'm not certain, but these two look closest: )?In the 2023 edition Brannock ranked first/);
    const project = answerer.answer('who leads the openness index project?');
    expect(project.text).not.toContain('Brannock');
    // ("Which board leads the reform?" is about who is in charge, whatever the ranking units say.)
    const reform = answerer.answer('which board leads the dredging reform?');
    expect(reform.text).toContain('The harbour board of Corran is in charge');
  });

  it('takes the year a unit is about, not one it looks ahead to', () => {
    // (The answer gives two units in the deck's order: which one leads the ranking is what the rule decides.)
    const { ranked } = answerer.explain('what is the latest container figure for the member harbours?');
    expect(ranked.find((r) => r.strong && r.fits)?.d.doc.ref).toBe('u:teu-2023');
  });

  it('reads "came out #1" and "came out first" as first place, not as being published', () => {
    for (const q of ['which harbour came out #1 in 2023?', 'which harbour came out first in 2023?']) {
      const a = answerer.answer(q);
      expect(a.answered, q).toBe(true);
      expect(a.text, q).toContain('Brannock ranked first');
    }
  });

  it('does not take "ranked first" for any unit that says "first"', () => {
    const a = answerer.answer('which harbour ranked first?');
    expect(a.text).not.toContain('first step');
  });

  it('keeps a year the question names, and a unit that says "the first" itself', () => {
    const named = answerer.answer('which harbour ranked first on openness in 2019?');
    expect(named.text).toContain('Dunmore');
    const partner = answerer.answer('who did the port authority team up with for the very first openness index?');
    expect(partner.answered, partner.text).toBe(true);
    expect(partner.text).toContain('Seaview Research');
  });

  it('reads what a figure counts clause by clause', () => {
    // ("five tiers, so each port...": five counts tiers, not ports.)
    const reach = answerer.answer('how many ports did the latest edition of the index look at?');
    expect(reach.answered, reach.text).toBe(true);
    expect(reach.text).toContain('212');
    // ("22 new, accessible berths": a comma between two words for the berths does not end what is counted.)
    const berths = answerer.answer('how many berths do the member harbours have?');
    expect(berths.answered, berths.text).toBe(true);
    expect(berths.text).toContain('22 new, accessible berths');
  });
});

describe('first place in a ranking named by its short name', () => {
  const dir = writeSmallPack('by-acronym', { title: 'Open Harbours', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'leaders',
      title: 'Openness leaders',
      units: [
        { id: 'leaders-2023', kind: 'fact', text: 'In the 2023 edition Brannock ranked first on the Harbour Openness Index, climbing 40 places.', keywords: [] },
        { id: 'board', kind: 'fact', text: 'The Berth Reform Board, led by the harbour of Marlow, meets in Corran every spring.', keywords: [] },
      ],
    },
  ]);
  writeFileSync(
    join(dir, 'glossary.json'),
    JSON.stringify([
      { term: 'HOI', expansion: 'Harbour Openness Index: how openly a harbour publishes its berths and fees.', synonyms: ['Harbour Openness Index'] },
      { term: 'BRB', expansion: 'Berth Reform Board: the body that plans the berth reform.', synonyms: ['Berth Reform Board'] },
    ]),
  );
  const { answerer } = workshop(dir);
  const firstPlace = (q: string) => answerer.explain(q).analysis.concepts.some((c) => c.alternatives.some((a) => a.stems[0] === FIRST_PLACE_TERM));

  it('reads "leads the HOI" as first place when the glossary spells it out as an index, not "leads the BRB"', () => {
    expect(firstPlace('which harbour leads the HOI in the latest edition?')).toBe(true);
    expect(firstPlace('which harbour leads the BRB?')).toBe(false);
    expect(answerer.answer('which harbour leads the HOI in the latest edition?').text).toContain('Brannock ranked first');
  });
});
