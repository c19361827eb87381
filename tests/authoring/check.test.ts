// `content check` as an author's helper: schema errors exit 1; warnings (cut answers, repeats, unused terms,
// doubtful quiz figures, unfinished indicators, quiz drafts) are advice; --json gives them to tools.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPack } from '../../src/authoring/check.js';
import { defaultContentDir } from '../../src/content/load.js';
import { runCli } from '../cli.js';
import { tempDir } from '../core/helpers.js';

type Json = Record<string, unknown>;
const real = defaultContentDir({});

/** A copy of the shipped content with some files edited. */
function pack(edits: Record<string, (json: Json & Json[]) => unknown>): string {
  const dir = tempDir('check-');
  cpSync(real, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    writeFileSync(path, JSON.stringify(edit(JSON.parse(readFileSync(path, 'utf8'))), null, 2));
  }
  return dir;
}

const sentence = 'Governments that share data across agencies through common platforms reduce duplicated collection and make services easier to reach for residents. ';

describe('content check warnings', () => {
  it('finds nothing to warn about in the shipped deck', () => {
    const r = checkPack(real);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('warns about a unit that the citation would push past 600 characters, naming file, item and field', () => {
    const dir = pack({
      'sections.json': (list) => {
        ((list[0] as Json).units as Json[])[0]!.text = sentence.repeat(5).slice(0, 589).trim();
        return list;
      },
    });
    const w = checkPack(dir).warnings.find((x) => x.field === 'units.0.text');
    expect(w).toMatchObject({ file: 'sections.json', item: 'wog-definition', index: 1 });
    expect(w!.message).toMatch(/^589 characters; with the citation the bot adds \("\(Source: What is a Whole-of-Government approach\)", \d+\) the answer would be \d+, over the 600/);
  });

  it('warns about the same and nearly the same unit text', () => {
    const dir = pack({
      'sections.json': (list) => {
        const first = (list[0] as Json).units as Json[];
        const second = (list[1] as Json).units as Json[];
        second.push({ id: 'copy', kind: 'fact', text: first[0]!.text });
        second.push({ id: 'near-copy', kind: 'fact', text: String(first[1]!.text).replace('working together', 'working jointly') });
        return list;
      },
    });
    const messages = checkPack(dir).warnings.filter((w) => w.file === 'sections.json').map((w) => w.message);
    expect(messages).toContain('the same text as unit "wog-meaning" in section "wog-definition": keep one');
    expect(messages.some((m) => /^nearly the same text as unit "wog-working-together" in section "wog-definition" \(\d+% of words shared\)/.test(m))).toBe(true);
  });

  it('warns about a glossary term the deck never uses, but not about one it uses under a synonym', () => {
    const dir = pack({ 'glossary.json': (list) => [...list, { term: 'XYZZY', expansion: 'A made-up term.', synonyms: ['plugh'] }] });
    const w = checkPack(dir).warnings.filter((x) => x.file === 'glossary.json');
    expect(w).toEqual([{ file: 'glossary.json', item: 'XYZZY', index: 46, field: 'term', message: expect.stringContaining('used nowhere in the deck') }]);
  });

  it('warns about a quiz answer that contradicts an indicator, and an explanation figure no unit states', () => {
    const dir = pack({
      'quiz.json': (list) => [
        ...list,
        {
          id: 'cyber-count',
          question: 'How many countries have cybersecurity legislation?',
          choices: ['120', '135', '150'],
          answer: 2,
          explanation: 'About 150 countries, or 78% of them, have such a law.',
          source: { section: 'wog-definition' },
        },
      ],
    });
    const w = checkPack(dir).warnings.filter((x) => x.item === 'cyber-count');
    expect(w).toContainEqual({ file: 'quiz.json', item: 'cyber-count', index: 17, field: 'choices.2', message: 'the right choice says 150, but indicator "cybersecurity-law" gives a count of 153' });
    expect(w.filter((x) => x.field === 'explanation').map((x) => x.message)).toEqual([
      'says 150, which no unit or indicator of the pack states: check it against the deck',
      'says 78%, which no unit or indicator of the pack states: check it against the deck',
    ]);
  });

  it('warns about an indicator whose question or next step is a placeholder, and about quiz drafts', () => {
    const dir = pack({
      'indicators.json': (file) => {
        const list = (file as Json).indicators as Json[];
        list[0]!.question = 'TODO';
        list[1]!.nextStep = 'TBD';
        list[2]!.question = 'Your country has a portal';
        return file;
      },
      'quiz.json': (list) => {
        (list[0] as Json).draft = true;
        return list;
      },
    });
    const w = checkPack(dir).warnings;
    expect(w.filter((x) => x.file === 'indicators.json').map((x) => [x.index, x.field])).toEqual([[1, 'question'], [2, 'nextStep'], [3, 'question']]);
    expect(w).toContainEqual(expect.objectContaining({ file: 'quiz.json', item: 'wog-definition', field: 'draft' }));
  });
});

describe('content check: example questions the bot does not answer', () => {
  it('warns about an example question the pack has no answer to, naming where it is, and not about one it answers', () => {
    const dir = pack({
      'meta.json': (m) => ({ ...m, examples: ['What are the 3As of digital exclusion?', 'Which country hosted the first ferry summit?'] }),
    });
    const warned = checkPack(dir).warnings.filter((w) => /does not answer/.test(w.message));
    expect(warned).toEqual([
      expect.objectContaining({ file: 'meta.json', item: 'examples', field: 'examples.1', message: expect.stringContaining('"Which country hosted the first ferry summit?"') }),
    ]);
  });
});

describe('workshop-bot content check', () => {
  it('prints warnings after the summary and still exits 0', () => {
    const dir = pack({ 'glossary.json': (list) => [...list, { term: 'XYZZY', expansion: 'A made-up term.' }] });
    const r = runCli(['content', 'check', '--dir', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/: OK: 14 sections/);
    expect(r.stdout).toContain('warning: glossary.json: item "XYZZY" (#46): field "term": used nowhere in the deck');
    expect(r.stdout).toContain('1 warning: the bot runs with them');
  });

  it('--json gives errors and warnings as objects with file, item, field and message; errors exit 1', () => {
    const ok = runCli(['content', 'check', '--json', '--dir', pack({ 'quiz.json': (l) => l.map((q: Json, i: number) => (i === 0 ? { ...q, draft: true } : q)) })]);
    expect(ok.status).toBe(0);
    const good = JSON.parse(ok.stdout);
    expect(good).toMatchObject({ ok: true, errors: [], warnings: [{ file: 'quiz.json', item: 'wog-definition', index: 1, field: 'draft' }] });
    expect(good.summary).toContain('OK: 14 sections');

    const bad = runCli(['content', 'check', '--json', '--dir', pack({ 'quiz.json': (l) => l.map((q: Json, i: number) => (i === 0 ? { ...q, answer: 9 } : q)) })]);
    expect(bad.status).toBe(1);
    const report = JSON.parse(bad.stdout);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([{ file: 'quiz.json', item: 'wog-definition', index: 1, field: 'answer', message: '9 is not an index of the 4 choices (0-3)' }]);
  });
});
