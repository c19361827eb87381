// A section whose units mostly name something ("the Harbour Safety Act") is about it throughout: a unit of
// that section that does not repeat the name still answers a question that names it.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('sections', { title: 'Rules for Safer Harbours', workshop: 'Harbour Data Week 2025', presenter: 'Iris Vane' }, [
    {
      id: 'act',
      title: 'Banned and licensed work',
      units: [
        { id: 'banned', kind: 'list', text: 'Practices banned as unacceptable include: night trawling inside the reef; dumping bilge water; selling undersized crayfish; anchoring on seagrass beds.', keywords: [] },
        { id: 'licensed', kind: 'fact', text: 'Under the Harbour Safety Act, charter boats and dive operators need a yearly licence from the harbour master.', keywords: [] },
        { id: 'fines', kind: 'fact', text: 'Breaking the Harbour Safety Act can cost a skipper a fine of up to 5,000 dollars.', keywords: [] },
        { id: 'near-misses', kind: 'fact', text: 'The Harbour Safety Act also asks skippers to report near misses within two days.', keywords: [] },
      ],
    },
    {
      id: 'about-act',
      title: 'The Harbour Safety Act',
      units: [
        { id: 'act-def', kind: 'definition', text: 'The Harbour Safety Act of 2021 is the first law to set common rules for all harbours of the islands, from boats to quays.', keywords: [] },
        { id: 'act-groups', kind: 'list', text: 'The Harbour Safety Act sorts harbour work into three groups: banned, licensed and free.', keywords: [] },
      ],
    },
  ]);

describe('a unit in a section about a name it does not repeat', () => {
  const { answerer } = workshop(writePack());

  it('answers a question naming the section\'s subject from that unit', () => {
    for (const q of ['are skippers allowed to dump bilge water under the harbour safety act?', 'does the harbour safety act let boats anchor on seagrass beds']) {
      const a = answerer.answer(q);
      expect(a.answered, `${q}: ${a.text}`).toBe(true);
      expect(a.text).toContain('Practices banned as unacceptable');
    }
  });
});

describe('a section about one place with a unit about another', () => {
  const { answerer } = workshop(
    writeSmallPack('sections-mixed', { title: 'Telecoms Snapshots', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'snapshots',
        title: 'Country snapshots',
        units: [
          { id: 'nt-users', kind: 'statistic', text: 'In Nova Terra, 61% of adults used mobile internet in 2023.', keywords: [] },
          { id: 'nt-towers', kind: 'statistic', text: 'Nova Terra built 300 new mobile towers between 2020 and 2023.', keywords: [] },
          { id: 'nt-law', kind: 'fact', text: 'Nova Terra passed its telecoms law in 2018.', keywords: [] },
          { id: 'sl-price', kind: 'statistic', text: 'In Santa Lucerne the price of mobile data fell to 2 dollars per gigabyte in 2023.', keywords: [] },
          { id: 'sl-operator', kind: 'fact', text: 'The national telecom operator of Santa Lucerne was privatised in 2019.', keywords: [] },
        ],
      },
    ]),
  );

  it('does not answer a question about the first place from the unit about the other', () => {
    const a = answerer.answer('When did Nova Terra privatise its national telecom operator?');
    expect(a.text).not.toContain('Santa Lucerne was privatised');
  });
});

