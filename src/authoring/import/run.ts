// `content import`: reads the files, drafts the pack, writes it, and checks that it loads and answers.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadContent } from '../../content/load.js';
import type { Content } from '../../content/schema.js';
import { createAnswerer } from '../../qa/answer.js';
import { buildSearchIndex } from '../../qa/search-index.js';
import type { Answerer } from '../../qa/types.js';
import { contentWarnings } from '../warnings.js';
import { ImportError } from './errors.js';
import { buildPack, type DraftPack, type ImportSummary } from './pack.js';
import { readDeck } from './read.js';

export interface ImportOptions {
  files: string[];
  out: string;
  /** Write into a folder that already holds files. */
  force?: boolean;
  /** Where the answerer keeps its caches (the bot's DATA_DIR/cache). */
  cacheDir: string;
}

export interface ImportResult {
  out: string;
  summary: ImportSummary;
  /** Example questions kept (the draft answers them) and dropped (it does not). */
  examples: { kept: string[]; dropped: string[] };
  warnings: number;
}

/** Refuses a folder that holds anything, unless forced: a trainer's edits must not vanish by accident. */
function checkOut(out: string, force: boolean): void {
  let names: string[];
  try {
    if (!statSync(out).isDirectory()) throw new ImportError('OUT_NOT_EMPTY', `${out} is a file; give a folder for the pack with --out`);
    names = readdirSync(out);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    return;
  }
  if (names.length && !force) {
    throw new ImportError('OUT_NOT_EMPTY', `${out} is not empty: give a new or empty folder, or add --force to overwrite the pack's files in it`);
  }
}

function write(out: string, pack: DraftPack): void {
  mkdirSync(out, { recursive: true });
  const files: [string, unknown][] = [['meta.json', pack.meta], ['sections.json', pack.sections], ['indicators.json', pack.indicators], ['glossary.json', pack.glossary], ['quiz.json', pack.quiz]];
  for (const [name, value] of files) writeFileSync(join(out, name), `${JSON.stringify(value, null, 2)}\n`);
}

/** Keeps the example questions the draft really answers: /help should not offer one it declines. */
function answeredExamples(content: Content, answerer: Answerer): { kept: string[]; dropped: string[] } {
  const asked = content.meta.examples ?? [];
  const kept = asked.filter((q) => answerer.answer(q).answered);
  return { kept, dropped: asked.filter((q) => !kept.includes(q)) };
}

export async function runImport(opts: ImportOptions): Promise<ImportResult> {
  const out = resolve(opts.out);
  checkOut(out, opts.force ?? false);
  const decks = [];
  for (const f of opts.files) decks.push(await readDeck(f));
  const { pack, summary } = buildPack(decks);
  if (!summary.units) {
    throw new ImportError('NO_TEXT', `found no text to import in ${opts.files.join(', ')} (scanned pages or slides of pictures? the import reads text only)`);
  }
  write(out, pack);
  let content = loadContent(out);
  // (One answerer for the examples and for content check's advice: building one reads WordNet.)
  const answerer = createAnswerer(content, buildSearchIndex(content, opts.cacheDir));
  const examples = answeredExamples(content, answerer);
  if (examples.dropped.length) {
    const meta = { ...pack.meta, examples: examples.kept.length ? examples.kept : undefined };
    write(out, { ...pack, meta });
    content = loadContent(out);
  }
  return { out, summary, examples, warnings: contentWarnings(content, { answerer }).length };
}
