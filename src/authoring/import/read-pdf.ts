// Reads a PDF's text with pdfjs-dist: lines from positioned text, headings from font size, bullets and tables.
import { ImportError } from './errors.js';
import type { Block, Page, SourceDeck } from './model.js';

interface Line {
  page: number;
  text: string;
  /** Text pieces far apart on one line: the cells of a table row. */
  cells: string[];
  size: number;
  x: number;
  y: number;
}

/** What pdfjs gives for a piece of text (marked-content items have no `str`). */
interface TextItem {
  str: string;
  transform: number[];
  width: number;
}

/** A heading's text is at least this much larger than the body text. */
const HEADING_RATIO = 1.2;
const BULLET = /^\s*([•▪●○◦‣∙·\-–—*►➢✓■□]|\d{1,2}[.)]|[a-z][.)])\s+/u;

export async function readPdf(file: string, data: Buffer): Promise<SourceDeck> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(data), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  } catch (err) {
    if ((err as Error)?.name === 'PasswordException') {
      throw new ImportError('PASSWORD', `${file} is password-protected: save or export it without a password and import that copy`, { cause: err });
    }
    throw new ImportError('CORRUPT', `${file} is not a readable PDF (damaged, or not a PDF)`, { cause: err });
  }
  try {
    const lines: Line[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      lines.push(...toLines(content.items.filter((i) => 'str' in i) as TextItem[], n));
      page.cleanup();
    }
    const info = ((await doc.getMetadata().catch(() => undefined))?.info ?? {}) as { Title?: string; Author?: string };
    const skipped: string[] = [];
    const kept = dropRepeats(lines, doc.numPages, skipped);
    return { file, format: 'pdf', pages: toPages(kept), info: { title: info.Title?.trim() || undefined, author: info.Author?.trim() || undefined }, skipped };
  } finally {
    await doc.destroy();
  }
}

/** Positioned pieces of text as lines, top to bottom; pieces far apart on a line are kept as cells. */
function toLines(items: TextItem[], page: number): Line[] {
  const pieces = items
    .filter((i) => i.str.trim())
    .map((i) => ({ str: i.str, x: i.transform[4]!, y: i.transform[5]!, size: Math.hypot(i.transform[2]!, i.transform[3]!) || 1, width: i.width }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: (typeof pieces)[] = [];
  for (const p of pieces) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - p.y) <= 0.35 * Math.max(row[0]!.size, p.size)) row.push(p);
    else rows.push([p]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const size = Math.max(...row.map((p) => p.size));
    const cells: string[] = [row[0]!.str];
    for (let i = 1; i < row.length; i++) {
      const prev = row[i - 1]!;
      const gap = row[i]!.x - (prev.x + prev.width);
      if (gap > 2 * size) cells.push(row[i]!.str);
      else cells[cells.length - 1] += (gap > 0.15 * size && !/\s$/.test(prev.str) && !/^\s/.test(row[i]!.str) ? ' ' : '') + row[i]!.str;
    }
    const clean = cells.map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean);
    return { page, text: clean.join(' '), cells: clean, size, x: row[0]!.x, y: row[0]!.y };
  });
}

/** Headers, footers and page numbers: lines that repeat on many pages say nothing about any one of them. */
function dropRepeats(lines: Line[], pages: number, skipped: string[]): Line[] {
  const key = (l: Line) => l.text.toLowerCase().replace(/\d+/g, '#');
  const pagesOf = new Map<string, Set<number>>();
  for (const l of lines) pagesOf.set(key(l), (pagesOf.get(key(l)) ?? new Set()).add(l.page));
  const repeated = (l: Line) => pages >= 3 && (pagesOf.get(key(l))?.size ?? 0) >= Math.max(3, pages / 2);
  const reported = new Set<string>();
  return lines.filter((l) => {
    if (/^[\d\s/|.-]+$/.test(l.text)) return false;
    if (!repeated(l)) return true;
    if (!reported.has(key(l))) {
      reported.add(key(l));
      skipped.push(`"${l.text}": on ${pagesOf.get(key(l))!.size} pages (a header or footer)`);
    }
    return false;
  });
}

