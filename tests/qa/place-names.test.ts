// A country goes by more than one name: participants say "South Korea" and "Vietnam" where official texts write
// "Republic of Korea" and "Viet Nam". A question in either name is about the place the pack names.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('place-names', { title: 'Ports of the Pacific Rim', workshop: 'Harbour Data Week 2025', location: 'Apia, Samoa' }, [
    {
      id: 'ports',
      title: 'New ports',
      units: [
        { id: 'korea', kind: 'fact', text: 'In 2021 the Republic of Korea opened three new container ports on its southern coast.', keywords: [] },
        { id: 'viet', kind: 'fact', text: 'Viet Nam dredged the channel at Hai Phong in 2019, so that larger ships could dock.', keywords: [] },
        { id: 'japan', kind: 'fact', text: 'Japan opened one new port in 2022 and closed two small ones.', keywords: [] },
      ],
    },
    {
      id: 'crews',
      title: 'Crews',
      units: [{ id: 'languages', kind: 'fact', text: 'Harbour pilots need two languages: the local one and English for radio calls.', keywords: [] }],
    },
  ]);

describe('places by any of their names', () => {
  const { answerer } = workshop(writePack());

  it('reads "South Korea" as the pack\'s "Republic of Korea"', () => {
    const a = answerer.answer('how many new ports did South Korea open in 2021?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('three new container ports');
  });

  it('answers the name the pack writes, "Republic of Korea", too', () => {
    expect(answerer.answer('How many ports did the Republic of Korea open in 2021?').text).toContain('three new container ports');
  });

  it('reads a one-word name that can only be the place ("vietnam")', () => {
    expect(answerer.answer('when did vietnam dredge the channel?').text).toContain('Hai Phong in 2019');
  });

  it('still declines a country the pack never names', () => {
    const a = answerer.answer('how many new ports did North Korea open in 2021?');
    expect(a.answered, a.text).toBe(false);
  });
});

describe('a session fact answers only what it holds', () => {
  const { answerer } = workshop(
    writeSmallPack('session-place', { title: 'Ports of the Pacific Rim', workshop: 'Harbour Data Week 2025', location: 'Busan, Republic of Korea' }, [
      {
        id: 'crews',
        title: 'Crews',
        units: [{ id: 'languages', kind: 'fact', text: 'Harbour pilots need two languages: the local one and English for radio calls.', keywords: [] }],
      },
    ]),
  );

  it('does not answer "what languages are spoken in the Republic of Korea?" with where the workshop is held', () => {
    const a = answerer.answer('What languages are spoken in the Republic of Korea?');
    expect(a.text).not.toContain('Busan');
  });

  it('still says where the workshop is held', () => {
    expect(answerer.answer('where is the workshop held?').text).toContain('Busan');
  });
});

describe('a place name read as another place only when it can be no other', () => {
  const { answerer } = workshop(
    writeSmallPack('place-names-other', { title: 'Harvests and Ports', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'harvests',
        title: 'Harvests',
        units: [
          { id: 'dprk', kind: 'statistic', text: "Rice yields in the Democratic People's Republic of Korea fell by 12 percent in 2021.", keywords: [] },
          { id: 'chips', kind: 'statistic', text: 'Taiwan produced 60 percent of the world\'s advanced chips in 2023.', keywords: [] },
          { id: 'mail', kind: 'statistic', text: 'In the 2022 port ballot, 38 percent of dock workers voted by mail.', keywords: [] },
        ],
      },
    ]),
  );

  it('does not read "South Korea" into the longer name of another country', () => {
    const a = answerer.answer('How much did rice yields fall in South Korea?');
    expect(a.text).not.toContain('12 percent');
  });

  it('does not read "China", a name of more than one place, as Taiwan', () => {
    const a = answerer.answer('What share of advanced chips did China produce?');
    expect(a.text).not.toContain('60 percent');
  });

  it('does not read "OK" as a state', () => {
    expect(answerer.answer('OK, and what share of dock workers voted by mail in the port ballot?').text).toContain('38 percent');
  });
});

describe('a place by the short name the glossary gives it', () => {
  const dir = writeSmallPack('place-short', { title: 'Harbour Registers', workshop: 'Harbour Data Week 2025', location: 'Wellington, New Zealand' }, [
    {
      id: 'registers',
      title: 'Harbour registers',
      units: [
        { id: 'share', kind: 'statistic', text: '61 percent of coastal countries keep an open register of harbour berths.', keywords: [] },
        { id: 'crews', kind: 'fact', text: 'New Zealand trains its harbour pilots at a college in Nelson.', keywords: [] },
        { id: 'advice', kind: 'fact', text: 'To improve a harbour register, publish it as open data and update it every week.', keywords: [] },
      ],
    },
  ]);
  writeFileSync(join(dir, 'glossary.json'), JSON.stringify([{ term: 'NZ', expansion: 'New Zealand, where this workshop is held.', synonyms: ['New Zealand'] }]));
  const { answerer } = workshop(dir);

  it('does not answer "does NZ have X?" with the share of all countries that have it', () => {
    const a = answerer.answer('does NZ have an open register of harbour berths?');
    expect(a.answered, a.text).toBe(false);
    expect(answerer.answer('where does NZ train its harbour pilots?').text).toContain('Nelson');
    expect(answerer.answer('how many coastal countries keep an open register of harbour berths?').text).toContain('61 percent');
  });

  it('still gives advice to the place as one who is to act: "how can NZ improve its harbour register?"', () => {
    expect(answerer.answer('how can NZ improve its harbour register?').text).toContain('publish it as open data');
  });
});
