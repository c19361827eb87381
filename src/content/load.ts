// Loads a workshop's content/ folder: parses each file with zod, cross-checks ids, hashes the files.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { GlossaryEntry, Indicator, IndicatorsFile, Meta, QuizItem, Section, type Content, type IndicatorSet } from './schema.js';

/** A content folder that cannot be used; `errors` each name the file, the item and the field. */
export class ContentError extends Error {
  readonly code = 'CONTENT_INVALID';
  constructor(
    readonly errors: string[],
    readonly dir: string,
  ) {
    super(`Content in ${dir} is not valid:\n${errors.map((e) => `  ${e}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

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

/** `item "cybersecurity-law" (#10)`: the id when the item has one, and its 1-based position. */
function itemLabel(raw: unknown, index: number): string {
  const r = raw as { id?: unknown; term?: unknown } | null;
  const name = typeof r?.id === 'string' ? r.id : typeof r?.term === 'string' ? r.term : undefined;
  return name !== undefined ? `item "${name}" (#${index + 1})` : `item #${index + 1}`;
}

function readJson(dir: string, file: string, errors: string[]): unknown {
  let text: string;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch {
    errors.push(`${file}: missing (a content folder needs ${CONTENT_FILES.join(', ')})`);
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    errors.push(`${file}: not valid JSON: ${(err as Error).message}`);
    return undefined;
  }
}

function parseObject<T>(file: string, schema: z.ZodType<T>, raw: unknown, errors: string[]): T | undefined {
  if (raw === undefined) return undefined;
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  for (const i of r.error.issues) {
    errors.push(i.path.length ? `${file}: field "${fieldName(i.path)}": ${i.message}` : `${file}: ${i.message}`);
  }
  return undefined;
}

function parseList<T>(file: string, schema: z.ZodType<T>, raw: unknown, errors: string[]): T[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    errors.push(`${file}: should be a JSON array of items`);
    return undefined;
  }
  const out: T[] = [];
  let ok = true;
  raw.forEach((item, index) => {
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data);
    else {
      ok = false;
      for (const i of r.error.issues) {
        const where = i.path.length ? `field "${fieldName(i.path)}"` : 'item';
        errors.push(`${file}: ${itemLabel(item, index)}: ${where}: ${i.message}`);
      }
    }
  });
  return ok ? out : undefined;
}

/** indicators.json in either form: the set (undefined for a bare array) and the raw indicator list. */
function splitIndicators(raw: unknown, errors: string[]): { set?: IndicatorSet; list: unknown } {
  if (raw === undefined || Array.isArray(raw)) return { list: raw };
  const r = IndicatorsFile.safeParse(raw);
  if (r.success) return { set: r.data.set, list: r.data.indicators };
  for (const i of r.error.issues) {
    errors.push(`indicators.json: ${i.path.length ? `field "${fieldName(i.path)}": ` : ''}${i.message} (the file holds { "set": {...}, "indicators": [...] } or an array of indicators)`);
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

function duplicates(file: string, ids: string[], what: string, errors: string[]): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) errors.push(`${file}: item "${id}" (#${index + 1}): field "${what}": duplicate "${id}"`);
    seen.add(id);
  });
}