/** The size most of the text is set in. */
function bodySize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(Math.round(l.size * 2) / 2, (weight.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

interface Part {
  first: number;
  last: number;
  title?: string;
  titleSize: number;
  lines: Line[];
}

/**
 * Parts under each heading; text before a page's first heading continues the part of the page before.
 * The first page is one part titled by its largest text: a title slide, or a report's first page.
 */
function toPages(lines: Line[]): Page[] {
  const body = bodySize(lines);
  const isHeading = (l: Line) => l.size >= body * HEADING_RATIO && l.text.length <= 150 && l.cells.length === 1;
  const parts: Part[] = [];
  const first = lines.filter((l) => l.page === 1);
  if (first.length) {
    const top = Math.max(...first.map((l) => l.size));
    const title = first.filter((l) => l.size >= top - 0.5 && l.cells.length === 1 && l.text.length <= 150);
    parts.push({ first: 1, last: 1, title: title.map((l) => l.text).join(' ') || undefined, titleSize: top, lines: first.filter((l) => !title.includes(l)) });
  }
  let prev: Line | undefined;
  for (const l of lines.filter((x) => x.page !== 1)) {
    const cur = parts.at(-1);
    if (isHeading(l)) {
      // A heading set on two lines: the second follows the first at the same size.
      const secondLine = cur?.title && !cur.lines.length && prev?.page === l.page && Math.abs(cur.titleSize - l.size) < 0.5;
      if (secondLine) cur.title = `${cur.title} ${l.text}`;
      else parts.push({ first: l.page, last: l.page, title: l.text, titleSize: l.size, lines: [] });
    } else if (!cur) {
      parts.push({ first: l.page, last: l.page, titleSize: l.size, lines: [l] });
    } else {
      cur.lines.push(l);
      cur.last = l.page;
    }
    prev = l;
  }
  return parts.map((p) => ({
    where: p.first === p.last ? `page ${p.first}` : `pages ${p.first}-${p.last}`,
    title: p.title,
    level: 1,
    blocks: toBlocks(p.lines),
    notes: [],
    images: 0,
  }));
}

/** Lines as paragraphs (joined while close), bullet lists (by their markers) and tables (rows of cells). */
function toBlocks(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  const markerX = Math.min(...lines.filter((l) => BULLET.test(l.text)).map((l) => l.x));
  let prev: Line | undefined;
  for (const l of lines) {
    const last = blocks.at(-1);
    const close = prev !== undefined && prev.page === l.page && prev.y - l.y <= 1.7 * Math.max(prev.size, l.size) && Math.abs(prev.size - l.size) < 0.15 * l.size;
    const marker = BULLET.exec(l.text);
    if (l.cells.length > 1) {
      if (last?.kind === 'table' && close) last.rows.push(l.cells);
      else blocks.push({ kind: 'table', rows: [l.cells] });
    } else if (marker) {
      const item = { text: l.text.slice(marker[0].length), level: Math.min(2, Math.max(0, Math.round((l.x - markerX) / (1.5 * l.size)))) };
      if (last?.kind === 'bullets' && close) last.items.push(item);
      else blocks.push({ kind: 'bullets', items: [item] });
    } else if (last?.kind === 'bullets' && close && l.x > markerX + 0.5 * l.size) {
      const item = last.items.at(-1)!;
      item.text = joinLine(item.text, l.text);
    } else if (last?.kind === 'paragraph' && close) {
      last.text = joinLine(last.text, l.text);
    } else blocks.push({ kind: 'paragraph', text: l.text });
    prev = l;
  }
  return blocks;
}

/** A line break inside a paragraph: a space, except after a hyphen that ends a line ("e-" + "government"). */
const joinLine = (a: string, b: string): string => (/\p{L}-$/u.test(a) ? `${a}${b}` : `${a} ${b}`);
