// "Which came first, A or B?" is answered by A's date and B's, each from its own unit; when the two units are
// too long for one answer together, each side by the clause of its unit that answers it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('compare', { title: 'Rules for Island Water', workshop: 'Atoll Utilities Day 2025' }, [
    {
      id: 'charter',
      title: 'The Reef Water Charter',
      units: [
        {
          id: 'charter-adopted',
          kind: 'fact',
          text: 'The Reef Water Charter was adopted on 12 March 2009 by the island councils meeting in Apia; it commits every council to publish its water quality results, to repair reported leaks within a week, and to consult households before any change in tariffs, and it is reviewed by a panel of council members every five years.',
          keywords: [],
        },
        { id: 'charter-members', kind: 'statistic', text: 'Fourteen island councils have signed the Reef Water Charter.', keywords: [] },
      ],
    },
    {
      id: 'code',
      title: 'The Lagoon Billing Code',
      units: [
        {
          id: 'code-adopted',
          kind: 'fact',
          text: 'The Lagoon Billing Code came into force on 1 July 2016 after two years of drafting by the regional utilities board; it sets how meters are read, how bills are explained to customers, how disputes are settled by an independent ombudsman, and how households on low incomes may spread their payments over the year.',
          keywords: [],
        },
        { id: 'code-scope', kind: 'fact', text: 'The Lagoon Billing Code applies to every utility that bills more than 500 households.', keywords: [] },
      ],
    },
  ]);

describe('comparing two things each unit tells of', () => {
  const { answerer } = workshop(writePack());

  it('answers "which came first, A or B?" with both dates, within 600 characters', () => {
    const a = answerer.answer('which came first, the reef water charter or the lagoon billing code?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('12 March 2009');
    expect(a.text).toContain('1 July 2016');
    expect(a.text.length).toBeLessThanOrEqual(600);
    // Each side by the clause that dates it, whole: not cut off mid-sentence.
    expect(a.text).toContain('The Reef Water Charter was adopted on 12 March 2009 by the island councils meeting in Apia.');
    expect(a.text).toContain('The Lagoon Billing Code came into force on 1 July 2016 after two years of drafting by the regional utilities board.');
    expect(a.text).not.toContain('…');
  });
});

const writeFerries = () =>
  writeSmallPack('compare-one', { title: 'Island Ferry Services', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'routes',
      title: 'The routes',
      units: [
        { id: 'north', kind: 'definition', text: 'The North Loop is the ferry route that links 6 northern islands to the main wharf, with 12 stops.', keywords: [] },
        { id: 'reef', kind: 'definition', text: 'The Reef Shuttle is the ferry route that runs between the main wharf and 4 reef villages, with 5 stops.', keywords: [] },
        { id: 'office', kind: 'fact', text: 'Since 2019 the North Loop and the Reef Shuttle have shared one ticket office, staffed by 3 clerks.', keywords: [] },
        { id: 'riders', kind: 'statistic', text: 'On average the North Loop carried 410 passengers a day in 2024 and the Reef Shuttle 280.', keywords: [] },
      ],
    },
  ]);

describe('comparing two things one unit gives figures for', () => {
  const { answerer } = workshop(writeFerries());

  it('answers "which is higher, A or B?" from the unit with both figures, not from each side\'s own unit', () => {
    const a = answerer.answer('which is higher on average, the north loop or the reef shuttle?');
    expect(a.text).toContain('On average the North Loop carried 410 passengers a day in 2024 and the Reef Shuttle 280.');
    // Not padded with what one side is, nor answered by a unit that names both with one figure between them.
    expect(answerer.answer('which is bigger, the north loop or the reef shuttle?').text).toContain('410 passengers');
    expect(a.text).not.toContain('5 stops');
  });
});

const writeLaws = () => {
  const dir = writeSmallPack('compare-summary', { title: 'Rules for Ports', workshop: 'Harbour Data Week 2025' }, [
    {
      id: 'laws',
      title: 'Port laws',
      units: [{ id: 'summary', kind: 'statistic', text: 'Most of the 150 ports have a berth booking law (120), a crane safety code (95) and a pilot licence rule (60).', keywords: [] }],
    },
  ]);
  // An indicator for one side, whose definition names the other in passing.
  const indicator = {
    id: 'booking-law',
    name: 'Berth booking law',
    label: 'Berth booking law',
    definition: 'The port has a law on berth booking, which sets how berths are booked and paid for; it often sits beside a crane safety code.',
    question: 'Does your port have a berth booking law?',
    global: { count: 120, source: 'Port survey 2024' },
    sections: ['laws'],
    nextStep: 'Draft a berth booking law.',
  };
  writeFileSync(join(dir, 'indicators.json'), JSON.stringify({ set: { name: 'port rules', source: 'Port survey 2024', population: { count: 150, label: 'ports' } }, indicators: [indicator] }));
  return dir;
};

