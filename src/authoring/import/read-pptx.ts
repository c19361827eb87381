// Reads a .pptx (a zip of XML): slide titles, text boxes as bullets and paragraphs, tables and speaker notes.
import { posix } from 'node:path';
import JSZip from 'jszip';
import { ImportError } from './errors.js';
import type { Block, Page, SourceDeck } from './model.js';
import { attr, at, child, childrenNamed, childrenOf, descendants, parseXml, tagOf, textOf, type XNode } from './xml.js';

interface Para {
  text: string;
  level: number;
  bullet: boolean;
  /** Largest font size of its runs, in hundredths of a point, when set. */
  size?: number;
}

interface Shape {
  /** Placeholder type: title, ctrTitle, subTitle, body ... (undefined for a plain text box). */
  ph?: string;
  y?: number;
  paras: Para[];
  table?: string[][];
}

/** Placeholders that repeat on every slide or say nothing about it. */
const NOISE = new Set(['dt', 'ftr', 'sldNum', 'hdr', 'sldImg']);
const TITLES = new Set(['title', 'ctrTitle']);

/** An Office file with a password (or a pre-2007 .ppt) is an OLE compound file, not a zip. */
const isCompoundFile = (data: Buffer) => data.length > 8 && data.readUInt32BE(0) === 0xd0cf11e0 && data.readUInt32BE(4) === 0xa1b11ae1;

export async function readPptx(file: string, data: Buffer): Promise<SourceDeck> {
  if (isCompoundFile(data)) {
    throw new ImportError('PASSWORD', `${file} is password-protected or an old .ppt file: open it in PowerPoint and save it as .pptx without a password`);
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (err) {
    throw new ImportError('CORRUPT', `${file} is not a readable .pptx file (damaged, or not a PowerPoint file)`, { cause: err });
  }
  const part = async (path: string): Promise<XNode[] | undefined> => {
    const f = zip.file(path);
    if (!f) return undefined;
    try {
      return parseXml(await f.async('string'));
    } catch (err) {
      throw new ImportError('CORRUPT', `${file} is damaged: ${path} cannot be read`, { cause: err });
    }
  };
  const presentation = await part('ppt/presentation.xml');
  if (!presentation) throw new ImportError('CORRUPT', `${file} is not a PowerPoint .pptx file (it has no ppt/presentation.xml)`);
  const slideRels = await relationships(part, 'ppt/presentation.xml');
  const ids = childrenNamed(childrenOf(at(presentation, 'p:presentation', 'p:sldIdLst') ?? {}), 'p:sldId');
  const pages: Page[] = [];
  for (const [i, id] of ids.entries()) {
    const path = slideRels.get(attr(id, 'r:id') ?? '')?.target;
    const slide = path ? await part(path) : undefined;
    if (!path || !slide) continue;
    const rels = await relationships(part, path);
    const notesPath = [...rels.values()].find((r) => r.type.endsWith('/notesSlide'))?.target;
    const notes = notesPath ? await part(notesPath) : undefined;
    pages.push(readSlide(slide, notes, i + 1));
  }
  const core = await part('docProps/core.xml');
  const title = core ? textOf(childrenOf(at(core, 'cp:coreProperties', 'dc:title') ?? {})).trim() : '';
  // Generators write their own name as the title ("PptxGenJS Presentation"): a placeholder, not the deck's.
  return { file, format: 'pptx', pages, info: { title: title && !/^pptxgenjs|^presentation\d*$/i.test(title) ? title : undefined }, skipped: [] };
}

type PartReader = (path: string) => Promise<XNode[] | undefined>;

/** A part's relationships by id, with targets resolved to paths inside the zip. */
async function relationships(part: PartReader, of: string): Promise<Map<string, { target: string; type: string }>> {
  const relsPath = posix.join(posix.dirname(of), '_rels', `${posix.basename(of)}.rels`);
  const rels = await part(relsPath);
  const out = new Map<string, { target: string; type: string }>();
  for (const r of childrenNamed(childrenOf(at(rels ?? [], 'Relationships') ?? {}), 'Relationship')) {
    const target = attr(r, 'Target') ?? '';
    if (attr(r, 'TargetMode') === 'External') continue;
    const path = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(of), target));
    out.set(attr(r, 'Id') ?? '', { target: path, type: attr(r, 'Type') ?? '' });
  }
  return out;
}

