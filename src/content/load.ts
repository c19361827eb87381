// Loads a workshop's content/ folder: parses each file with zod, cross-checks ids, hashes the files.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod/v4';
import { OperatorError } from '../errors.js';
import { GlossaryEntry, Indicator, IndicatorsFile, Meta, QuizItem, Section, type Content, type IndicatorSet } from './schema.js';

/** One thing wrong (or worth a look) in a content folder: the file, the item and the field, and what. */
export interface ContentProblem {
  file: string;
  /** The item's id (or glossary term), or "#3" when it has none. */
  item?: string;
  /** The item's 1-based position in its file. */
  index?: number;
  /** A dotted path inside the item (or the file): "units.2.text", "global.count". */
  field?: string;
  message: string;
}

/** `quiz.json: item "q1" (#1): field "answer": ...`: one line a person can act on. */
export function formatProblem(p: ContentProblem): string {
  const item = p.item === undefined ? '' : p.item.startsWith('#') ? `item ${p.item}: ` : `item "${p.item}"${p.index ? ` (#${p.index})` : ''}: `;
  return `${p.file}: ${item}${p.field === undefined ? '' : `field "${p.field}": `}${p.message}`;
}

/** A content folder that cannot be used; `errors` each name the file, the item and the field. */
export class ContentError extends OperatorError<'CONTENT_INVALID'> {
  readonly errors: string[];
  constructor(
    readonly problems: ContentProblem[],
    readonly dir: string,
  ) {
    const errors = problems.map(formatProblem);
    super('CONTENT_INVALID', `Content in ${dir} is not valid:\n${errors.map((e) => `  ${e}`).join('\n')}`);
    this.errors = errors;
  }
}

type Problems = ContentProblem[];

/** The files a content folder holds, and nothing else of the same kind. */
export const CONTENT_FILES = ['meta.json', 'sections.json', 'indicators.json', 'glossary.json', 'quiz.json'] as const;

/** The package root (where package.json is), found from this module so it works from any cwd. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'content'))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** CONTENT_DIR when set, else the package's own content/ folder. */
export function defaultContentDir(env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env.CONTENT_DIR?.trim();
  return fromEnv ? resolve(fromEnv) : join(packageRoot(), 'content');
}

type Path = readonly PropertyKey[];
const fieldName = (path: Path) => path.map(String).join('.');

/** The id (or term) when the item has one, else its 1-based position; and the position. */
function itemOf(raw: unknown, index: number): { item: string; index: number } {
  const r = raw as { id?: unknown; term?: unknown } | null;
  const name = typeof r?.id === 'string' ? r.id : typeof r?.term === 'string' ? r.term : undefined;
  return { item: name ?? `#${index + 1}`, index: index + 1 };
}

function readJson(dir: string, file: string, problems: Problems): unknown {
  let text: string;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch {
    problems.push({ file, message: `missing (a content folder needs ${CONTENT_FILES.join(', ')})` });
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    problems.push({ file, message: `not valid JSON: ${(err as Error).message}` });
    return undefined;
  }
}

function parseObject<T>(file: string, schema: z.ZodType<T>, raw: unknown, problems: Problems): T | undefined {
  if (raw === undefined) return undefined;
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  for (const i of r.error.issues) problems.push({ file, ...(i.path.length ? { field: fieldName(i.path) } : {}), message: i.message });
  return undefined;
}

function parseList<T>(file: string, schema: z.ZodType<T>, raw: unknown, problems: Problems): T[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    problems.push({ file, message: 'should be a JSON array of items' });
    return undefined;
  }
  const out: T[] = [];
  let ok = true;
  raw.forEach((item, index) => {
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data);
    else {
      ok = false;
      for (const i of r.error.issues) problems.push({ file, ...itemOf(item, index), ...(i.path.length ? { field: fieldName(i.path) } : {}), message: i.message });
    }
  });
  return ok ? out : undefined;
}

/** indicators.json in either form: the set (undefined for a bare array) and the raw indicator list. */
function splitIndicators(raw: unknown, problems: Problems): { set?: IndicatorSet; list: unknown } {
  if (raw === undefined || Array.isArray(raw)) return { list: raw };
  const r = IndicatorsFile.safeParse(raw);
  if (r.success) return { set: r.data.set, list: r.data.indicators };
  for (const i of r.error.issues) {
    problems.push({
      file: 'indicators.json',
      ...(i.path.length ? { field: fieldName(i.path) } : {}),
      message: `${i.message} (the file holds { "set": {...}, "indicators": [...] } or an array of indicators)`,
    });
  }
  return { list: undefined };
}

/** Older packs name the set's source and population in meta.json. */
function legacySet(meta: Meta): IndicatorSet {
  return {
    name: 'indicators',
    source: meta.survey,
    population: meta.memberStates ? { count: meta.memberStates, label: 'countries' } : undefined,
  };
}

function duplicates(file: string, ids: string[], what: string, problems: Problems): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) problems.push({ file, item: id, index: index + 1, field: what, message: `duplicate "${id}"` });
    seen.add(id);
  });
}

