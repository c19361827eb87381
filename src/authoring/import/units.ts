// A page's blocks as answerable units: each short enough for a chat answer with its citation, and readable alone.
import type { Unit } from '../../content/schema.js';
import { findFigures } from '../figures.js';
import { squash, type Block, type BulletItem, type Page } from './model.js';

/**
 * Longest unit text the import writes. An answer holds 600 characters with the citation the bot adds
 * (" (Source: section title - slide 4)"), so 450 leaves room for a title of about 130 characters.
 */
export const TARGET_CHARS = 450;
/** A bullet this long, or of more than one sentence, is an answer by itself rather than an item of a list. */
const LONG_ITEM = 90;

export interface UnitDraft {
  text: string;
  kind: Unit['kind'];
  from: 'slide' | 'notes';
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export const sentences = (text: string): string[] =>
  [...segmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean);

/** Ends a fragment with a full stop, so a bullet reads as a sentence in an answer. */
export function finish(text: string): string {
  const t = squash(text).replace(/[:;,]$/, '');
  return /[.!?…]["”’')\]]?$/u.test(t) ? t : `${t}.`;
}

/** Text cut into pieces of at most `max` characters: at sentence ends, else at clauses, else at words. */
export function chunk(text: string, max = TARGET_CHARS): string[] {
  if (text.length <= max) return [text];
  const pieces = sentences(text).flatMap((s) => (s.length <= max ? [s] : splitLong(s, max)));
  return pack(pieces, max, ' ');
}

function splitLong(sentence: string, max: number): string[] {
  const clauses = sentence.split(/(?<=[;:,])\s+/);
  const packed = pack(clauses.flatMap((c) => (c.length <= max ? [c] : pack(c.split(/\s+/), max, ' '))), max, ' ');
  return packed;
}

function pack(pieces: string[], max: number, joiner: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const p of pieces) {
    if (cur && cur.length + joiner.length + p.length > max) {
      out.push(cur);
      cur = p;
    } else cur = cur ? `${cur}${joiner}${p}` : p;
  }
  if (cur) out.push(cur);
  return out;
}

const DEFINITION =
  /^(?:an?\s+|the\s+)?(?!(?:there|it|this|these|they|we|that|those|which|what|who|here|our|its|he|she|you|i)\b)([\p{L}\p{N}][\p{L}\p{N}'’&\- ]{0,60}?)(?:\s*\(([^)]{1,20})\))?\s+(?:(?:is|are)\s+(?:defined as\s+)?(?=(?:an?|the|one|any)\b)|(?:is|are)\s+(?=\p{L}+\s+(?:that|which|who|whose|where)\b)|refers?\s+to\b|means\b|denotes\b|stands\s+for\b)\s*(.+)$/iu;

/** "A widget ledger is a register that anyone can read": the term and what it is, when the text opens with a definition. */
export function definitionOf(text: string): { term: string; definition: string } | undefined {
  const m = DEFINITION.exec(squash(text));
  if (!m || m[1]!.trim().split(/\s+/).length > 6) return undefined;
  return { term: m[1]!.trim(), definition: m[0].slice(m[0].length - m[3]!.length).trim() };
}

function kindOf(text: string, items: number, from: 'bullet' | 'prose'): Unit['kind'] {
  if (findFigures(text).length) return 'statistic';
  if (definitionOf(text)) return 'definition';
  if (items > 1) return 'list';
  return from === 'bullet' ? 'bullet' : 'fact';
}

const bare = (s: string) => squash(s).replace(/[.;,:]+$/, '');

/** A top-level bullet with the ones under it: "Parent: child; child." */
function withChildren(items: BulletItem[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (item.level === 0 || !out.length) out.push(squash(item.text));
    else {
      const last = out.length - 1;
      out[last] = /[:]$/.test(out[last]!) || out[last]!.includes(': ') ? `${bare(out[last]!)}; ${bare(item.text)}` : `${bare(out[last]!)}: ${bare(item.text)}`;
    }
  }
  return out.filter(Boolean);
}

const isLong = (s: string) => s.length >= LONG_ITEM || sentences(s).length > 1;

/** Bullets: each long one alone; runs of short ones packed into lists that say what they list. */
function bulletUnits(items: BulletItem[], lead: string, from: UnitDraft['from']): UnitDraft[] {
  const out: UnitDraft[] = [];
  let run: string[] = [];
  const flush = () => {
    if (!run.length) return;
    // "Why widgets? Cheaper; ..." after a question, "Benefits: Transparency; ..." after anything else.
    const head = /\?$/.test(squash(lead)) ? `${squash(lead)} ` : `${bare(lead)}: `;
    for (const group of pack(run.map(bare), TARGET_CHARS - head.length - 1, '; ')) {
      const text = finish(`${head}${group}`);
      out.push({ text, kind: kindOf(text, group.split('; ').length, 'bullet'), from });
    }
    run = [];
  };
  for (const text of withChildren(items)) {
    if (!isLong(text)) {
      run.push(text);
      continue;
    }
    flush();
    for (const piece of chunk(finish(text))) out.push({ text: piece, kind: kindOf(piece, 1, 'bullet'), from });
  }
  flush();
  return out;
}

/** A table in one unit when it fits, else one a row: "Ruritania: Share 45%, Year 2019". */
function tableUnits(rows: string[][], lead: string, from: UnitDraft['from']): UnitDraft[] {
  const cells = rows.map((r) => r.map(squash));
  const numeric = (c: string) => /^[\d\s.,%$€£+-]+$/.test(c);
  const header = cells.length > 1 && cells[0]!.every((c) => c && !numeric(c)) ? cells[0]! : undefined;
  const body = header ? cells.slice(1) : cells;
  const rowText = (r: string[]) => {
    if (header) {
      const rest = r.slice(1).map((v, i) => (v ? `${header[i + 1] ? `${header[i + 1]} ` : ''}${v}` : '')).filter(Boolean);
      return rest.length ? `${r[0] || header[0]}: ${rest.join(', ')}` : r[0] ?? '';
    }
    return r.filter(Boolean).join(r.length === 2 ? ': ' : '; ');
  };
  const lines = body.map(rowText).filter(Boolean);
  if (!lines.length) return [];
  const whole = finish(`${/\?$/.test(squash(lead)) ? `${squash(lead)} ` : `${bare(lead)}: `}${lines.map(bare).join('; ')}`);
  if (whole.length <= TARGET_CHARS) return [{ text: whole, kind: kindOf(whole, lines.length, 'bullet'), from }];
  return lines.flatMap((l) => chunk(finish(`${bare(lead)} – ${l}`)).map((text) => ({ text, kind: kindOf(text, 1, 'bullet'), from })));
}

/** "Source: Regional Widget Survey 2024" on a slide: where its facts come from, not a fact itself. */
const SOURCE_LINE = /^\s*(?:data\s+)?sources?\s*:\s*(.+)$/i;

export function blocksToUnits(blocks: Block[], title: string, from: UnitDraft['from']): { units: UnitDraft[]; sources: string[] } {
  const units: UnitDraft[] = [];
  const sources: string[] = [];
  let lead: string | undefined;
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      const source = SOURCE_LINE.exec(squash(b.text));
      if (source) {
        sources.push(bare(source[1]!));
        continue;
      }
      const text = squash(b.text);
      // "Three pillars:" introduces the list after it.
      if (/:$/.test(text) && text.length <= 200) {
        if (lead) units.push({ text: finish(lead), kind: 'fact', from });
        lead = text;
        continue;
      }
      if (lead) units.push({ text: finish(lead), kind: 'fact', from });
      lead = undefined;
      for (const piece of chunk(finish(text))) units.push({ text: piece, kind: kindOf(piece, 1, 'prose'), from });
      continue;
    }
    if (b.kind === 'bullets') units.push(...bulletUnits(b.items.filter((i) => squash(i.text)), lead ?? title, from));
    else units.push(...tableUnits(b.rows, lead ?? title, from));
    lead = undefined;
  }
  if (lead) units.push({ text: finish(lead), kind: 'fact', from });
  // Bits too small to answer anything ("•", "—") are dropped.
  return { units: units.filter((u) => /[\p{L}\p{N}]{2}/u.test(u.text)), sources };
}

/** A page's units: its own text first, then its speaker notes. */
export function pageUnits(page: Page, title: string): { units: UnitDraft[]; sources: string[] } {
  const own = blocksToUnits(page.blocks, title, 'slide');
  const notes = blocksToUnits(page.notes, title, 'notes');
  return { units: [...own.units, ...notes.units], sources: [...own.sources, ...notes.sources] };
}