/** Checks that go across items and files: unique ids, references that exist, answers in range. */
function crossCheck(c: Omit<Content, 'dir' | 'hash'>, errors: string[]): void {
  const sectionIds = new Set(c.sections.map((s) => s.id));
  duplicates('sections.json', c.sections.map((s) => s.id), 'id', errors);
  const unitIds: string[] = [];
  c.sections.forEach((s, si) => {
    if (s.parent !== undefined && !sectionIds.has(s.parent)) {
      errors.push(`sections.json: item "${s.id}" (#${si + 1}): field "parent": no section "${s.parent}"`);
    }
    s.units.forEach((u, ui) => {
      if (unitIds.includes(u.id)) errors.push(`sections.json: item "${s.id}" (#${si + 1}): field "units.${ui}.id": duplicate unit id "${u.id}"`);
      unitIds.push(u.id);
    });
  });
  duplicates('indicators.json', c.indicators.map((i) => i.id), 'id', errors);
  c.indicators.forEach((ind, ii) => {
    ind.sections.forEach((sid, k) => {
      if (!sectionIds.has(sid)) errors.push(`indicators.json: item "${ind.id}" (#${ii + 1}): field "sections.${k}": no section "${sid}"`);
    });
  });
  duplicates('quiz.json', c.quiz.map((q) => q.id), 'id', errors);
  c.quiz.forEach((q, qi) => {
    if (q.answer >= q.choices.length) {
      errors.push(`quiz.json: item "${q.id}" (#${qi + 1}): field "answer": ${q.answer} is not an index of the ${q.choices.length} choices (0-${q.choices.length - 1})`);
    }
    if (!sectionIds.has(q.source.section)) {
      errors.push(`quiz.json: item "${q.id}" (#${qi + 1}): field "source.section": no section "${q.source.section}"`);
    }
  });
  duplicates('glossary.json', c.glossary.map((g) => g.term.toLowerCase()), 'term', errors);
}

/** Other .json files would be silently ignored: most likely a misspelt name, so they are errors. */
function unexpectedFiles(dir: string, errors: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    errors.push(`${dir}: not a readable folder`);
    return;
  }
  for (const n of names) {
    if (n.endsWith('.json') && !(CONTENT_FILES as readonly string[]).includes(n)) {
      errors.push(`${n}: unexpected file (a content folder holds ${CONTENT_FILES.join(', ')})`);
    }
  }
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

function parseAll(dir: string): { content?: Content; errors: string[] } {
  const errors: string[] = [];
  unexpectedFiles(dir, errors);
  if (errors.some((e) => e.endsWith('not a readable folder'))) return { errors };
  const meta = parseObject('meta.json', Meta, readJson(dir, 'meta.json', errors), errors);
  const sections = parseList('sections.json', Section, readJson(dir, 'sections.json', errors), errors);
  const indicatorsFile = splitIndicators(readJson(dir, 'indicators.json', errors), errors);
  const indicators = parseList('indicators.json', Indicator, indicatorsFile.list, errors);
  const glossary = parseList('glossary.json', GlossaryEntry, readJson(dir, 'glossary.json', errors), errors);
  const quiz = parseList('quiz.json', QuizItem, readJson(dir, 'quiz.json', errors), errors);
  if (!meta || !sections || !indicators || !glossary || !quiz) return { errors };
  const parsed = { meta, sections, indicatorSet: indicatorsFile.set ?? legacySet(meta), indicators, glossary, quiz };
  crossCheck(parsed, errors);
  if (errors.length) return { errors };
  return { content: { dir, hash: hashFiles(dir), ...parsed }, errors };
}

/** Loads and validates a content folder; throws ContentError listing every problem. */
export function loadContent(dir: string = defaultContentDir()): Content {
  const abs = resolve(dir);
  const { content, errors } = parseAll(abs);
  if (!content) throw new ContentError(errors, abs);
  return content;
}

export type ContentCheck = { ok: true; summary: string } | { ok: false; errors: string[] };

/** For `workshop-bot content check`: a one-line summary, or every error. */
export function checkContent(dir: string = defaultContentDir()): ContentCheck {
  const abs = resolve(dir);
  const { content, errors } = parseAll(abs);
  if (!content) return { ok: false, errors };
  const units = content.sections.reduce((n, s) => n + s.units.length, 0);
  return {
    ok: true,
    summary:
      `${abs}: OK: ${content.sections.length} sections (${units} units), ${content.indicators.length} indicators, ` +
      `${content.glossary.length} glossary entries, ${content.quiz.length} quiz items (hash ${content.hash.slice(0, 12)})`,
  };
}