/** Checks that go across items and files: unique ids, references that exist, answers in range. */
function crossCheck(c: Omit<Content, 'dir' | 'hash'>, problems: Problems): void {
  const sectionIds = new Set(c.sections.map((s) => s.id));
  duplicates('sections.json', c.sections.map((s) => s.id), 'id', problems);
  const unitIds = new Set<string>();
  c.sections.forEach((s, si) => {
    const at = { file: 'sections.json', item: s.id, index: si + 1 };
    if (s.parent !== undefined && !sectionIds.has(s.parent)) problems.push({ ...at, field: 'parent', message: `no section "${s.parent}"` });
    s.units.forEach((u, ui) => {
      if (unitIds.has(u.id)) problems.push({ ...at, field: `units.${ui}.id`, message: `duplicate unit id "${u.id}"` });
      unitIds.add(u.id);
    });
  });
  duplicates('indicators.json', c.indicators.map((i) => i.id), 'id', problems);
  c.indicators.forEach((ind, ii) => {
    ind.sections.forEach((sid, k) => {
      if (!sectionIds.has(sid)) problems.push({ file: 'indicators.json', item: ind.id, index: ii + 1, field: `sections.${k}`, message: `no section "${sid}"` });
    });
  });
  duplicates('quiz.json', c.quiz.map((q) => q.id), 'id', problems);
  c.quiz.forEach((q, qi) => {
    const at = { file: 'quiz.json', item: q.id, index: qi + 1 };
    if (q.answer >= q.choices.length) {
      problems.push({ ...at, field: 'answer', message: `${q.answer} is not an index of the ${q.choices.length} choices (0-${q.choices.length - 1})` });
    }
    if (!sectionIds.has(q.source.section)) problems.push({ ...at, field: 'source.section', message: `no section "${q.source.section}"` });
  });
  duplicates('glossary.json', c.glossary.map((g) => g.term.toLowerCase()), 'term', problems);
}

/** Other .json files would be silently ignored: most likely a misspelt name, so they are errors. */
function unexpectedFiles(dir: string, problems: Problems): boolean {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    problems.push({ file: dir, message: 'not a readable folder' });
    return false;
  }
  for (const n of names) {
    if (n.endsWith('.json') && !(CONTENT_FILES as readonly string[]).includes(n)) {
      problems.push({ file: n, message: `unexpected file (a content folder holds ${CONTENT_FILES.join(', ')})` });
    }
  }
  return true;
}

function hashFiles(dir: string): string {
  const h = createHash('sha256');
  for (const f of CONTENT_FILES) {
    h.update(`${f}\0`);
    h.update(readFileSync(join(dir, f)));
    h.update('\0');
  }
  return h.digest('hex');
}

/** Reads and validates a content folder: the content when it is usable, and every problem found. */
export function validateContent(dir: string): { content?: Content; problems: ContentProblem[] } {
  const problems: Problems = [];
  if (!unexpectedFiles(dir, problems)) return { problems };
  const meta = parseObject('meta.json', Meta, readJson(dir, 'meta.json', problems), problems);
  const sections = parseList('sections.json', Section, readJson(dir, 'sections.json', problems), problems);
  const indicatorsFile = splitIndicators(readJson(dir, 'indicators.json', problems), problems);
  const indicators = parseList('indicators.json', Indicator, indicatorsFile.list, problems);
  const glossary = parseList('glossary.json', GlossaryEntry, readJson(dir, 'glossary.json', problems), problems);
  const quiz = parseList('quiz.json', QuizItem, readJson(dir, 'quiz.json', problems), problems);
  if (!meta || !sections || !indicators || !glossary || !quiz) return { problems };
  const parsed = { meta, sections, indicatorSet: indicatorsFile.set ?? legacySet(meta), indicators, glossary, quiz };
  crossCheck(parsed, problems);
  if (problems.length) return { problems };
  return { content: { dir, hash: hashFiles(dir), ...parsed }, problems };
}

/** Loads and validates a content folder; throws ContentError listing every problem. */
export function loadContent(dir: string = defaultContentDir()): Content {
  const abs = resolve(dir);
  const { content, problems } = validateContent(abs);
  if (!content) throw new ContentError(problems, abs);
  return content;
}

export type ContentCheck = { ok: true; summary: string } | { ok: false; errors: string[] };

/** A one-line summary of a valid pack: its counts and hash. */
export function summarise(content: Content): string {
  const units = content.sections.reduce((n, s) => n + s.units.length, 0);
  return (
    `${content.dir}: OK: ${content.sections.length} sections (${units} units), ${content.indicators.length} indicators, ` +
    `${content.glossary.length} glossary entries, ${content.quiz.length} quiz items (hash ${content.hash.slice(0, 12)})`
  );
}

/** A one-line summary, or every error. */
export function checkContent(dir: string = defaultContentDir()): ContentCheck {
  const { content, problems } = validateContent(resolve(dir));
  return content ? { ok: true, summary: summarise(content) } : { ok: false, errors: problems.map(formatProblem) };
}
