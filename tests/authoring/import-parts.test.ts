// The parts of content import on their own: figures, acronyms, unit splitting, the title slide, quiz drafts, readers.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/authoring/figures.js';
import { findAcronyms } from '../../src/authoring/import/acronyms.js';
import { draftMeta } from '../../src/authoring/import/meta.js';
import type { Page, SourceDeck } from '../../src/authoring/import/model.js';
import { draftQuiz } from '../../src/authoring/import/quiz.js';
import { readDeck } from '../../src/authoring/import/read.js';
import { readMarkdown } from '../../src/authoring/import/read-markdown.js';
import { blocksToUnits, chunk, definitionOf, TARGET_CHARS } from '../../src/authoring/import/units.js';
import { tempDir } from '../core/helpers.js';
import { SLIDES, writePdf, writePptx } from './decks.js';

describe('figures', () => {
  const found = (t: string) => findFigures(t).map((f) => `${f.kind}:${f.text}`);

  it('finds percentages, money, counts, ratios and years', () => {
    expect(found('64% of countries had a portal in 2022, up from 45 per cent in 2019.')).toEqual(['percent:64%', 'year:2022', 'percent:45 per cent', 'year:2019']);
    expect(found('USD 3.2 million for 1,200 officials; 1 in 3 people; 153 countries')).toEqual(['money:USD 3.2 million', 'count:1,200', 'ratio:1 in 3', 'count:153']);
  });

  it('leaves out numbers that name things, dates and small list numbers', () => {
    expect(found('Session 2 on SDG 16, Figure 12, 12 March 2025, 3. Data, Web 2.0, at 10:30')).toEqual(['year:2025']);
    expect(found('43 in 2020')).toEqual(['count:43', 'year:2020']);
  });
});

describe('acronyms', () => {
  it('reads the expansion before or inside the brackets, or after a colon', () => {
    expect(findAcronyms('We publish Open Government Data (OGD) every week.')).toEqual([{ term: 'OGD', expansion: 'Open Government Data' }]);
    expect(findAcronyms('A Whole-of-Government (WoG) approach')).toEqual([{ term: 'WoG', expansion: 'Whole-of-Government' }]);
    expect(findAcronyms('the Department of Information and Communications Technology (DICT) leads')).toEqual([{ term: 'DICT', expansion: 'Department of Information and Communications Technology' }]);
    expect(findAcronyms('OGD (open government data) is key')).toEqual([{ term: 'OGD', expansion: 'open government data' }]);
    expect(findAcronyms('GTMI: GovTech Maturity Index, covering 198 economies')).toEqual([{ term: 'GTMI', expansion: 'GovTech Maturity Index' }]);
    expect(findAcronyms('non-governmental organisations (NGOs) take part')).toEqual([{ term: 'NGO', expansion: 'non-governmental organisations' }]);
  });

  it('ignores brackets whose words do not spell the acronym', () => {
    expect(findAcronyms('the UN survey (EGDI) and the (UN)')).toEqual([]);
  });
});

describe('units', () => {
  const long = 'Governments that share data reduce duplicated collection and make services easier to reach. '.repeat(12).trim();

  it('splits long text at sentence ends into pieces of at most 450 characters', () => {
    const pieces = chunk(long);
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(TARGET_CHARS);
      expect(p).toMatch(/^Governments.*\.$/);
    }
    expect(pieces.join(' ')).toBe(long);
  });

  it('packs short bullets into lists led by what they list, keeps long ones alone and tables as rows', () => {
    const { units, sources } = blocksToUnits(
      [
        { kind: 'paragraph', text: 'Three things matter:' },
        { kind: 'bullets', items: [{ text: 'People', level: 0 }, { text: 'Process', level: 0 }, { text: 'with sub-steps', level: 1 }, { text: 'Platforms', level: 0 }] },
        { kind: 'bullets', items: [{ text: 'A bullet long enough to be an answer by itself, because it explains why shared platforms cut costs for small states.', level: 0 }] },
        { kind: 'table', rows: [['Country', 'Share'], ['Fiji', '45%'], ['Samoa', '30%']] },
        { kind: 'paragraph', text: 'Source: Regional survey 2024' },
      ],
      'Slide title',
      'slide',
    );
    expect(units.map((u) => [u.kind, u.text])).toEqual([
      ['list', 'Three things matter: People; Process: with sub-steps; Platforms.'],
      ['bullet', 'A bullet long enough to be an answer by itself, because it explains why shared platforms cut costs for small states.'],
      ['statistic', 'Slide title: Fiji: Share 45%; Samoa: Share 30%.'],
    ]);
    expect(sources).toEqual(['Regional survey 2024']);
  });

  it('reads a definition: the term and what it is', () => {
    expect(definitionOf('Open Government Data (OGD) is data that public bodies publish.')).toEqual({ term: 'Open Government Data', definition: 'data that public bodies publish.' });
    expect(definitionOf('A digital ID is a set of credentials.')).toEqual({ term: 'digital ID', definition: 'a set of credentials.' });
    expect(definitionOf('There are three pillars.')).toBeUndefined();
    expect(definitionOf('Data is collected every year.')).toBeUndefined();
  });
});

