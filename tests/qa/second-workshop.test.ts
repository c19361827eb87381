// A different workshop folder loads and answers its own questions with no code change.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop } from './helpers.js';

function writeWorkshop(): string {
  const dir = mkdtempSync(join(tmpdir(), 'other-workshop-'));
  mkdirSync(dir, { recursive: true });
  const w = (f: string, v: unknown) => writeFileSync(join(dir, f), JSON.stringify(v));
  w('meta.json', {
    title: 'Water Utilities Go Digital',
    workshop: 'Pacific Utilities Forum 2024',
    presenter: 'Ana Tupou',
    date: 'Monday, 4 March 2024',
    memberStates: 193,
    survey: 'Utility Census 2023',
  });
  w('sections.json', [
    {
      id: 'metering',
      title: 'Smart metering',
      units: [
        { id: 'meters', kind: 'statistic', text: '41 utilities in 12 towns have installed smart water meters for every household.', keywords: ['smart meters'] },
        { id: 'leaks', kind: 'definition', text: 'Non-revenue water is water lost to leaks before it reaches a customer.', keywords: ['leakage'] },
        { id: 'app-optional', kind: 'fact', text: 'Using the utility app is optional: customers may still phone the depot to report leaks.', keywords: [] },
      ],
    },
    {
      id: 'billing',
      title: 'Online billing',
      questions: ['How many utilities bill online?'],
      units: [
        { id: 'bills', kind: 'statistic', text: '58 utilities send bills online and accept mobile payments.', keywords: ['e-billing'] },
        { id: 'census-next', kind: 'fact', text: 'The next Utility Census is due to be published in 2026.', keywords: [] },
        { id: 'census-runner', kind: 'fact', text: 'The Utility Census is run every three years by the Pacific Water Association, which sends a form to each utility.', keywords: [] },
        { id: 'census-parts', kind: 'list', text: 'The Utility Census score is built from four sub-indices: network, customers, finances and staff.', keywords: [] },
        { id: 'census-mandatory', kind: 'fact', text: 'Answering the Utility Census is mandatory for every member utility since the Water Act, adopted by the Ministry of Works in 2019.', keywords: [] },
        { id: 'connection-fee', kind: 'fact', text: 'A new household connection costs 1,500 vatu, spread over twelve monthly bills.', keywords: [] },
        { id: 'codes', kind: 'fact', text: 'Two codes govern leak repairs: the First Repair Code (2010-2015) and the Second Repair Code, adopted on 3 June 2021.', keywords: [] },
        { id: 'census-returns', kind: 'statistic', text: 'The 2023 census round opened to all 60 member utilities, and 52 returned their forms online.', keywords: [] },
        { id: 'census-opened', kind: 'fact', text: 'Forms for the 2023 census round went out to utilities on 6 February 2023.', keywords: [] },
        { id: 'act-rules', kind: 'fact', text: 'After two dry years and a long debate, the Water Act was adopted and then amended in 2022.', keywords: [] },
        { id: 'telemetry', kind: 'fact', text: 'Telemetry reports to the control room every hour.', keywords: [] },
        { id: 'finland', kind: 'fact', text: 'In Finland, every utility publishes its leak figures each quarter.', keywords: [] },
        { id: 'ruritania', kind: 'fact', text: 'Ruritania asks its utilities to publish their leak figures once a year.', keywords: [] },
        { id: 'app-map', kind: 'fact', text: 'Customers report leaks through the utility app, which maps them street by street.', keywords: [] },
        { id: 'chile', kind: 'fact', text: 'In Chile, the national regulator publishes every water bill tariff online.', keywords: [] },
        { id: 'association-founded', kind: 'fact', text: 'The Pacific Water Association was established in 1998 by six island utilities.', keywords: [] },
        { id: 'census-history', kind: 'fact', text: 'The Utility Census started in 2011; its second round followed in 2014.', keywords: [] },
        { id: 'regions', kind: 'fact', text: 'Among the Pacific regions, Melanesia improved its leak figures the most since 2020.', keywords: [] },
        { id: 'forum-length', kind: 'fact', text: 'Each forum session runs for 45 minutes, with ten minutes kept for questions.', keywords: [] },
        { id: 'pwa-advice', kind: 'fact', text: 'Regulators advise publishing leak figures only once a utility has metered at least half of its connections.', keywords: [] },
        { id: 'census-staff', kind: 'fact', text: 'Of the four sub-indices, staff is new: it was added to the Utility Census score in 2023.', keywords: [] },
        { id: 'faults', kind: 'statistic', text: 'Burst mains are the most common fault on the network: they were behind 35% of the 400 leak reports in 2023.', keywords: [] },
      ],
    },
  ]);
  w('indicators.json', [
    { id: 'online-billing', name: 'Online billing', definition: 'Customers can receive and pay bills online.', question: 'Does your utility bill customers online?', global: { count: 58, source: 'Utility Census 2023' }, sections: ['billing'], nextStep: 'Offer e-bills.' },
  ]);
  w('glossary.json', [
    { term: 'NRW', expansion: 'Non-revenue water', synonyms: ['non-revenue water', 'water loss'] },
    { term: 'PWA', expansion: 'Pacific Water Association, whose census covers all 64 member utilities', synonyms: [] },
  ]);
  w('quiz.json', [
    { id: 'q1', question: 'How many utilities bill online?', choices: ['12', '58'], answer: 1, explanation: '58 do.', source: { section: 'billing' } },
  ]);
  return dir;
}