describe('comparing two things a summary unit gives figures for', () => {
  const { answerer } = workshop(writeLaws());

  it('answers "which is more common, A or B?" from the unit with both figures, though one side\'s own figure ranks first', () => {
    const a = answerer.answer('which is more common, a berth booking law or a crane safety code?');
    expect(a.text).toContain('a berth booking law (120), a crane safety code (95)');
  });
});

describe('a unit with two figures of something else', () => {
  const { answerer } = workshop(
    writeSmallPack('compare-grants', { title: 'Greener Homes', workshop: 'Island Energy Day 2025' }, [
      {
        id: 'homes',
        title: 'Homes',
        units: [
          { id: 'solar', kind: 'statistic', text: 'Rooftop solar is installed on 22 percent of homes, well ahead of heat pumps.', keywords: [] },
          { id: 'pumps', kind: 'statistic', text: 'Heat pumps are installed in 9 percent of homes.', keywords: [] },
          { id: 'grants', kind: 'fact', text: 'The grant is 300 euros for rooftop solar and 1,200 euros for heat pumps.', keywords: [] },
        ],
      },
    ]),
  );

  it('does not answer "which is more common?" with the amounts of a grant', () => {
    const a = answerer.answer('Which is more common, rooftop solar or heat pumps?');
    expect(a.text).not.toContain('300 euros');
    expect(a.text).toContain('22 percent');
  });
});

describe('"is A more common than B?"', () => {
  const writeRulesPack = () =>
    writeSmallPack('compare-than', { title: 'Harbour Rules', workshop: 'Port Ellis Forum 2025' }, [
      {
        id: 'rules',
        title: 'Rules the harbours have',
        units: [
          { id: 'pilotage', kind: 'statistic', text: 'Pilotage rules: 41 of the 60 harbours surveyed have written pilotage rules for large ships.', keywords: [] },
          { id: 'ballast', kind: 'statistic', text: 'Ballast water rules: 23 of the 60 harbours surveyed have rules on where ships may discharge ballast water.', keywords: [] },
          { id: 'survey', kind: 'fact', text: 'The harbour survey is run every two years by the Port Ellis board and covers more than 50 harbours.', keywords: [] },
        ],
      },
    ]);
  const { answerer } = workshop(writeRulesPack());

  it('gives both figures, as "A or B, which is more common?" does', () => {
    const a = answerer.answer('are pilotage rules more common than ballast water rules?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('41 of the 60');
    expect(a.text).toContain('23 of the 60');
  });

  it('reads a comparative a few words before "than" as one too', () => {
    const a = answerer.answer('are pilotage rules more common in harbours than ballast water rules?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('41 of the 60');
    expect(a.text).toContain('23 of the 60');
  });
});

describe('"are there more A than B?" with A and B things counted', () => {
  // An invented ferry authority's pack: one unit counts its routes, harbours, islands and vessels; another
  // speaks of routes at length.
  const { answerer } = workshop(join(import.meta.dirname, '../fixtures/ferry-pack'));

  it('compares the two counts, from the unit that gives both', () => {
    for (const q of ['are there more vessels than routes?', 'are there more harbours than islands?']) {
      expect(answerer.answer(q).text, q).toMatch(/^The Marrowsea Ferry Authority \(MFA\) runs 38 routes linking 52 harbours on 27 islands with a fleet of 64 vessels/);
    }
  });

  it('reads "how many more A than B?" as the same comparison, and gives the unit once', () => {
    const staff = answerer.answer('how many more staff does the MFA have than the ministry?');
    expect(staff.answered, staff.text).toBe(true);
    expect(staff.text).toContain('The MFA employs 1,340 staff. The Ministry of Islands, which oversees it, employs 910.');
    const harbours = answerer.answer('how many more harbours than islands are there?').text;
    expect(harbours).toMatch(/^The Marrowsea Ferry Authority \(MFA\) runs 38 routes linking 52 harbours on 27 islands/);
    expect(harbours.split('runs 38 routes').length, harbours).toBe(2);
  });

  it('still counts "more than" a figure or the year before as no comparison', () => {
    expect(answerer.answer('how many more crossings than last year').text).not.toMatch(/these two look closest/);
  });
});
