// "How long...?" needs a length of time, which a pack may write in many ways: "two and a half years",
// "3 to 5 working days", "in under an hour", "from 2019 to 2024", "the 2021-2025 plan", "from 3 October 2022 to
// 31 March 2023".
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

describe('lengths of time, however written', () => {
  const { answerer } = workshop(
    writeSmallPack('durations', { title: 'Faster Port Permits', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'permits',
        title: 'Permits',
        units: [
          { id: 'pilot', kind: 'fact', text: 'The online berth permit pilot in Port Ellis took two and a half years before every port joined.', keywords: [] },
          { id: 'processing', kind: 'fact', text: 'A berth permit is now issued in 3 to 5 working days, where paper forms took a month.', keywords: [] },
          { id: 'renewal', kind: 'fact', text: 'Renewing a crane licence online is done in under an hour.', keywords: [] },
          { id: 'plan', kind: 'fact', text: 'The harbour digital plan ran from 2019 to 2024 and was led by the Port Council.', keywords: [] },
          { id: 'strategy', kind: 'fact', text: 'The 2021-2025 port data strategy sets out four goals for shared berth data.', keywords: [] },
        ],
      },
      {
        id: 'trial',
        title: 'The crane booking trial',
        units: [
          { id: 'trial-scope', kind: 'fact', text: 'The crane booking trial ran from 3 October 2022 to 31 March 2023 on two quays, with paper bookings still accepted.', keywords: [] },
          { id: 'trial-results', kind: 'fact', text: 'In the first weeks of the crane booking trial 9% of bookings failed; by March 2023 failures fell to 1%, and 4 in 5 crews were satisfied.', keywords: [] },
        ],
      },
    ]),
  );

  it.each([
    ['how long did the online berth permit pilot take?', 'two and a half years'],
    ['how long does it take now to get a berth permit?', '3 to 5 working days'],
    ['how long does renewing a crane licence online take?', 'under an hour'],
    ['how long did the harbour digital plan run?', 'from 2019 to 2024'],
    ['how long does the port data strategy cover?', '2021-2025'],
    ['how long did the crane booking trial last?', 'from 3 October 2022 to 31 March 2023'],
  ])('answers "%s"', (q, expected) => {
    const a = answerer.answer(q);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain(expected);
  });
});

describe("the session's own length, asked in spoken words", () => {
  // ("gonna": spoken "going to", typed as one word; read as an unknown word, it made a topic of its own.)
  const dir = writeSmallPack('durations-spoken', { title: 'Homes Online', workshop: 'City Housing Forum 2026' }, [
    {
      id: 'intro',
      title: 'About this session',
      units: [{ id: 'outline', kind: 'list', text: 'This 45-minute session covers: who can apply; how points are given; offers and refusals; results.', keywords: [] }],
    },
    {
      id: 'offers',
      title: 'Offers and refusals',
      units: [{ id: 'offer-time', kind: 'fact', text: 'An applicant has 3 days to accept an offer of a home.', keywords: [] }],
    },
  ]);
  const { answerer } = workshop(dir);

  it('answers "how long is this session gonna take?" with its length', () => {
    const a = answerer.answer('how long is this session gonna take?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('45-minute');
  });
});
