// Scores question answering on the evaluation packs: each question set asked in order as one conversation.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import lunr from 'lunr';
import { buildSearchDocs } from '../src/qa/docs.js';
import { loadSearchIndex, type SearchIndex } from '../src/qa/search-index.js';
import { loadContent, packageRoot } from '../src/content/load.js';
import type { Content } from '../src/content/schema.js';
import { normalizeText } from '../src/content/text.js';
import { createAnswerer } from '../src/qa/answer.js';
import { MAX_ANSWER_CHARS } from '../src/qa/format.js';
import type { Answer } from '../src/qa/types.js';

export interface EvalItem {
  id: string;
  q: string;
  any?: string[];
  all?: string[];
  decline?: boolean;
  followup?: boolean;
}

export interface Pack {
  slug: string;
  name: string;
  /** "tune": misses may be looked at and the bot improved on them; "holdout": only ever scored. */
  role: 'tune' | 'holdout';
  contentDir: string;
  /** Question files, by set name ("questions", "questions-a"...), each with its role. */
  sets: { name: string; file: string; role: 'tune' | 'holdout' }[];
}

export interface SetScore {
  pack: string;
  set: string;
  role: 'tune' | 'holdout';
  answerable: number;
  answeredRight: number;
  declines: number;
  declinedRight: number;
  /** Answers given that were wrong: to an answerable question without its facts, or to one to decline. */
  wrong: number;
  medianLength: number;
  /** Ids of the questions missed, with what was said (only printed for tuning sets). */
  misses: string[];
}

export const EVAL_DIR = join(packageRoot(), 'eval', 'packs');

export function parseJsonl(text: string): EvalItem[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalItem);
}

interface PackFile {
  name: string;
  role: 'tune' | 'holdout';
  content?: string;
  /** Per question file, when they differ from the pack's role. */
  sets?: Record<string, 'tune' | 'holdout'>;
}