function readSlide(slide: XNode[], notes: XNode[] | undefined, n: number): Page {
  const root = at(slide, 'p:sld');
  const tree = at(slide, 'p:sld', 'p:cSld', 'p:spTree');
  const shapes: Shape[] = [];
  const counts = { images: 0 };
  walk(childrenOf(tree ?? {}), shapes, counts);
  const titleShape = shapes.find((s) => s.ph && TITLES.has(s.ph)) ?? guessTitle(shapes);
  const title = titleShape?.paras.map((p) => p.text.trim()).filter(Boolean).join(' ') || undefined;
  const blocks = shapes.filter((s) => s !== titleShape).flatMap(shapeBlocks);
  const noteShapes: Shape[] = [];
  walk(childrenOf(at(notes ?? [], 'p:notes', 'p:cSld', 'p:spTree') ?? {}), noteShapes, { images: 0 }, true);
  return {
    where: `slide ${n}`,
    title,
    level: 1,
    blocks,
    notes: noteShapes.filter((s) => s.ph === 'body').flatMap(shapeBlocks),
    images: counts.images,
    titleLayout: shapes.some((s) => s.ph === 'ctrTitle' || s.ph === 'subTitle'),
    hidden: attr(root, 'show') === '0',
  };
}

/** `notes`: a notes page's body is prose unless its paragraphs carry bullet marks. */
function walk(nodes: XNode[], out: Shape[], counts: { images: number }, notes = false): void {
  for (const n of nodes) {
    const kids = childrenOf(n);
    switch (tagOf(n)) {
      case 'p:sp': {
        const shape = readShape(kids, notes);
        if (shape) out.push(shape);
        break;
      }
      case 'p:grpSp':
        walk(kids, out, counts, notes);
        break;
      case 'p:graphicFrame': {
        const data = at(kids, 'a:graphic', 'a:graphicData');
        if (/\/table$/.test(attr(data, 'uri') ?? '')) out.push({ paras: [], table: readTable(childrenOf(data ?? {})), y: offsetY(kids, 'p:xfrm') });
        else counts.images++;
        break;
      }
      case 'p:pic':
        counts.images++;
        break;
      case 'mc:AlternateContent':
        // The first choice is what PowerPoint shows; the fallback repeats it for older readers.
        walk(childrenOf(child(kids, 'mc:Choice') ?? child(kids, 'mc:Fallback') ?? {}), out, counts, notes);
        break;
    }
  }
}

function offsetY(kids: XNode[], xfrm: string): number | undefined {
  const y = attr(at(kids, ...(xfrm === 'p:xfrm' ? ['p:xfrm'] : ['p:spPr', 'a:xfrm']), 'a:off'), 'y');
  return y === undefined ? undefined : Number(y);
}

function readShape(kids: XNode[], notes: boolean): Shape | undefined {
  const ph = at(kids, 'p:nvSpPr', 'p:nvPr', 'p:ph');
  const type = ph ? (attr(ph, 'type') ?? 'body') : undefined;
  if (type && NOISE.has(type)) return undefined;
  const body = child(kids, 'p:txBody');
  if (!body) return undefined;
  const bulletsByDefault = !notes && (type === 'body' || type === 'obj');
  const paras = childrenNamed(childrenOf(body), 'a:p').map((p) => readPara(childrenOf(p), bulletsByDefault));
  if (!paras.some((p) => p.text.trim())) return undefined;
  return { ph: type, y: offsetY(kids, 'a:xfrm'), paras };
}

