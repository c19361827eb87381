// Words this session's reading rules treat as how a question is asked ("in charge of", "fall under", "my boss
// wants to know", "their own", hedge adverbs) also say what is asked elsewhere: found by a review with invented
// packs, each of these went wrong once. The rules must leave them as they are.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

describe('words that say what is asked', () => {
  const harbour = workshop(
    writeSmallPack('harbour-literal', { title: 'Running the ports of Kessel Bay', workshop: 'Harbour Data Week 2025' }, [
      { id: 'ports', title: 'The three ports', units: [
        { id: 'ports-list', kind: 'fact', text: 'The Kessel Bay Harbour Authority runs three ports: Port Ellis, Port Marrow and Dunlin Quay. Port Ellis and Port Marrow are run jointly with the Tern Islands Council.', keywords: [] },
        { id: 'pilots', kind: 'fact', text: 'Port Ellis has its own pilot service; Port Marrow and Dunlin Quay share pilots hired from the Kessel Bay Pilots Cooperative.', keywords: [] },
        { id: 'board', kind: 'fact', text: 'The Harbour Board oversees the authority and appoints the harbour master. The current harbour master is Ada Rook, appointed in 2019.', keywords: [] },
      ] },
      { id: 'fees', title: 'Berth charges', units: [
        { id: 'bands', kind: 'fact', text: 'Charge band A covers vessels under 20 metres, which pay a flat 40 crowns a night. Charge band B covers vessels of 20 to 40 metres, which pay 95 crowns a night.', keywords: [] },
        { id: 'review', kind: 'fact', text: 'Berth charges are set by the Harbour Board and reviewed every April.', keywords: [] },
      ] },
      { id: 'power', title: 'Shore power', units: [
        { id: 'charging', kind: 'fact', text: 'Shore power charging stations were installed at Port Ellis in 2021 and at Dunlin Quay in 2023. Port Marrow has none yet.', keywords: [] },
      ] },
      { id: 'reporting', title: 'Reporting and inspections', units: [
        { id: 'report', kind: 'fact', text: 'The Harbour Traffic Report is published annually in March.', keywords: [] },
        { id: 'inspect', kind: 'fact', text: 'Hull inspections at Dunlin Quay are still done manually; Port Ellis uses drone surveys.', keywords: [] },
        { id: 'register', kind: 'fact', text: 'Everyone who moors overnight must register with the harbour master. Nobody may anchor in the Ellis fairway without a pilot.', keywords: [] },
      ] },
      { id: 'traffic', title: 'Traffic and bookings', units: [
        { id: 'bookings', kind: 'statistic', text: 'Ferry bookings at Port Marrow fell from 1,200 in 2021 to 950 in 2022 and 780 in 2023.', keywords: [] },
        { id: 'staff', kind: 'statistic', text: 'The authority had 140 staff in 2020, 165 in 2022 and 180 in 2024.', keywords: [] },
        { id: 'total', kind: 'fact', text: 'Only vessels over 20 metres are counted in the annual traffic total, which reached 3,000 calls in 2024.', keywords: [] },
        { id: 'tidelink', kind: 'fact', text: 'Port Ellis, Port Marrow and Dunlin Quay all use the TideLink booking system.', keywords: [] },
        { id: 'fuel', kind: 'statistic', text: 'More than half of the ferry fleet runs on biodiesel.', keywords: [] },
        { id: 'dredging', kind: 'fact', text: 'Dredging is paid for from the maintenance budget.', keywords: [] },
      ] },
    ]),
  ).answerer;
  const water = workshop(
    writeSmallPack('water-literal', { title: "Keeping Brennock's water flowing", workshop: 'Utilities Forum 2025' }, [
      { id: 'network', title: 'The supply network', units: [
        { id: 'mains', kind: 'fact', text: 'Brennock Water Company supplies 412,000 households through 6,300 kilometres of mains, fed by three treatment works at Aldmoor, Keswin Ford and Hollow Tarn. Aldmoor is the largest and treats about half of all the water the company supplies each day, while Keswin Ford mostly serves the eastern valleys. Hollow Tarn is kept on standby in wet years and runs at full capacity only during summer droughts, when demand in the coastal towns doubles.', keywords: [] },
        { id: 'leaks', kind: 'statistic', text: 'Leakage fell from 24 per cent of water put into supply in 2019 to 19 per cent in 2022 and 16 per cent in 2024. The company plans to reach 12 per cent by 2030 by replacing 90 kilometres of old iron mains a year, installing pressure sensors on every district metered area, and sending repair crews out within 48 hours of a reported burst, compared with five days in 2019.', keywords: [] },
      ] },
      { id: 'customers', title: 'Customers, bills and the help scheme for households on low incomes in the Brennock area', units: [
        { id: 'bills', kind: 'statistic', text: 'The average household bill was 412 crowns in 2023 and 438 crowns in 2024. Metered households paid on average 15 per cent less than unmetered ones. Bills are split into a fixed standing charge, which pays for the network, and a volume charge for every cubic metre used, which pays for treatment and pumping. Sewerage is billed separately by the Brennock Drainage Board.', keywords: [] },
        { id: 'help', kind: 'fact', text: 'The WaterAssist scheme caps bills at 3 per cent of household income for about 18,000 households. Anyone receiving a local housing benefit can apply online or at a library, and applications are checked manually by a team of six advisers within ten working days. Households that fall behind are offered a payment plan before any debt collection starts.', keywords: [] },
      ] },
      { id: 'quality', title: 'Water quality', units: [
        { id: 'tests', kind: 'statistic', text: 'The company took 61,000 water samples in 2024, and 99.96 per cent met every drinking water standard. Samples are taken weekly at every treatment works and monthly at randomly chosen customer taps.', keywords: [] },
        { id: 'lead', kind: 'fact', text: 'Nothing is added to the water to reduce lead pipes corrosion at Hollow Tarn; orthophosphate is dosed at Aldmoor and Keswin Ford only.', keywords: [] },
      ] },
      { id: 'staff', title: 'Who runs the company', units: [
        { id: 'exec', kind: 'fact', text: 'The Chief Engineer, Mara Voss, is in charge of the three treatment works; the Customer Director, Ilo Brandt, leads billing and the WaterAssist scheme.', keywords: [] },
        { id: 'ev', kind: 'fact', text: 'The company fleet has 140 vans; 35 are electric and are charged overnight at the Aldmoor depot.', keywords: [] },
      ] },
    ]),
  ).answerer;

  it('"formerly" asks about someone before the current one', () => {
    expect(harbour.answer('who was formerly the harbour master?').answered).toBe(false);
  });

  it('"in charge band A" is a band of charges', () => {
    expect(harbour.answer("what's included in charge band A?").text).toContain('vessels under 20 metres');
  });

  it('"fall under 800" is a fall', () => {
    const a = harbour.answer('did bookings fall under 800?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('780 in 2023');
  });

  it('"fall under twenty per cent" is a fall too', () => {
    const leakage = workshop(
      writeSmallPack('leakage-literal', { title: 'Leakage and resilience at Fenmoor Water', workshop: 'Utilities Forum 2025' }, [
        {
          id: 'leakage',
          title: 'Leakage',
          units: [
            { id: 'leak-rate', kind: 'statistic', text: 'Fenmoor Water lost 19 per cent of the water it put into supply to leakage in 2023, down from 24 per cent in 2019.', keywords: [] },
            { id: 'leak-rec2', kind: 'fact', text: 'Recommendation 5 of the leakage review is about pressure: lowering night-time pressure in hilly zones cuts bursts by about a fifth.', keywords: [] },
          ],
        },
      ]),
    ).answerer;
    expect(leakage.answer('Did leakage fall under twenty per cent?').text).not.toContain('Recommendation 5');
  });

  it('a setting that holds the topic is kept: "where our bookings dropped and my boss wants to know by how much"', () => {
    const a = harbour.answer('I work at Port Marrow where our ferry bookings dropped and my boss wants to know by how much');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('780 in 2023');
  });

  it('a place of the setting is kept when the question says "we"', () => {
    const a = water.answer("I'm from Hollow Tarn and my boss asks whether we dose orthophosphate");
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('Nothing is added');
  });

  it('the place the asker is from stays: "I\'m from Holm and my boss asks how many vessels run the crossing"', () => {
    const ferries = workshop(
      writeSmallPack('ferry-literal', { title: 'Island ferry services in the Calder Firth', workshop: 'Coastal Transport Day 2024', location: 'Port Ellis' }, [
        { id: 'holm', title: 'The Holm crossing', units: [
          { id: 'holm-pax', kind: 'statistic', text: 'The Holm crossing carried 95,000 passengers and 21,000 cars in 2023, run by Holm Ferries with one vessel, the MV Tern.', keywords: [] },
          { id: 'holm-fares', kind: 'fact', text: 'A Holm return fare is 9 pounds for adults; island residents travel for 4 pounds.', keywords: [] },
        ] },
        { id: 'skerry', title: 'The Skerry crossing', units: [
          { id: 'skerry-pax', kind: 'statistic', text: 'The Skerry crossing carried 212,000 passengers and 48,000 cars in 2023, run by Skerry Link with two vessels.', keywords: [] },
          { id: 'skerry-fares', kind: 'fact', text: 'A Skerry return fare is 14 pounds for adults; island residents travel for 6 pounds.', keywords: [] },
        ] },
        { id: 'portellis', title: 'Port Ellis terminal', units: [
          { id: 'pe-terminal', kind: 'fact', text: 'Port Ellis terminal serves both crossings; its waiting room opens 30 minutes before the first sailing. The terminal was rebuilt in 2021 for 6 million pounds.', keywords: [] },
          { id: 'pe-fuel', kind: 'fact', text: 'Port Ellis is the only place in the firth where ferries can refuel; Skerry Link vessels refuel there twice a week.', keywords: [] },
        ] },
        { id: 'access', title: 'Accessible travel', units: [
          { id: 'access-groups', kind: 'list', text: 'Three groups need their own boarding arrangements: wheelchair users, who board by the car ramp; passengers with guide dogs, who may stay in the lounge; and unaccompanied children under 12, who travel with a crew escort.', keywords: [] },
        ] },
        { id: 'staff', title: 'Crew and staffing', units: [
          { id: 'staff-count', kind: 'statistic', text: 'Holm Ferries employs 18 crew; Skerry Link employs 41 crew and 9 shore staff.', keywords: [] },
        ] },
      ]),
    ).answerer;
    expect(ferries.answer("I'm from Holm and my boss asks how many vessels run the crossing").text).toMatch(/^The Holm crossing/);
  });

  it('"which have their own?" points back at the setting', () => {
    expect(harbour.answer('We manage the fuel barges in the bay - which ports have their own?').answered).toBe(false);
  });

  it('"I\'m wondering how many of our ports asked..." is the question itself', () => {
    expect(harbour.answer("I'm wondering how many of our ports asked for shore power").answered).toBe(false);
  });
});
