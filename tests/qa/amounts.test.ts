// "How much X?" asks for an amount: of something uncounted, any measure of it answers ("40 litres a day"),
// while "how many X?" still wants a count of X itself.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('amounts', { title: 'Rain and Roofs', workshop: 'Atoll Utilities Day 2025' }, [
    {
      id: 'tanks',
      title: 'Roof tanks',
      units: [
        { id: 'yield', kind: 'statistic', text: 'In the wet season a household roof tank fills with rainwater at about 40 litres a day.', keywords: [] },
        { id: 'owners', kind: 'statistic', text: 'In 2024, 1,800 households on the atoll owned a roof tank.', keywords: [] },
        { id: 'award', kind: 'fact', text: 'The water board won the regional utility award in three editions in a row, from 2021 to 2023.', keywords: [] },
        { id: 'cleaning', kind: 'fact', text: 'Tanks should be cleaned before each wet season so that the first rain flushes the gutters.', keywords: [] },
        { id: 'pact', kind: 'statistic', text: 'By June 2024, 75 countries had joined the Atoll Water Pact.', keywords: [] },
        { id: 'tariffs', kind: 'statistic', text: '64% of countries publish their water tariffs on their utility websites.', keywords: [] },
        { id: 'meters', kind: 'fact', text: 'In 2023 the Island Development Fund paid for smart water meters in every village, a grant of NZ$2.4 million.', keywords: [] },
        { id: 'audit-phases', kind: 'fact', text: 'The water board helps a village set up its leak audit in four phases: survey, design, repair and review.', keywords: [] },
        { id: 'audit-lead', kind: 'fact', text: 'The chief engineer of the water board is in charge of every leak audit on the atoll.', keywords: [] },
        { id: 'fraud', kind: 'fact', text: 'Water boards must pay close attention to meter fraud, which cost the atoll about a tenth of its water in 2023.', keywords: [] },
      ],
    },
  ]);

