// What people see when they ask: the fact asked for, a citation, short; typos and shorthand understood.
import { describe, expect, it } from 'vitest';
import { workshop } from './helpers.js';

const { answerer } = workshop();
const ask = (q: string) => answerer.answer(q);

function expectAnswer(q: string, ...facts: string[]) {
  const a = ask(q);
  expect(a.answered, `${q} -> ${a.text}`).toBe(true);
  for (const f of facts) expect(a.text.toLowerCase(), q).toContain(f.toLowerCase());
  expect(a.text.length).toBeLessThanOrEqual(600);
  expect(a.text).toMatch(/\(Source: [^)]+\)$/);
  expect(a.sources.length).toBeGreaterThan(0);
  expect(a.suggestions).toEqual([]);
  return a;
}

describe('answers', () => {
  it('gives the figures of the 2022 survey with the figure and survey cited', () => {
    const a = expectAnswer('How many countries have legislation on cybersecurity?', '153');
    expect(a.text).toContain('Figure 1.30');
    expect(a.text).toContain('2022 UN E-Government Survey');
    expectAnswer('How many countries have laws on freedom of information?', '132');
    expectAnswer('What share of the 193 UN Member States publish their org chart?', '93%');
    expectAnswer('How many countries have a national e-government strategy?', '155');
    expectAnswer('how many countries have personal data protection legislation', '145');
    expectAnswer('percentage of countries with links to local government on the portal', '74%');
    // "Is it common to...?" asks how many do it.
    expectAnswer('is it common to list who heads each ministry on the portal?', '90%');
  });

  it('gives definitions and lists', () => {
    expectAnswer('What is a whole-of-government approach?', 'cross-department');
    expectAnswer('What are the 3As of digital exclusion?', 'access', 'affordability', 'ability');
    expectAnswer('What do the 3Ds stand for?', 'data', 'design', 'delivery');
    // "what's" asks what something is, as "whats" and "what is" do.
    expectAnswer("what's a one stop shop", 'single point');
    // A letter's plural written with an apostrophe, after a number in words.
    expectAnswer("what r the three A's", 'access', 'affordability', 'ability');
    expectAnswer('What are the divides of the digital world?', 'data divide', 'value divide', 'governance gap', 'innovation divide');
    expectAnswer('What does UNPOG stand for?', 'United Nations Project Office on Governance');
  });

  it('answers questions about the session from the title slide', () => {
    expectAnswer('Who gave the presentation?', 'Keping Yao');
    expectAnswer('When was the session?', '22 June 2023');
    expectAnswer('How can I contact the speaker?', 'yaok@un.org');
    expectAnswer('What is the title of Session 2?', 'Digital Data Governance');
  });

  it('understands typos, shorthand and split words', () => {
    expectAnswer('how many countries hav cyber security laws', '153');
    expectAnswer('open govt data legislation numbers', '117');
    expectAnswer('whats the data divide', '400%');
    expectAnswer('how many coutries have e-particpation legislaton', '91');
    expectAnswer('CIO info on portals - what percent?', '77%');
    expectAnswer('What is the governance gap?', 'guardrails');
    expectAnswer('organisational chart on the portal: how many countries?', '93%');
  });
});

describe('declining', () => {
  const unrelated = [
    "What's the capital of France?",
    'Write me a poem about cats',
    'What is the GDP of Germany?',
    'What time does the bus leave?',
    'lorem ipsum dolor sit amet',
    'What is the government of Germany like?',
    'How much data does my phone plan have?',
    'data',
    'government',
    'Who is the prime minister of Papua New Guinea?',
  ];

  it.each(unrelated)('declines %j kindly, with 2-3 answerable suggestions', (q) => {
    const a = ask(q);
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/sorry/i);
    expect(a.sources).toEqual([]);
    expect(a.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
    for (const s of a.suggestions) expect(ask(s).answered, s).toBe(true);
  });

  it('suggests questions related to the words it did recognise', () => {
    const a = ask('What is the cybersecurity budget of Germany?');
    expect(a.answered).toBe(false);
    expect(a.suggestions.join(' ')).toMatch(/legislation|laws/i);
  });
});
