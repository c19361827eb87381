// The workshop's vocabulary, built once: known words, spelling correction, glossary phrases, document terms.
import { SESSION_WORDS, type SearchDoc } from '../content/docs.js';
import type { Content } from '../content/schema.js';
import { isStopWord, stem, words } from '../content/text.js';

/** Words that say what kind of answer is wanted, not what it is about. */
export const FILLER = new Set([
  'whats', 'tell', 'explain', 'describe', 'define', 'definition', 'meaning', 'mean', 'means', 'meant', 'stand', 'stands',
  'please', 'know', 'give', 'show', 'shows', 'shown', 'many', 'much', 'anything', 'something', 'thing', 'things',
  'kindly', 'hey', 'hi', 'hello', 'thanks', 'thank', 'bot', 'want', 'wanna', 'im', 'ive', 'dont', 'doesnt',
  'exactly', 'really', 'actually', 'currently', 'according', 'mentioned', 'mention', 'example', 'examples', 'briefly',
  'number', 'numbers', 'percent', 'percentage', 'proportion', 'count', 'statistic', 'statistics', 'stats', 'fraction',
  'acronym', 'abbreviation', 'short', 'full', 'form', 'refer', 'refers', 'term', 'word', 'called', 'list', 'enumerate',
  // "in a nutshell", "in layman's terms": ways of asking, not topics.
  'nutshell', 'layman', 'laymans', 'simple', 'simply', 'plain', 'summary', 'summarize', 'overview', 'brief',
  'words', 'detail', 'details', 'general', 'practice', 'theory',
]);

/** Chat shorthand for ordinary English words (not workshop terms: those live in the glossary). */
export const SHORTHAND: Record<string, string> = {
  info: 'information', dept: 'department', depts: 'departments', ppl: 'people', abt: 'about', pls: 'please',
  plz: 'please', u: 'you', r: 'are', ur: 'your', tech: 'technology', techs: 'technologies', natl: 'national',
  intl: 'international', yr: 'year', yrs: 'years', approx: 'approximately', reqs: 'requirements',
  req: 'requirement', mgmt: 'management', admin: 'administration', infra: 'infrastructure', pct: 'percent', org: 'organization', orgs: 'organizations',
  shld: 'should', shd: 'should', shud: 'should', cud: 'could', wud: 'would', hw: 'how', wht: 'what',
  wot: 'what', wots: 'whats', wat: 'what', wats: 'whats', wut: 'what', wuts: 'whats',
};

/**
 * Everyday English words that carry little of a question's topic ("what happens when...", "under a
 * WoG approach"). They still match when the content uses them, but weigh little either way.
 */
export const GENERIC = new Set([
  'under', 'over', 'between', 'within', 'without', 'through', 'during', 'above', 'below', 'upon', 'toward', 'towards',
  'around', 'via', 'per', 'each', 'both', 'such', 'same', 'kind', 'kinds', 'sort', 'type', 'happen', 'happens',
  'happened', 'take', 'takes', 'taking', 'took', 'make', 'makes', 'making', 'get', 'gets', 'getting', 'go', 'goes',
  'going', 'doing', 'done', 'put', 'see', 'look', 'looking', 'come', 'comes', 'think', 'way', 'ways', 'use', 'used',
  'using', 'uses', 'important', 'main', 'key', 'good', 'exist', 'exists', 'existing', 'currently',
  'still', 'yet', 'even', 'already', 'well', 'able', 'basically', 'generally', 'usually', 'typically', 'real',
  'reason', 'mainly', 'become', 'becomes', 'help', 'helps', 'needed', 'need', 'needs', 'required', 'require', 'requires',
  'certain', 'particular', 'specific', 'various', 'different', 'new', 'one', 'ones', 'two', 'three', 'also',
  'deal', 'deals', 'handle', 'handles', 'set', 'sets', 'up', 'down', 'out', 'off', 'matter', 'matters', 'differ', 'differs', 'relate', 'relates',
  'compare', 'apply', 'applies', 'affect', 'affects', 'work', 'works', 'cover', 'covers', 'involve', 'involves', 'include', 'includes', 'including',
]);