describe('how much and how many', () => {
  const { answerer } = workshop(writePack());

  it('answers "how much rainwater" with the amount collected', () => {
    const a = answerer.answer('how much rainwater does a roof tank collect?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('40 litres');
  });

  it('answers "how many times" with the number of occasions, whatever they are called', () => {
    expect(answerer.answer('how many times in a row did the water board win the regional award?').text).toContain('three editions in a row');
  });

  it('still declines "how much money" when the pack gives no amount of money', () => {
    expect(answerer.answer('how much money does a roof tank cost?').answered).toBe(false);
  });

  it('answers "how many households" with the count of households', () => {
    expect(answerer.answer('how many households owned a roof tank in 2024?').text).toContain('1,800');
    // "back when ...": a time the question is set in, not a question of when.
    expect(answerer.answer('back when the tanks were counted in 2024, how many households owned one?').text).toContain('1,800');
  });

  it('reads "so far" as until now, not as a topic word the pack lacks', () => {
    // (Answered surely: no "I'm not certain" before it.)
    expect(answerer.answer('how many nations are in the atoll water pact so far?').text).toMatch(/^By June 2024, 75 countries/);
  });

  it('answers "how many websites do X" with the share of countries whose websites do it', () => {
    expect(answerer.answer('how many utility websites publish water tariffs?').text).toContain('64% of countries');
  });

  it('answers "how much money did they put in?" with the amount, after the question it follows', () => {
    const first = answerer.answer('who paid for the smart water meters?');
    expect(first.text).toContain('Island Development Fund');
    const then = answerer.answer('how much money did they put in?', first.topic);
    expect(then.text).toMatch(/^In 2023 the Island Development Fund paid/);
  });

  it('declines what a service costs ("how much does X charge?") when the pack gives no amount', () => {
    const a = answerer.answer('how much does the water board charge a village for a leak audit?');
    expect(a.answered, a.text).toBe(false);
  });

  it('reads "pay attention" as no amount of money', () => {
    const a = answerer.answer('how much do water boards have to pay attention to meter fraud?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('meter fraud');
  });

  it('still reads "in charge of" as who runs it', () => {
    expect(answerer.answer('who is in charge of the leak audits?').text).toMatch(/^The chief engineer of the water board/);
  });
});

describe('"put money into X": who funds X, not an amount', () => {
  const { answerer } = workshop(
    writeSmallPack('put-money', { title: 'The Harbour Fund', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'fund',
        title: 'The Harbour Fund',
        units: [
          { id: 'donors', kind: 'fact', text: 'The governments of Freedonia and Ruritania support the Harbour Fund, which pays for new berths on small islands.', keywords: [] },
          { id: 'set-up', kind: 'fact', text: 'The Harbour Fund was set up in 2019 by the Port Council in Apia.', keywords: [] },
          { id: 'advice', kind: 'fact', text: 'The Port Council recommends investing in shared booking systems before new quays.', keywords: [] },
        ],
      },
    ]),
  );

  it('answers "which governments put money into the harbour fund?" with its supporters', () => {
    expect(answerer.answer('which governments put money into the harbour fund?').text).toContain('Freedonia and Ruritania');
  });

  it('answers "what should ports put their money into?" with where to invest', () => {
    expect(answerer.answer('what does the port council recommend ports put their money into?').text).toContain('investing in shared booking systems');
  });

  it('still declines how much they put in, which the pack does not say', () => {
    const a = answerer.answer('how much money did freedonia put into the harbour fund?');
    expect(a.answered, a.text).toBe(false);
  });
});

describe('an amount of money in a currency by any name', () => {
  // An invented harbour board's pack, paying in "crowns", which no currency list spells so.
  const { answerer } = workshop(
    writeSmallPack('money-names', { title: 'New Gates for the Harbour', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'gates',
        title: 'The new gates',
        units: [
          { id: 'gates-cost', kind: 'statistic', text: 'The new flood gates were finished in 2024. The programme cost 19 million crowns.', keywords: [] },
          { id: 'gates-use', kind: 'statistic', text: 'The gates closed 14 times in their first year, and savings of 12 per cent on repairs followed.', keywords: [] },
          { id: 'register', kind: 'fact', text: 'Anyone can search the harbour register online for a fee of KD 5 per berth.', keywords: [] },
        ],
      },
    ]),
  );

  it('reads what something cost as money, whatever the currency is called', () => {
    const a = answerer.answer('how much did the programme cost?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('19 million crowns');
  });

  it('reads "a fee of KD 5" as money too: a fee, a fare or a price with its figure', () => {
    const a = answerer.answer('how much does a register search cost?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('a fee of KD 5');
  });
});

describe('"what did X cost?" asks for an amount', () => {
  // A unit about the pilot that says it cost less than planned, but no amount, does not answer what it cost; one that
  // gives the amount does.
  const dir = writeSmallPack('amounts-cost', { title: 'Tank Alerts', workshop: 'Atoll Utilities Day 2026' }, [
    {
      id: 'pilot',
      title: 'The pilot',
      units: [{ id: 'pilot-reach', kind: 'statistic', text: 'The tank alert pilot cost less than planned: it reached 3,800 households in two villages in 2024 and cut alerts to one a week.', keywords: [] }],
    },
    {
      id: 'rollout',
      title: 'The rollout',
      units: [{ id: 'rollout-cost', kind: 'statistic', text: 'The rollout to every village cost NZ$1.2 million in 2025, paid by the water board.', keywords: [] }],
    },
  ]);
  const { answerer } = workshop(dir);

  it('declines "what did the pilot cost?" when the pilot\'s unit gives no amount', () => {
    const a = answerer.answer('what did the pilot cost?');
    expect(a.answered, a.text).toBe(false);
  });

  it('answers "what did the rollout cost?" with the amount', () => {
    expect(answerer.answer('what did the rollout cost?').text).toContain('NZ$1.2 million');
  });
});
