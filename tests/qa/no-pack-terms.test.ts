// Keeps workshop knowledge out of the code: what a pack needs comes from the pack. No acronym, name or
// several-word term of any pack's glossary, title slide or section titles may appear in src/ or lexicon/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, packageRoot } from '../../src/content/load.js';
import { listPacks } from '../../eval/score.js';

const root = packageRoot();
/** File formats the bot itself produces, and the web's word for an address its settings take (a database URL); a pack may list them too, but they are not its terms. */
const FORMATS = new Set(['CSV', 'PNG', 'URL']);
/**
 * The content model's own names (an indicator's next step; "Where to start", the title eval/README.md gives a
 * pack's first steps): a pack may title a section with them too.
 */
const MODEL_PHRASES = new Set(['next steps', 'next step', 'where to start']);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, ext) : ext.test(name) ? [path] : [];
  });
}

/** Terms a pack owns: acronyms and names (matched with their case), and phrases of two or more words. */
function packTerms(dir: string): { acronyms: Set<string>; phrases: Set<string> } {
  const c = loadContent(dir);
  const acronyms = new Set<string>();
  const phrases = new Set<string>();
  const add = (t: string | undefined) => {
    const s = t?.trim();
    if (!s) return;
    if (/^[A-Za-z0-9]{2,8}$/.test(s) && /[A-Z].*[A-Z]|\d/.test(s)) acronyms.add(s);
    // (An article and one word, "the app", is no term: the word is everyday English.)
    else if (s.replace(/^(the|a|an)\s+/i, '').split(/\s+/).length >= 2) phrases.add(s.toLowerCase());
  };
  for (const g of c.glossary) [g.term, ...g.synonyms].forEach(add);
  for (const s of c.sections) add(s.title);
  [c.meta.title, c.meta.workshop, c.meta.presenter, c.meta.location, c.meta.organisation].forEach(add);
  return { acronyms, phrases };
}

describe('no workshop knowledge in the code', () => {
  const packs = [join(root, 'content'), ...listPacks().filter((p) => p.slug !== 'deck').map((p) => p.contentDir)];
  const sources = [...filesUnder(join(root, 'src'), /\.ts$/), ...filesUnder(join(root, 'lexicon'), /\.txt$/)].map((f) => ({
    file: f.slice(root.length + 1),
    text: readFileSync(f, 'utf8'),
  }));

  it.each(packs.map((p) => [p.slice(root.length + 1)]))('src/ and lexicon/ name nothing of %s', (dir) => {
    const { acronyms, phrases } = packTerms(join(root, dir));
    const found: string[] = [];
    for (const { file, text } of sources) {
      const lower = text.toLowerCase();
      for (const a of acronyms) if (!FORMATS.has(a) && new RegExp(`\\b${a}\\b`).test(text)) found.push(`${file}: ${a}`);
      // Whole words only: "minister-level author" does not name a "level A".
      for (const p of phrases) if (!MODEL_PHRASES.has(p) && lower.includes(p) && new RegExp(`(^|[^a-z0-9])${escapeRegExp(p)}($|[^a-z0-9])`).test(lower)) found.push(`${file}: "${p}"`);
    }
    expect(found).toEqual([]);
  });
});