describe('another workshop', () => {
  const { content, answerer } = workshop(writeWorkshop());

  it('loads with its own hash and answers its own questions', () => {
    expect(content.meta.title).toBe('Water Utilities Go Digital');
    expect(answerer.answer('How many utilities have smart meters?').text).toContain('41');
    expect(answerer.answer('what is NRW').text.toLowerCase()).toContain('non-revenue water');
    expect(answerer.answer('how many utilities bill online').text).toContain('58');
    expect(answerer.answer('who is the presenter').text).toContain('Ana Tupou');
  });

  it('answers a yes/no question from a unit that says the opposite ("mandatory?" -> "optional")', () => {
    const a = answerer.answer('is it mandatory to report leaks through the app?');
    expect(a.answered).toBe(true);
    expect(a.text).toContain('optional');
  });

  it('reads a pronoun in a follow-up as the last topic ("who runs it?" after the census)', () => {
    const first = answerer.answer('when is the next utility census out?');
    expect(first.text).toContain('2026');
    const next = answerer.answer('who runs it?', first.topic);
    expect(next.answered).toBe(true);
    expect(next.text).toContain('Pacific Water Association');
  });

  it('reads a pronoun as the thing last asked about, not what was said of it ("who developed it?" after "is it mandatory?")', () => {
    let topic;
    for (const q of ['whats the utility census', 'is it mandatory?']) topic = answerer.answer(q, topic).topic ?? topic;
    const a = answerer.answer('who developed it', topic);
    expect(a.text).toContain('Pacific Water Association');
    expect(a.text).not.toContain('mandatory');
  });

  it.each(['summarise the talk', 'whats the agenda', 'can u summarise the talk in a few lines', 'give me an overview of the session in two sentences'])(
    '"%s" gets the outline of its sections',
    (q) => {
      const a = answerer.answer(q);
      expect(a.answered).toBe(true);
      expect(a.text).toContain('Smart metering');
      expect(a.text).toContain('Online billing');
    },
  );

  it('answers "which is more, A or B?" with the figure of each side when no one unit holds both', () => {
    const a = answerer.answer('which is more, utilities with smart meters or utilities billing online?');
    expect(a.answered).toBe(true);
    expect(a.text).toContain('41');
    expect(a.text).toContain('58');
  });

  it('answers about what is to come only from a unit that speaks of it', () => {
    expect(answerer.answer('when will the next utility census come out?').text).toContain('2026');
    expect(answerer.answer('how many utilities will install smart water meters next?').answered).toBe(false);
    expect(answerer.answer('how many utilities install smart water meters?').text).toContain('41');
  });

  it('does not answer "which towns...?" with a count: it asks for names the pack does not give', () => {
    expect(answerer.answer('which towns have installed smart water meters for every household?').answered).toBe(false);
    expect(answerer.answer('how many utilities have installed smart water meters?').text).toContain('41');
  });

  it('reads "what share of the X were about Y?" as counting X, with Y its topic', () => {
    const a = answerer.answer('what share of the reports were about burst mains?');
    expect(a.answered).toBe(true);
    expect(a.text).toContain('35%');
  });

  it('reads a country the deck names as a place, though the word has other senses ("Chile", a pepper)', () => {
    expect(answerer.answer('how many utilities have installed smart water meters?').text).toContain('41');
    expect(answerer.answer('how many utilities have installed smart water meters in Chile?').answered).toBe(false);
    expect(answerer.answer('who publishes the tariffs in Chile?').text).toContain('regulator');
  });

  it('declines "who did X?" when the deck never speaks of doing X, in any form', () => {
    expect(answerer.answer('who runs the utility census?').text).toContain('Pacific Water Association');
    for (const q of ['who founded the pacific water association?', 'who drafted the water act?']) expect(answerer.answer(q).answered, q).toBe(false);
  });

  it('does not count one thing for another that shares its stem ("indices" for "how many indicators")', () => {
    expect(answerer.answer('how many sub-indices make up the utility census score?').text).toContain('four sub-indices');
    expect(answerer.answer('how many indicators make up the utility census score?').answered).toBe(false);
  });

  it('reads everyday idioms as what they mean', () => {
    expect(answerer.answer('why did utilities send bills online in the first place?').text).toContain('58');
  });

  it('knows an amount of money in any currency, not only dollars, euros and pounds', () => {
    expect(answerer.answer('how much does a new household connection cost?').text).toContain('1,500 vatu');
    expect(answerer.answer('how much does a smart water meter cost?').answered).toBe(false);
  });

  it('reads "the second one" as the one a name calls Second', () => {
    const first = answerer.answer('which codes govern leak repairs?');
    expect(first.text).toContain('Second Repair Code');
    expect(answerer.answer('when was the second one adopted?', first.topic).text).toContain('3 June 2021');
  });

  it('answers "when did the 2023 X open?" with a day, not with the year it was asked about', () => {
    expect(answerer.answer('when did the 2023 census round open?').text).toContain('6 February 2023');
  });

  it('answers "who did X?" with who did, not with a unit that only names X', () => {
    expect(answerer.answer('who adopted the water act?').text).toContain('Ministry of Works');
  });

  it('reads "which is more common, A or B?" as the comparison, with "common" part of it', () => {
    const a = answerer.answer('which is more common, smart meters or online bills?');
    expect(a.text).toContain('41');
    expect(a.text).toContain('58');
  });

  it('reads "again", "remind me", "ok so" and "in X terms" as ways of asking, not as a topic', () => {
    expect(answerer.answer('whats the title of this talk again').text).toContain('Water Utilities Go Digital');
    expect(answerer.answer('when was the session again').text).toContain('4 March 2024');
    expect(answerer.answer('remind me who the presenter was').text).toContain('Ana Tupou');
    expect(answerer.answer('ok so when was the talk').text).toContain('4 March 2024');
    expect(answerer.answer('what are smart water meters in utility terms').text).toContain('41 utilities');
  });

  it('answers "how many X does it cover?" from a glossary entry that gives the count', () => {
    expect(answerer.answer('how many utilities does the PWA cover?').text).toContain('64 member utilities');
  });

  it('reads a word cut short ("telem") as the pack\'s word it starts', () => {
    expect(answerer.answer('how often does telem report?').text).toContain('every hour');
  });

  it('answers what a term means from a unit that says it, not from a glossary entry that only spells it out', () => {
    expect(answerer.answer('whats non-revenue water actually mean').text).toContain('lost to leaks');
    expect(answerer.answer('what does NRW stand for').text).toContain('Non-revenue water');
  });

  it('reads a people\'s adjective as its country: "finnish utilities" are the utilities in Finland', () => {
    const a = answerer.answer('how often do finnish utilities publish leak figures?');
    expect(a.text).toContain('each quarter');
    expect(a.text).not.toContain('Ruritania');
  });

  it('reads "we have no X yet, what should we do first?" as advice about X', () => {
    const a = answerer.answer('we dont have online billing yet, what should we do first?');
    expect(a.answered).toBe(true);
    expect(a.text).toBe(answerer.answer('what should we do first about online billing?').text);
  });

  it('reads "..., right?" as asking to confirm the statement, not as a topic', () => {
    expect(answerer.answer('smart meters are installed in 12 towns, right?').text).toContain('41 utilities');
    // (A question that asks already keeps its "right": "is the right to X...".)
    expect(answerer.answer('which right?').answered).toBe(false);
  });

  it('says where the last answer comes from when asked "source?" or "who said that?"', () => {
    const first = answerer.answer('how many utilities bill online?');
    for (const q of ['source?', 'who said that? wheres the data from']) {
      const a = answerer.answer(q, first.topic);
      expect(a.text).toContain('Online billing');
      expect(a.text).toContain('Ana Tupou');
      expect(a.sources).toEqual(first.sources);
    }
  });

  it('reads "came top" as ranked first and "back in 2023" as in 2023', () => {
    expect(answerer.answer('which fault came top back in 2023?').text).toContain('Burst mains');
  });

  it('reads the one clause of a message that asks, with the setting around it as background', () => {
    const a = answerer.answer('Our board is replacing its billing vendor next year and the consultants keep mentioning it. Im not an engineer, what is non-revenue water actually?');
    expect(a.text).toContain('lost to leaks');
    // The setting is not dropped when the question leans on it ("...how many of *them*...").
    expect(answerer.answer('I need a new password for my laptop, who do I contact?').answered).toBe(false);
  });

  it('reads "sorry I came in late, what is today\'s date?" and "quick one: what is this session about?"', () => {
    expect(answerer.answer("sorry I came in late, what's today's date on the title slide").text).toContain('4 March 2024');
    expect(answerer.answer("hi all, quick one - what's this session actually about?").text).toContain('Water Utilities Go Digital');
  });

  it('reads hedges and the asker\'s own frame ("supposed to", "roughly", "I heard") as ways of asking', () => {
    expect(answerer.answer('i heard a new household connection is pricey, what is it supposed to cost roughly').text).toContain('1,500 vatu');
  });

  it('reads a verb and its particle as the pack\'s word for it: "who set it up?" is who established it', () => {
    const first = answerer.answer('how many members does the Pacific Water Association have?');
    const a = answerer.answer('who set it up?', first.topic);
    expect(a.answered).toBe(true);
    expect(a.text).toContain('six island utilities');
  });

  it('reads "when did X *first* start?" as asking since when, not for the first of a series', () => {
    const a = answerer.answer('when did the Utility Census first start?');
    expect(a.text).toContain('2011');
    // Two words the pack never uses are a new topic, whatever "it" stands for.
    expect(answerer.answer('will it rain tomorrow?', a.topic).answered).toBe(false);
  });

  it('offers the two closest units as "did you mean" when it is not sure and they score alike', () => {
    const a = answerer.answer('which places make utilities report leak numbers?');
    expect(a.text).toMatch(/^I'm not certain, but these two look closest: /);
    expect(a.text).toContain('maps them street by street');
    expect(a.text).toContain('phone the depot');
    expect(a.text.length).toBeLessThanOrEqual(600);
  });

  it('reads "what are its X?" as asking X of the last topic, not the last question again', () => {
    const first = answerer.answer('how often is the Utility Census run?');
    expect(first.text).toContain('every three years');
    expect(answerer.answer('what are its sub-indices?', first.topic).text).toContain('network, customers, finances and staff');
  });

  it('reads "the single most X" as "the most X"', () => {
    expect(answerer.answer('whats the single most common fault?').text).toContain('Burst mains');
  });

  it('reads "what do they mean by X? (setting)" as asking what X means', () => {
    expect(answerer.answer('what do they mean by non-revenue water? our board keeps using that phrase').text).toContain('lost to leaks');
  });

  it('reads "where would we even start?" as asking for advice', () => {
    expect(answerer.answer('we have no online billing at all. where would we even start?').text).toContain('Offer e-bills');
  });

  it('reads "which part of the world" as a region and "back then" as at that time', () => {
    expect(answerer.answer('which part of the world improved its leak figures the most?').text).toContain('Melanesia');
    const first = answerer.answer('how many utilities bill online?');
    expect(answerer.answer('what about smart meters back then?', first.topic).text).toContain('41 utilities');
  });

  it('reads who is asking and how they open as the frame, not the topic', () => {
    // "this water session": the session, named by its topic.
    expect(answerer.answer("hi there! who's giving this water session today?").text).toContain('Ana Tupou');
    expect(answerer.answer('our board asks since when answering the Utility Census is mandatory').text).toContain('2019');
    expect(answerer.answer('ok basic question but what is non-revenue water?').text).toContain('lost to leaks');
  });

  it('reads "how long does it run?" as asking a length of time, and "when does X say...?" as asking in which cases', () => {
    expect(answerer.answer('how long is this session supposed to run?').text).toContain('45 minutes');
    // Any word for the session names it, when the session is all that is asked about.
    expect(answerer.answer('how long does this talk run?').text).toContain('45 minutes');
    // An aside after the question ("I have another meeting after") is not part of what is asked.
    expect(answerer.answer('how long does this session last, I have another meeting after').text).toContain('45 minutes');
    expect(answerer.answer('when was this workshop held again, I need the exact date for my travel report').text).toContain('4 March 2024');
    // (Or telling what the asker did: "I missed the first day", "I joined late".)
    expect(answerer.answer('when was this workshop held, i missed the first day').text).toContain('4 March 2024');
    // (An aside with its subject left out, as people type in chat.)
    expect(answerer.answer("what's the date of today's session pls, need it for my travel claim form").text).toContain('4 March 2024');
    expect(answerer.answer('when do regulators say it is worth publishing leak figures?').text).toContain('at least half');
  });

  it('reads "what topics are we covering today?" and "what parts does the talk cover?" as asking for the outline', () => {
    expect(answerer.answer('wat topics r we covering today').text).toContain('covers: Smart metering; Online billing');
    expect(answerer.answer('what parts does the talk cover?').text).toContain('covers: Smart metering; Online billing');
    expect(answerer.answer('can u give me a quick idea what topics r covered today').text).toContain('covers: Smart metering; Online billing');
  });

  it('reads "which one is new?" after a list as asking about one of its items', () => {
    const first = answerer.answer('what are the sub-indices of the Utility Census score?');
    expect(first.text).toContain('network, customers, finances and staff');
    expect(answerer.answer('which one is new?', first.topic).text).toContain('was added');
  });

  it('asks what about when "tell me more" or "source?" comes before anything was asked', () => {
    for (const q of ['tell me more', 'source?']) {
      const a = answerer.answer(q);
      expect(a.answered).toBe(false);
      expect(a.text).toMatch(/^I'm not sure (what to say more about|which answer you mean): ask me about a topic of the workshop\.$/);
    }
  });

  it('reads "the big difference" as which difference, not as asking how big something is', () => {
    expect(answerer.answer("what's the big difference between the two repair codes?").text).toContain('Second Repair Code');
    // ("How old is X?" still asks a property the pack never gives.)
    expect(answerer.answer('how old is the control room?').answered).toBe(false);
  });

  it('declines what it does not cover, with suggestions from its own content', () => {
    const a = answerer.answer('How many countries have cybersecurity laws?');
    expect(a.answered).toBe(false);
    expect(a.suggestions.length).toBeGreaterThanOrEqual(2);
    for (const s of a.suggestions) expect(answerer.answer(s).answered, s).toBe(true);
  });
});