function readPara(kids: XNode[], bulletsByDefault: boolean): Para {
  const pPr = child(kids, 'a:pPr');
  const props = childrenOf(pPr ?? {});
  const marked = child(props, 'a:buChar') ?? child(props, 'a:buAutoNum');
  const bullet = marked ? true : child(props, 'a:buNone') ? false : bulletsByDefault;
  let text = '';
  let size: number | undefined;
  for (const k of kids) {
    const tag = tagOf(k);
    if (tag === 'a:br') text += '\n';
    else if (tag === 'a:r' || (tag === 'a:fld' && attr(k, 'type') !== 'slidenum')) {
      const rk = childrenOf(k);
      text += textOf(childrenOf(child(rk, 'a:t') ?? {}));
      const sz = Number(attr(child(rk, 'a:rPr'), 'sz'));
      if (Number.isFinite(sz)) size = Math.max(size ?? 0, sz);
    }
  }
  return { text, level: Number(attr(pPr, 'lvl') ?? 0) || 0, bullet, size };
}

function readTable(graphicData: XNode[]): string[][] {
  const rows: string[][] = [];
  for (const tbl of descendants(graphicData, 'a:tbl')) {
    for (const tr of childrenNamed(childrenOf(tbl), 'a:tr')) {
      const cells = childrenNamed(childrenOf(tr), 'a:tc')
        // A merged cell's text lives in the cell it is merged into.
        .filter((tc) => attr(tc, 'hMerge') !== '1' && attr(tc, 'vMerge') !== '1')
        .map((tc) => childrenNamed(childrenOf(child(childrenOf(tc), 'a:txBody') ?? {}), 'a:p').map((p) => readPara(childrenOf(p), false).text.trim()).filter(Boolean).join(' '));
      if (cells.some(Boolean)) rows.push(cells);
    }
  }
  return rows;
}

/** A slide without a title placeholder: its largest short text (the top-most of equals) stands for the title. */
function guessTitle(shapes: Shape[]): Shape | undefined {
  const candidates = shapes.filter((s) => !s.table && s.paras.length <= 2 && s.paras.map((p) => p.text).join(' ').trim().length <= 150);
  if (!candidates.length) return undefined;
  // One short line alone on a slide ("Thank you", a picture's caption-title) is its title.
  if (shapes.length === 1) return candidates[0]!.paras.length === 1 && candidates[0]!.paras[0]!.text.trim().length <= 100 ? candidates[0] : undefined;
  const size = (s: Shape) => Math.max(0, ...s.paras.map((p) => p.size ?? 0));
  const top = (s: Shape) => s.y ?? Number.MAX_SAFE_INTEGER;
  const best = [...candidates].sort((a, b) => size(b) - size(a) || top(a) - top(b))[0]!;
  const others = shapes.filter((s) => s !== best);
  // Only a text that stands out (larger than the rest, or above all of it) is taken for a title.
  const larger = size(best) > Math.max(0, ...others.map(size));
  const above = others.every((s) => top(best) < top(s));
  return larger || above ? best : undefined;
}

/** A shape's paragraphs as blocks: runs of bullets become one list; several short plain lines read as one too. */
function shapeBlocks(shape: Shape): Block[] {
  if (shape.table) return shape.table.length ? [{ kind: 'table', rows: shape.table }] : [];
  const paras = shape.paras.filter((p) => p.text.trim());
  const listLike = paras.length >= 3 && paras.every((p) => p.text.trim().length <= 80 && !/[.!?]$/.test(p.text.trim()));
  const blocks: Block[] = [];
  for (const p of paras) {
    const last = blocks.at(-1);
    if (p.bullet || (listLike && shape.ph !== 'subTitle')) {
      if (last?.kind === 'bullets') last.items.push({ text: p.text, level: p.level });
      else blocks.push({ kind: 'bullets', items: [{ text: p.text, level: p.level }] });
    } else blocks.push({ kind: 'paragraph', text: p.text });
  }
  for (const b of blocks) {
    if (b.kind !== 'bullets') continue;
    const base = Math.min(...b.items.map((i) => i.level));
    for (const i of b.items) i.level -= base;
  }
  return blocks;
}