/** Every pack under eval/packs (a folder with pack.json). */
export function listPacks(dir = EVAL_DIR): Pack[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .filter((slug) => existsSync(join(dir, slug, 'pack.json')))
    .map((slug) => {
      const root = join(dir, slug);
      const meta = JSON.parse(readFileSync(join(root, 'pack.json'), 'utf8')) as PackFile;
      const files = readdirSync(root).filter((f) => /^questions.*\.jsonl$/.test(f)).sort();
      return {
        slug,
        name: meta.name,
        role: meta.role,
        contentDir: resolve(root, meta.content ?? 'content'),
        sets: files.map((f) => {
          const name = basename(f, '.jsonl');
          return { name, file: join(root, f), role: meta.sets?.[name] ?? meta.role };
        }),
      };
    });
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

/** Right, as ../shared/eval scores it: answered, holding the expected facts, short enough for a chat. */
export function isRight(item: EvalItem, a: Pick<Answer, 'answered' | 'text'>): boolean {
  if (item.decline) return !a.answered;
  const text = norm(a.text);
  const all = (item.all ?? []).every((s) => text.includes(norm(s)));
  const any = !item.any || item.any.some((s) => text.includes(norm(s)));
  return a.answered && all && any && a.text.length <= MAX_ANSWER_CHARS;
}

export type Ask = (question: string) => Pick<Answer, 'answered' | 'text'>;

export function scoreSet(pack: string, set: string, role: 'tune' | 'holdout', items: EvalItem[], ask: Ask): SetScore {
  const s: SetScore = { pack, set, role, answerable: 0, answeredRight: 0, declines: 0, declinedRight: 0, wrong: 0, medianLength: 0, misses: [] };
  const lengths: number[] = [];
  for (const item of items) {
    const a = ask(item.q);
    if (a.answered) lengths.push(a.text.length);
    const right = isRight(item, a);
    if (item.decline) {
      s.declines++;
      if (right) s.declinedRight++;
    } else {
      s.answerable++;
      if (right) s.answeredRight++;
    }
    if (a.answered && !right) s.wrong++;
    if (!right) s.misses.push(`${item.id}${item.followup ? ' (follow-up)' : ''} ${item.decline ? 'should decline' : 'missed'}: ${item.q} -> ${a.answered ? a.text.slice(0, 160) : '(declined)'}`);
  }
  lengths.sort((x, y) => x - y);
  s.medianLength = lengths[Math.floor(lengths.length / 2)] ?? 0;
  return s;
}

/** A pack's index built in a folder of its own, removed once the index is in memory (runs leave nothing in /tmp). */
export function freshIndex(content: Content): SearchIndex {
  const dir = mkdtempSync(join(tmpdir(), 'eval-index-'));
  try {
    return loadSearchIndex(content, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bot as `ask --jsonl` runs it: one conversation, each answer's topic carried to the next question. */
export function botAsker(content: Content): () => Ask {
  const answerer = createAnswerer(content, freshIndex(content));
  return () => {
    let topic: Answer['topic'];
    return (q) => {
      const a = answerer.answer(q, topic);
      topic = a.topic ?? topic;
      return a;
    };
  };
}

/** One question of a set as the bot met it: its answer, and how it was read and ranked. */
export interface Turn {
  item: EvalItem;
  answer: Answer;
  read: ReturnType<ReturnType<typeof createAnswerer>['explain']>;
}

/**
 * Every set of one role (hold-out or tuning), each asked in order as one conversation; `each` gets a set's
 * turns once all are asked.
 */
export function forEachSet(holdout: boolean, each: (pack: Pack, set: Pack['sets'][number], turns: Turn[]) => void): void {
  for (const pack of listPacks()) {
    const content = loadContent(pack.contentDir);
    const answerer = createAnswerer(content, freshIndex(content));
    for (const set of pack.sets) {
      if ((set.role === 'holdout') !== holdout) continue;
      let topic: Answer['topic'];
      const turns = parseJsonl(readFileSync(set.file, 'utf8')).map((item) => {
        const read = answerer.explain(item.q, topic);
        const answer = answerer.answer(item.q, topic);
        topic = answer.topic ?? topic;
        return { item, answer, read };
      });
      each(pack, set, turns);
    }
  }
}

/**
 * The baseline: a plain lunr index over the same deck units (title and text), its top unit as the answer,
 * declining only when nothing matches. Questions go in as optional terms, never through lunr's parser.
 */
export function lunrAsker(content: Content): () => Ask {
  const docs = buildSearchDocs(content).filter((d) => d.kind === 'unit' || d.kind === 'indicator' || d.kind === 'meta');
  const byRef = new Map(docs.map((d) => [d.ref, d]));
  const index = lunr(function () {
    this.ref('ref');
    this.field('title');
    this.field('text');
    for (const d of docs) this.add({ ref: d.ref, title: normalizeText(d.title), text: normalizeText(d.text) });
  });
  return () => (q) => {
    const tokens = lunr.tokenizer(normalizeText(q)).map((t) => t.toString()).filter(Boolean);
    const hits = index.query((query) => {
      for (const t of tokens) query.term(t, { presence: lunr.Query.presence.OPTIONAL });
    });
    const top = hits[0] && byRef.get(hits[0].ref);
    return top ? { answered: true, text: `${top.text} (Source: ${top.source.title})`.slice(0, MAX_ANSWER_CHARS) } : { answered: false, text: '' };
  };
}

export interface PackScores {
  pack: Pack;
  bot: SetScore[];
  lunr: SetScore[];
}

export function scorePack(pack: Pack, opts: { lunr?: boolean } = {}): PackScores {
  const content = loadContent(pack.contentDir);
  const bot = botAsker(content);
  const plain = opts.lunr === false ? undefined : lunrAsker(content);
  const out: PackScores = { pack, bot: [], lunr: [] };
  for (const set of pack.sets) {
    const items = parseJsonl(readFileSync(set.file, 'utf8'));
    out.bot.push(scoreSet(pack.slug, set.name, set.role, items, bot()));
    if (plain) out.lunr.push(scoreSet(pack.slug, set.name, set.role, items, plain()));
  }
  return out;
}

export const rate = (ok: number, n: number): number => (n ? ok / n : 1);