describe('the title slide', () => {
  const page = (lines: string[]): Page => ({ where: 'slide 1', title: 'A Workshop Deck', level: 1, blocks: lines.map((text) => ({ kind: 'paragraph', text })), notes: [], images: 0 });
  const deck: SourceDeck = { file: 'deck.pptx', format: 'pptx', pages: [], info: {}, skipped: [] };

  it('sorts its lines into presenter, organisation, date, event, session, contact and place', () => {
    const m = draftMeta(page(['Dr. Amina Diallo, Senior Adviser, Ministry of ICT', 'Wednesday, 22 June 2023', 'Session 3: Data governance', 'Regional Training Workshop on Digital Government', 'Contact: amina@example.org', 'Dakar, Senegal', 'xyz']), deck);
    expect(m.meta).toEqual({
      title: 'A Workshop Deck',
      presenter: 'Dr. Amina Diallo',
      organisation: 'Ministry of ICT',
      date: 'Wednesday, 22 June 2023',
      session: 'Session 3: Data governance',
      workshop: 'Regional Training Workshop on Digital Government',
      contact: 'amina@example.org',
      location: 'Dakar, Senegal',
    });
    expect(m.unplaced).toEqual(['xyz']);
  });

  it('says "workshop" until the trainer names the event', () => {
    expect(draftMeta(page([]), deck).meta.workshop).toBe('workshop');
  });
});

describe('quiz drafts', () => {
  it('blanks a figure and takes wrong choices from the deck’s other figures of the same kind', () => {
    const sections = [
      { id: 'a', slide: 'Slide 2', units: [{ id: 'a-1', kind: 'statistic', text: 'In 2024, 64% of island states had a national services portal for residents.' }] },
      { id: 'b', units: [{ id: 'b-1', kind: 'statistic', text: 'Budget: hosting 35%; identity 25%; training 12%.' }] },
    ];
    const [q] = draftQuiz(sections, []);
    expect(q).toMatchObject({
      id: 'draft-figure-a-1',
      question: 'Fill in the blank: “In 2024, ___ of island states had a national services portal for residents.”',
      choices: ['12%', '25%', '35%', '64%'],
      answer: 3,
      source: { section: 'a', slide: 'Slide 2' },
      draft: true,
    });
  });
});

describe('readers', () => {
  const dir = tempDir('readers-');

  it('PPTX: titles from placeholders or the largest text, bullets, tables, notes, pictures and hidden slides', async () => {
    await writePptx(join(dir, 'd.pptx'));
    const deck = await readDeck(join(dir, 'd.pptx'));
    expect(deck.pages.map((p) => p.title)).toEqual(SLIDES.map((s) => s.title));
    const region = deck.pages[3]!;
    expect(region.blocks).toContainEqual({ kind: 'table', rows: SLIDES[3]!.table });
    expect(region.notes).toEqual([{ kind: 'paragraph', text: SLIDES[3]!.notes }]);
    expect(deck.pages[1]!.blocks).toEqual([{ kind: 'bullets', items: SLIDES[1]!.bullets!.map((text) => ({ text, level: 0 })) }]);
    expect(deck.pages.map((p) => p.images)).toEqual([0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
    expect(deck.pages.map((p) => p.hidden)).toEqual(SLIDES.map((s) => !!s.hidden));
  });

  it('PDF: headings by font size, bullets by their marks, table cells by their gaps, footers dropped', async () => {
    await writePdf(join(dir, 'd.pdf'));
    const deck = await readDeck(join(dir, 'd.pdf'));
    expect(deck.pages.map((p) => p.title)).toEqual(SLIDES.filter((s) => !s.hidden).map((s) => s.title));
    expect(deck.pages[1]!.blocks).toEqual([{ kind: 'bullets', items: SLIDES[1]!.bullets!.map((text) => ({ text, level: 0 })) }]);
    expect(deck.pages[3]!.blocks.at(-1)).toEqual({ kind: 'table', rows: SLIDES[3]!.table });
    expect(deck.info.title).toBe(SLIDES[0]!.title);
    expect(deck.skipped).toEqual(['"Pacific Digital Government Workshop 2025 1": on 11 pages (a header or footer)']);
  });

  it('Markdown: front matter, nested lists, tables, code blocks reported', () => {
    const deck = readMarkdown('m.md', '---\ntitle: "From front matter"\nauthor: Ana Núñez\n---\n## Part one\n\n- a\n  - b\n\n| h | v |\n|---|---|\n| x | 1 |\n\n```\ncode\n```\n');
    expect(deck.info).toEqual({ title: 'From front matter', author: 'Ana Núñez', date: undefined });
    expect(deck.pages).toEqual([
      { where: 'line 5', title: 'Part one', level: 2, titleLayout: false, images: 0, notes: [], blocks: [
        { kind: 'bullets', items: [{ text: 'a', level: 0 }, { text: 'b', level: 1 }] },
        { kind: 'table', rows: [['h', 'v'], ['x', '1']] },
      ] },
    ]);
    expect(deck.skipped).toEqual(['m.md line 14: a code block']);
  });
});
