// Reads Markdown with markdown-it: each heading starts a part; paragraphs, lists and tables under it are its text.
import MarkdownIt, { type Token } from 'markdown-it';
import type { Block, Page, SourceDeck } from './model.js';

const md = new MarkdownIt({ html: true, linkify: false });

/** A leading `---` block of `key: value` lines (Marp, Jekyll, Pandoc decks). */
function frontMatter(text: string): { body: string; lines: number; fields: Record<string, string> } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { body: text, lines: 0, fields: {} };
  const fields: Record<string, string> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z][\w-]*)\s*:\s*(.+)$/.exec(line);
    if (kv) fields[kv[1]!.toLowerCase()] = kv[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return { body: text.slice(m[0].length), lines: m[0].split('\n').length - 1, fields };
}

/** The words of an inline token: text and code as written, line breaks as spaces; pictures are counted. */
function inlineText(token: Token | undefined, page: Page): string {
  let out = '';
  for (const c of token?.children ?? []) {
    if (c.type === 'text' || c.type === 'code_inline') out += c.content;
    else if (c.type === 'softbreak') out += ' ';
    else if (c.type === 'hardbreak') out += '\n';
    else if (c.type === 'image') page.images++;
  }
  return out.trim();
}

export function readMarkdown(file: string, text: string): SourceDeck {
  const { body, lines: offset, fields } = frontMatter(text.replace(/^\uFEFF/, ''));
  const tokens = md.parse(body, {});
  const h1s = tokens.filter((t) => t.type === 'heading_open' && t.tag === 'h1').length;
  const firstHeading = tokens.find((t) => t.type === 'heading_open');
  const pages: Page[] = [];
  const skipped: string[] = [];
  const line = (t: Token) => (t.map ? t.map[0] + 1 + offset : offset + 1);
  const newPage = (t: Token, title?: string, level = 1): Page => {
    const p: Page = { where: `line ${line(t)}`, title, level, blocks: [], notes: [], images: 0 };
    pages.push(p);
    return p;
  };
  let page: Page | undefined;
  let depth = 0;
  let itemOpen = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const cur = (page ??= newPage(t));
    switch (t.type) {
      case 'heading_open': {
        const level = Number(t.tag.slice(1));
        page = newPage(t, undefined, level);
        page.title = inlineText(tokens[i + 1], page) || undefined;
        // A deck whose one top heading comes first: that heading and what follows it are the title slide.
        page.titleLayout = level === 1 && h1s === 1 && t === firstHeading;
        i += 2;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        if (depth++ === 0) cur.blocks.push({ kind: 'bullets', items: [] });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        depth--;
        break;
      case 'list_item_open':
        itemOpen = true;
        break;
      case 'paragraph_open': {
        const text = inlineText(tokens[i + 1], cur);
        i += 2;
        if (!text) break;
        const list = cur.blocks.at(-1);
        if (depth > 0 && list?.kind === 'bullets') {
          // A second paragraph in one item belongs to that item.
          if (itemOpen || !list.items.length) list.items.push({ text, level: depth - 1 });
          else list.items.at(-1)!.text += ` ${text}`;
          itemOpen = false;
        } else cur.blocks.push({ kind: 'paragraph', text });
        break;
      }
      case 'table_open':
        cur.blocks.push({ kind: 'table', rows: [] });
        break;
      case 'tr_open':
        (cur.blocks.at(-1) as Extract<Block, { kind: 'table' }>).rows.push([]);
        break;
      case 'inline': {
        const table = cur.blocks.at(-1);
        if (table?.kind === 'table' && ['th_open', 'td_open'].includes(tokens[i - 1]!.type)) table.rows.at(-1)!.push(inlineText(t, cur));
        break;
      }
      case 'fence':
      case 'code_block':
        skipped.push(`${file} line ${line(t)}: a code block`);
        break;
      case 'html_block':
        if (!/^\s*<!--[\s\S]*-->\s*$/.test(t.content)) skipped.push(`${file} line ${line(t)}: raw HTML`);
        break;
    }
  }
  return {
    file,
    format: 'markdown',
    pages: pages.filter((p) => p.title || p.blocks.length),
    info: { title: fields.title, author: fields.author ?? fields.presenter, date: fields.date },
    skipped,
  };
}
