// Shared set-up for the QA tests: the real workshop content, its index and an answerer.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSearchIndex } from '../../src/qa/search-index.js';
import { defaultContentDir, loadContent } from '../../src/content/load.js';
import { createAnswerer } from '../../src/qa/answer.js';

export function workshop(dir = defaultContentDir({})) {
  const content = loadContent(dir);
  const cacheDir = mkdtempSync(join(tmpdir(), 'qa-cache-'));
  return { content, answerer: createAnswerer(content, loadSearchIndex(content, cacheDir)) };
}

/** A small pack of sections only (no indicators, glossary or quiz), written to a new temporary folder. */
export function writeSmallPack(name: string, meta: object, sections: object[]): string {
  const dir = mkdtempSync(join(tmpdir(), `${name}-pack-`));
  const w = (f: string, v: unknown) => writeFileSync(join(dir, f), JSON.stringify(v));
  w('meta.json', meta);
  w('sections.json', sections);
  for (const f of ['indicators.json', 'glossary.json', 'quiz.json']) w(f, []);
  return dir;
}

export interface EvalItem {
  id: string;
  q: string;
  any?: string[];
  all?: string[];
  decline?: boolean;
}

export function parseJsonl(text: string): EvalItem[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalItem);
}