/** Words of asking for advice, not of what it is about ("the *first step* for X", "*recommend*"). */
export const ADVICE_WORDS = new Set([
  'first', 'next', 'step', 'steps', 'start', 'begin', 'improve', 'recommend', 'recommendation', 'recommendations',
  'advice', 'advise', 'better', 'priority', 'priorities', 'best', 'suggest', 'suggestion', 'tips', 'tip', 'started',
]);

/** Words about the session itself: they narrow nothing down, so they weigh little. */
export const CONTEXT = new Set(SESSION_WORDS);

/** Content words of a text, as stems: no stop words, no filler. */
export function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => !isStopWord(w) && !FILLER.has(w))
    .map(stem);
}

export interface DocTerms {
  doc: SearchDoc;
  terms: Set<string>;
  /** Stems of what the doc is about: its heading ("Data divide: ...") or first words. */
  lead: Set<string>;
  /** Kinds of question its text can answer by its form: "who" (names a person or role), "when", "figure". */
  answers: Set<string>;
  /** Stems of the sentences with its figures: what they count ("153 *countries*", "almost all *Member States*"). */
  counts: Set<string>;
}

/** A figure, or a quantity in words. */
const QUANTITY = /\b\d|\b(almost all|almost half|most|half|a handful|few)\b/i;

/** Stems of the sentences that hold a figure: "74% of countries share links ... on their portals". */
function countedStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const sentence of text.split(/[.;!?](?:\s|$)/)) {
    if (sentence.match(QUANTITY)) for (const s of contentStems(sentence)) out.add(s);
  }
  return out;
}

/** A person or a role: what a who-question wants. */
const ROLE = /\b(officers?|officials?|CIO|chief \w+ officer|ministers?|presidents?|heads? of|led by|leads|leaders?|presented by|given by|presenter|speaker)\b/i;
const DATE = /\b(19|20)\d\d\b|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

function answerKinds(doc: SearchDoc): Set<string> {
  const kinds = new Set<string>();
  if (ROLE.test(doc.text)) kinds.add('who');
  if (DATE.test(doc.text)) kinds.add('when');
  if (/^Figure \d/.test(doc.text)) kinds.add('figure');
  return kinds;
}

/** "Governance gap: new technologies..." -> "Governance gap"; otherwise the first few words. */
function leadText(doc: SearchDoc): string {
  if (doc.kind === 'glossary' || doc.kind === 'indicator' || doc.kind === 'nextstep') return doc.title;
  // Meta docs are about their field ("presenter") and its first few synonyms ("speaker").
  if (doc.kind === 'meta') return [doc.title, ...doc.keywords.slice(0, 4)].join(' ');
  const colon = doc.text.indexOf(':');
  if (colon > 0 && colon <= 60) return doc.text.slice(0, colon);
  return doc.text.split(/\s+/).slice(0, 5).join(' ');
}

export interface Lexicon {
  docs: DocTerms[];
  byRef: Map<string, DocTerms>;
  /** Every word (normalised, unstemmed) the content uses: the spelling dictionary. */
  vocab: Set<string>;
  /** How many docs hold each stem. */
  df: Map<string, number>;
  /** Stem -> indexes (into docs) of the docs that hold it. */
  postings: Map<string, number[]>;
  /** Symmetric-delete spelling index: a word with up to two letters deleted -> dictionary words. */
  deletes: Map<string, string[]>;
  /** Glossary groups: each a list of alternative phrases (stem lists) meaning the same. */
  groups: string[][][];
  /** Per group: is its term an acronym ("WoG", "3Ds", "OGD")? Such a term is specific however often it is used. */
  acronym: boolean[];
  /** One-word synonyms -> the group's main word ("egov" -> "egovern"), so phrases compose ("egov strategy"). */
  canonical: Map<string, string>;
  /** First stem of a phrase -> [group, phrase] pairs, longest phrase first. */
  phraseStarts: Map<string, { group: number; stems: string[] }[]>;
  /** Stop words and filler words seen as a dictionary too, to fix "whta" -> "what". */
  functionWords: Set<string>;
}

function addDeletes(map: Map<string, string[]>, word: string, depth: number): void {
  const seen = new Set<string>();
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const del = w.slice(0, i) + w.slice(i + 1);
        if (seen.has(del)) continue;
        seen.add(del);
        next.push(del);
        const list = map.get(del);
        if (list) list.push(word);
        else map.set(del, [word]);
      }
    }
    frontier = next;
  }
}

