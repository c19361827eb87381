// Slides of any format in one shape: pages with a title, blocks of text, speaker notes and what was left out.

export interface BulletItem {
  text: string;
  /** 0 for a top-level bullet, 1 for one under it, and so on. */
  level: number;
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: BulletItem[] }
  | { kind: 'table'; rows: string[][] };

/** A slide, a PDF page (or the part of one under a heading), or a Markdown heading with what follows it. */
export interface Page {
  /** Where a reader finds it: "slide 4", "page 4", "pages 4-5", "line 12". */
  where: string;
  title?: string;
  /** Heading depth (Markdown); 1 for slides and pages. */
  level: number;
  blocks: Block[];
  notes: Block[];
  /** Pictures, charts and diagrams: their content is not read. */
  images: number;
  /** Laid out as a title slide (PowerPoint's title layout, a Markdown deck's only top heading). */
  titleLayout?: boolean;
  /** Hidden slides are left out. */
  hidden?: boolean;
}

export interface SourceDeck {
  /** The file's name as given. */
  file: string;
  format: 'pptx' | 'pdf' | 'markdown';
  pages: Page[];
  /** Title and author the file itself records (PDF info, Markdown front matter), as fallbacks. */
  info: { title?: string; author?: string; date?: string };
  /** What the reader skipped, in words for the report ("page 3: a line repeated on every page ..."). */
  skipped: string[];
}

/** Whitespace of any kind (including no-break and line separators) as single spaces, trimmed. */
export const squash = (s: string): string => s.replace(/[\s\u00a0\u2028\u2029]+/g, ' ').trim();

/** Every text of a block, in reading order. */
export function blockTexts(b: Block): string[] {
  if (b.kind === 'paragraph') return [b.text];
  if (b.kind === 'bullets') return b.items.map((i) => i.text);
  return b.rows.flat();
}
