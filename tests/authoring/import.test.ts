// `workshop-bot content import` end to end: generated slides in, a pack out that passes `content check`
// and answers at once, citing the slide; bad input gets one clear line and exit 1.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { tempDir } from '../core/helpers.js';
import { writeMarkdown, writePdf, writePptx } from './decks.js';

const dir = tempDir('import-');
const deck = (name: string) => join(dir, name);
const env = { DATA_DIR: join(dir, 'data'), DATABASE_URL: `sqlite:${join(dir, 'data', 'bot.db')}` };

beforeAll(async () => {
  await writePptx(deck('workshop.pptx'));
  await writePdf(deck('workshop.pdf'));
  await writePdf(deck('locked.pdf'), { password: 'secret' });
  await writeMarkdown(deck('workshop.md'));
});

function importTo(out: string, ...files: string[]) {
  return runCli(['content', 'import', ...files, '--out', out], { env });
}

function ask(pack: string, question: string): { answered: boolean; text: string; sources: { id: string; title: string }[] } {
  const r = runCli(['ask', '--json', question], { env: { ...env, CONTENT_DIR: pack } });
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

const json = (pack: string, file: string) => JSON.parse(readFileSync(join(pack, file), 'utf8'));

describe('content import of a generated PPTX deck (12 slides: tables, notes, pictures, a hidden slide, odd characters)', () => {
  const out = join(dir, 'from-pptx');
  let report = '';

  beforeAll(() => {
    const r = importTo(out, deck('workshop.pptx'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    report = r.stdout;
  });

  it('prints a short report: sections, units, figures, glossary, quiz drafts and what it could not place', () => {
    expect(report).toContain(`Imported workshop.pptx (12 slides) into ${out}`);
    expect(report).toMatch(/title slide\s+title, presenter, organisation, date, workshop, location/);
    expect(report).toMatch(/sections\s+9\n/);
    expect(report).toMatch(/units\s+\d+ \(7 statistics, 3 definitions\)/);
    expect(report).toMatch(/figures\s+\d+\n/);
    expect(report).toMatch(/glossary entries\s+3\n/);
    expect(report).toMatch(/quiz drafts\s+\d+ \(ids start with "draft-"/);
    expect(report).toContain('Could not place:\n  slide 6 "The service map": only 1 picture or chart (not read)');
    expect(report).toContain('slide 11 "Draft ideas (not for presentation)": hidden slide, left out');
    expect(report).toContain('slide 12 "Thank you — questions?": no text besides the title');
    expect(report).toContain(`Next: edit the files in ${out}, then try it: CONTENT_DIR=${out} workshop-bot chat`);
  });

  it('passes content check', () => {
    const r = runCli(['content', 'check', '--dir', out], { env });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/: OK: 9 sections \(\d+ units\), 0 indicators, 3 glossary entries, \d+ quiz items/);
  });

  it('answers a question whose answer is on one slide, citing that slide', () => {
    const a = ask(out, 'What is the once-only principle?');
    expect(a.answered).toBe(true);
    expect(a.text).toContain('people give the same information to government only once');
    expect(a.text).toMatch(/\(Source: Once-only principle - slide 7\)$/);
    expect(a.sources).toEqual([{ id: 'once-only-principle', title: 'Once-only principle - slide 7' }]);
    const money = ask(out, 'How much did development partners pledge?');
    expect(money.text).toContain('USD 4.5 million');
    expect(money.text).toContain('slide 8');
  });

  it('keeps the title slide as meta, odd characters as written, tables, notes and the deck’s own sources', () => {
    expect(json(out, 'meta.json')).toMatchObject({
      title: 'Digital Public Services for Small Island States',
      workshop: 'Pacific Digital Government Workshop',
      presenter: 'Ana María Núñez',
      organisation: 'Ministry of Digital Affairs',
      date: '12 March 2025',
      location: 'Suva, Fiji',
    });
    const sections = json(out, 'sections.json') as { id: string; slide?: string; units: { kind: string; text: string }[] }[];
    const text = (id: string) => sections.find((s) => s.id === id)!.units.map((u) => u.text).join('\n');
    expect(text('once-only-principle')).toContain('the word حكومة (government) — one government');
    expect(text('digital-identity')).toContain('Tonga’s “e-ID” pilot enrolled 18,500 residents in its first year 🚀');
    expect(text('adoption-across-the-region')).toContain('São Tomé and Príncipe: Portal e-Serviços, Launched 2023');
    expect(text('adoption-across-the-region')).toContain('The survey was run by the workshop organisers in late 2024.');
    expect(sections.find((s) => s.id === 'adoption-across-the-region')).toMatchObject({ slide: 'Slide 4' });
    for (const s of sections) for (const u of s.units) expect(u.text.length).toBeLessThanOrEqual(450);
    // The long paragraph of slide 9 is split at sentence ends into units that each read alone.
    const lessons = sections.find((s) => s.id === 'lessons-from-early-adopters')!.units;
    expect(lessons.length).toBe(2);
    for (const u of lessons) expect(u.text).toMatch(/^[A-Z].*\.$/);
  });

  it('marks figures as statistics, puts defined acronyms in the glossary and drafts quiz items for review', () => {
    const sections = json(out, 'sections.json') as { units: { kind: string; text: string }[] }[];
    const kinds = new Map(sections.flatMap((s) => s.units.map((u) => [u.text, u.kind] as const)));
    expect(kinds.get('64% of the 22 island states surveyed had a national services portal in 2024, up from 41% in 2019.')).toBe('statistic');
    expect(json(out, 'glossary.json')).toEqual([
      { term: 'DPI', expansion: 'Digital Public Infrastructure', synonyms: ['digital public infrastructure'] },
      { term: 'OGD', expansion: 'Open Government Data', synonyms: ['open government data'] },
      { term: 'CERT', expansion: 'Computer Emergency Response Team', synonyms: ['computer emergency response team'] },
    ]);
    const quiz = json(out, 'quiz.json') as { id: string; question: string; choices: string[]; answer: number; draft?: boolean }[];
    for (const q of quiz) {
      expect(q.id).toMatch(/^draft-/);
      expect(q.draft).toBe(true);
      expect(new Set(q.choices).size).toBe(q.choices.length);
    }
    const share = quiz.find((q) => q.question.includes('___ of the 22 island states'))!;
    expect(share.choices[share.answer]).toBe('64%');
    // Wrong choices are the deck's other percentages where it has them (the budget table's 35% and 25%).
    expect(share.choices).toEqual(expect.arrayContaining(['35%', '25%']));
    const acronym = quiz.find((q) => q.question === 'What does CERT stand for?')!;
    expect(acronym.choices[acronym.answer]).toBe('Computer Emergency Response Team');
    expect(acronym.choices).toContain('Open Government Data');
  });

  it('has no indicators, and the bot says so kindly at /readiness while /quiz runs on the drafts', () => {
    expect(json(out, 'indicators.json')).toEqual({ set: { name: 'indicators' }, indicators: [] });
    const r = runCli(['chat', '--user', 'trainer'], { input: '/readiness\n/quiz 2\n1\n1\n', env: { ...env, CONTENT_DIR: out } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('This workshop has no readiness self-assessment');
    expect(r.stdout).toMatch(/You scored [0-2]\/2/);
  });

  it('offers example questions that the draft answers', () => {
    const examples = json(out, 'meta.json').examples as string[];
    expect(examples.length).toBeGreaterThanOrEqual(3);
    expect(examples).toContain('What is Open Government Data?');
    for (const q of examples.slice(0, 3)) expect(ask(out, q).answered).toBe(true);
  });
});

describe('content import of a generated PDF deck (11 pages)', () => {
  const out = join(dir, 'from-pdf');

  it('finds headings by font size, drops the footer, passes content check and answers citing the page', () => {
    const r = importTo(out, deck('workshop.pdf'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Imported workshop.pdf (11 pages)');
    expect(r.stdout).toContain('"Pacific Digital Government Workshop 2025 1": on 11 pages (a header or footer)');
    expect(runCli(['content', 'check', '--dir', out], { env }).status).toBe(0);
    const sections = json(out, 'sections.json') as { id: string; title: string; slide?: string }[];
    expect(sections.map((s) => s.title)).toEqual([
      'Why digital public services?',
      'Open Government Data (OGD)',
      'Adoption across the region',
      'Digital identity',
      'Once-only principle',
      'Funding the first services',
      'Lessons from early adopters',
      'Cybersecurity basics',
    ]);
    expect(json(out, 'meta.json')).toMatchObject({ title: 'Digital Public Services for Small Island States', presenter: 'Ana María Núñez', date: '12 March 2025' });
    const a = ask(out, 'What is the once-only principle?');
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/agencies then share it among themselves with the person’s consent\. \(Source: Once-only principle - page 7\)$/);
    const table = ask(out, 'What is the budget share for shared cloud hosting?');
    expect(table.text).toContain('Shared cloud hosting: Share of budget 35%');
  });
});

describe('content import of Markdown, and of several files at once', () => {
  it('reads headings, lists and tables from Markdown', () => {
    const out = join(dir, 'from-md');
    const r = importTo(out, deck('workshop.md'));
    expect(r.status).toBe(0);
    expect(runCli(['content', 'check', '--dir', out], { env }).status).toBe(0);
    expect(ask(out, 'What is phishing?').text).toContain('an attempt to trick people into revealing passwords');
  });

  it('names each file in the citations when given several', () => {
    const out = join(dir, 'from-two');
    const r = importTo(out, deck('workshop.pptx'), deck('workshop.md'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Imported workshop.pptx (12 slides), workshop.md (11 headings)');
    // The Markdown repeats the slides: its texts are left out as repeats, not imported twice.
    expect(r.stdout).toMatch(/repeated texts\s+\d+ left out/);
    const sections = json(out, 'sections.json') as { source?: string }[];
    expect(sections[1]!.source).toBe('workshop.pptx, slide 2');
    expect(runCli(['content', 'check', '--dir', out], { env }).status).toBe(0);
  });
});

describe('content import refuses what it cannot use, with one line and exit 1', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['a missing file', () => [deck('nowhere.pptx')], /nowhere\.pptx: no such file$/],
    ['an unknown extension', () => [writeFile('notes.docx', 'x')], /notes\.docx: cannot import this kind of file; give \.pptx, \.pdf or \.md files$/],
    ['an old .ppt', () => [writeFile('old.ppt', 'x')], /old\.ppt: cannot import this kind of file \(save it as \.pptx first\)/],
    ['a corrupt PPTX', () => [writeFile('broken.pptx', readFileSync(deck('workshop.pptx')).subarray(0, 4000))], /broken\.pptx is not a readable \.pptx file \(damaged, or not a PowerPoint file\)$/],
    ['a password-protected PPTX', () => [writeFile('locked.pptx', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]))], /locked\.pptx is password-protected or an old \.ppt file/],
    ['a corrupt PDF', () => [writeFile('broken.pdf', '%PDF-1.7\nnot really a pdf')], /broken\.pdf is not a readable PDF \(damaged, or not a PDF\)$/],
    ['a password-protected PDF', () => [deck('locked.pdf')], /locked\.pdf is password-protected: save or export it without a password/],
  ];
  function writeFile(name: string, data: string | Buffer): string {
    writeFileSync(deck(name), data);
    return deck(name);
  }

  it.each(cases)('%s', (_name, files, message) => {
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const r = importTo(out, ...files());
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('does not overwrite a folder that holds files, unless --force', () => {
    const out = join(dir, 'edited');
    expect(importTo(out, deck('workshop.md')).status).toBe(0);
    writeFileSync(join(out, 'meta.json'), '{"title": "edited by the trainer", "workshop": "w"}');
    const again = importTo(out, deck('workshop.md'));
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe(`${out} is not empty: give a new or empty folder, or add --force to overwrite the pack's files in it`);
    expect(json(out, 'meta.json').title).toBe('edited by the trainer');
    const forced = runCli(['content', 'import', deck('workshop.md'), '--out', out, '--force'], { env });
    expect(forced.status).toBe(0);
    expect(json(out, 'meta.json').title).toBe('Digital Public Services for Small Island States');
  });
});