export function buildLexicon(content: Content, docs: SearchDoc[]): Lexicon {
  const vocab = new Set<string>();
  const df = new Map<string, number>();
  const docTerms: DocTerms[] = docs.map((doc) => {
    const all = words([doc.title, doc.text, ...doc.keywords].join(' \n '));
    for (const w of all) vocab.add(w);
    const terms = new Set(all.filter((w) => !isStopWord(w) && !FILLER.has(w)).map(stem));
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
    return { doc, terms, lead: new Set(contentStems(leadText(doc))), answers: answerKinds(doc), counts: countedStems(doc.text) };
  });

  const postings = new Map<string, number[]>();
  docTerms.forEach((d, i) => {
    for (const t of d.terms) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });

  const deletes = new Map<string, string[]>();
  for (const w of vocab) {
    if (w.length >= 4 && !/\d/.test(w)) addDeletes(deletes, w, w.length >= 7 ? 2 : 1);
  }

  const groups: string[][][] = [];
  const acronym: boolean[] = [];
  const phraseStarts = new Map<string, { group: number; stems: string[] }[]>();
  for (const entry of content.glossary) {
    const phrases: string[][] = [];
    for (const p of [entry.term, ...entry.synonyms]) {
      const stems = contentStems(p);
      // A phrase that is only a number ("3 as" -> "3") would capture every question with that number.
      if (!stems.length || stems.every((s) => /^\d+$/.test(s))) continue;
      if (!phrases.some((q) => q.join(' ') === stems.join(' '))) phrases.push(stems);
    }
    if (!phrases.length) continue;
    const g = groups.length;
    groups.push(phrases);
    acronym.push(/^[A-Za-z0-9]{2,6}$/.test(entry.term) && /[A-Z].*[A-Z]|\d/.test(entry.term));
    for (const stems of phrases) {
      const list = phraseStarts.get(stems[0]) ?? [];
      list.push({ group: g, stems });
      list.sort((a, b) => b.stems.length - a.stems.length);
      phraseStarts.set(stems[0], list);
    }
  }

  const canonical = new Map<string, string>();
  for (const phrases of groups) {
    const singles = phrases.filter((p) => p.length === 1).map((p) => p[0]);
    for (const w of singles.slice(1)) if (!canonical.has(w)) canonical.set(w, singles[0]);
  }

  const functionWords = new Set<string>(FILLER);
  for (const w of ['what', 'when', 'where', 'which', 'who', 'whom', 'why', 'how', 'have', 'does', 'the', 'there', 'their', 'about', 'would', 'could', 'should', 'many', 'much']) functionWords.add(w);

  return { docs: docTerms, byRef: new Map(docTerms.map((d) => [d.doc.ref, d])), vocab, df, postings, deletes, groups, acronym, canonical, phraseStarts, functionWords };
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), stopping above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
      rows[i][j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/**
 * The dictionary word a misspelt word most likely meant, or undefined. Long words may be two edits
 * off, shorter ones one; the first letter must match (people rarely mistype it), which keeps
 * unrelated words such as "cats" from turning into "acts".
 */
export function correctWord(lex: Lexicon, word: string): string | undefined {
  // Over 20 letters is no word anyone misspelt; the delete probes would grow with the square of it.
  if (word.length < 5 || word.length > 20 || /\d/.test(word)) return undefined;
  const max = word.length >= 9 ? 2 : 1;
  const probes = new Set<string>([word]);
  let frontier = [word];
  for (let d = 0; d < max; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const del = w.slice(0, i) + w.slice(i + 1);
        if (!probes.has(del)) {
          probes.add(del);
          next.push(del);
        }
      }
    }
    frontier = next;
  }
  let best: string | undefined;
  let bestScore = Infinity;
  for (const p of probes) {
    const candidates = lex.deletes.get(p) ?? [];
    for (const c of lex.vocab.has(p) ? [p, ...candidates] : candidates) {
      if (c[0] !== word[0]) continue;
      const d = editDistance(word, c, max);
      if (d > max) continue;
      // Prefer fewer edits, then the more common word, then a stable order.
      const score = d * 1000 - Math.min(999, lex.df.get(stem(c)) ?? 0);
      if (score < bestScore || (score === bestScore && best !== undefined && c < best)) {
        best = c;
        bestScore = score;
      }
    }
  }
  return best;
}
