// Everyday phrases for being part of something ("falls under", "counts towards"), for now ("at the moment"), for
// the whole of something ("from start to finish") and for reporting to someone ("answer to") are read in plain
// words.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const pillars = [
  {
    id: 'pillars',
    title: 'The harbour index pillars',
    units: [
      { id: 'list', kind: 'list' as const, text: 'The four harbour index pillars are legal, technical, staffing and cooperation.', keywords: [] },
      { id: 'legal', kind: 'definition' as const, text: 'The legal pillar looks at laws on berth safety and cargo liability, including the rules on salvage.', keywords: [] },
      { id: 'staffing', kind: 'definition' as const, text: 'The staffing pillar looks at pilot training, dock courses and awareness campaigns for crews.', keywords: [] },
    ],
  },
  {
    id: 'counts',
    title: 'What ports have',
    units: [
      { id: 'radar', kind: 'statistic' as const, text: '139 ports have an active radar team, according to the 2024 harbour index.', keywords: [] },
      { id: 'plans', kind: 'statistic' as const, text: '132 ports have adopted a berth safety plan, according to the 2024 harbour index.', keywords: [] },
      { id: 'board', kind: 'fact' as const, text: 'The port board brings together the harbour masters of all ports and meets twice a year.', keywords: [] },
      { id: 'chair', kind: 'fact' as const, text: 'The chair of the port board reports to the minister of transport, not to the ports.', keywords: [] },
      { id: 'radio', kind: 'fact' as const, text: 'Crews must answer radio calls from the chair of the port board within a minute.', keywords: [] },
      { id: 'phases', kind: 'list' as const, text: 'A berth safety plan goes through five phases: drafting, consultation, adoption, rollout and review.', keywords: [] },
      { id: 'lead', kind: 'fact' as const, text: 'For a berth safety plan, the port board should appoint a single harbour authority to lead the drafting.', keywords: [] },
    ],
  },
];

describe('phrasal idioms', () => {
  const { answerer } = workshop(writeSmallPack('phrasal-idioms', { title: 'Harbour Index', workshop: 'Harbour Data Week 2025' }, pillars));

  it('reads "falls under" as being part of', () => {
    const a = answerer.answer('what kind of things fall under the legal pillar');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('salvage');
  });

  it('reads "count towards" as being part of, not a count', () => {
    const a = answerer.answer('which pillar would our dock courses and awareness stuff count towards?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('staffing pillar');
  });

  it('reads "from start to finish" as the whole of it', () => {
    const a = answerer.answer('what are the phases a berth safety plan goes through from start to finish');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('drafting, consultation');
  });

  it('reads "answer to" as reporting to', () => {
    const a = answerer.answer('who does the chair of the port board answer to?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('minister of transport');
  });

  it('reads "at the moment" as now', () => {
    const a = answerer.answer('which do more ports have at the moment, an active radar team or a berth safety plan?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('139');
  });
});

describe('phrasal verbs for starting, refusing and registering', () => {
  // "Go live" is launching, not the word "live"; "turn down" and "say no (to)" are refusing, "say yes" accepting;
  // "sign up" is registering.
  const dir = writeSmallPack('phrasal-verbs', { title: 'Homes Online', workshop: 'City Housing Forum 2026' }, [
    {
      id: 'launch',
      title: 'Timeline',
      units: [
        { id: 'launched', kind: 'fact', text: 'The online waiting list was launched for every applicant in March 2024, after a pilot in two districts.', keywords: [] },
        { id: 'residence', kind: 'fact', text: 'Applicants must have the right to live in the country and have lived in the city for two years.', keywords: [] },
      ],
    },
    {
      id: 'offers',
      title: 'Offers',
      units: [
        { id: 'refused', kind: 'statistic', text: 'In 2025, 31% of first offers were refused, most often because the home was too far from school or work.', keywords: [] },
        { id: 'register', kind: 'fact', text: 'Anyone aged 18 or over can register for the waiting list online, with a national ID number.', keywords: [] },
        { id: 'accept-time', kind: 'fact', text: 'An applicant has 3 days to accept an offer of a home, or it goes to the next household.', keywords: [] },
      ],
    },
  ]);
  const { answerer } = workshop(dir);

  it.each([
    ['when did it go live for everyone?', 'March 2024'],
    ['how many turn down the first offer?', '31% of first offers were refused'],
    ['how many say no to the first offer?', '31% of first offers were refused'],
    ['who can sign up for the waiting list?', 'aged 18 or over'],
    ['how long do i have to say yes?', '3 days to accept'],
  ])('answers "%s"', (q, expected) => {
    const a = answerer.answer(q);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain(expected);
  });
});
