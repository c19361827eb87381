// Renders neutral Outgoing messages as Telegram Bot API calls (pure), keeping to Telegram's limits.
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { Choice, Outgoing } from '../../src/core/messages.js';

/** Longest message text Telegram accepts. */
export const MAX_TEXT = 4096;
/** Longest photo/document caption. */
export const MAX_CAPTION = 1024;
/** callback_data is 1 to 64 bytes. */
export const MAX_CALLBACK_BYTES = 64;

/**
 * One Bot API call. Texts go out with no parse_mode: Telegram then shows them verbatim, so no
 * character in the content ('_', '*', '<', '&') can make it refuse a message, and nothing needs escaping.
 */
export type TelegramOp =
  | { method: 'sendMessage'; text: string; reply_markup?: InlineKeyboardMarkup }
  /** Edits the message whose button was pressed; without reply_markup its keyboard goes away. */
  | { method: 'editMessageText'; text: string }
  | { method: 'sendPhoto'; photo: Buffer; filename: string; caption?: string }
  | { method: 'sendDocument'; document: Buffer; filename: string; caption?: string };

export class RenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RenderError';
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Cuts one over-long line into pieces of at most `max`, preferring spaces and never halving an emoji. */
function hardSplit(line: string, max: number): string[] {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max; // no usable space: cut mid-word rather than make tiny pieces
    if (cut > 1 && isHighSurrogate(rest.charCodeAt(cut - 1))) cut -= 1;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/**
 * Splits text into messages of at most `max` characters (UTF-16 units, as Telegram counts), at line
 * boundaries where possible. Blank text gives no messages.
 */
export function splitText(text: string, max = MAX_TEXT): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const pieces = line.length > max ? hardSplit(line, max) : [line];
    for (const piece of pieces) {
      const joined = current ? `${current}\n${piece}` : piece;
      if (joined.length <= max) {
        current = joined;
      } else {
        if (current.trim()) chunks.push(current.trimEnd());
        current = piece;
      }
    }
  }
  if (current.trim()) chunks.push(current.trimEnd());
  return chunks;
}

const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * One button per Choice, its value as callback_data. Short labels (Yes / Partly / No / Don't know)
 * go two to a row, long ones one to a row so phones do not cut them off.
 */
export function inlineKeyboard(choices: Choice[]): InlineKeyboardMarkup {
  const buttons: InlineKeyboardButton.CallbackButton[] = choices.map((c) => {
    const size = byteLength(c.value);
    if (size < 1 || size > MAX_CALLBACK_BYTES) {
      throw new RenderError(`A button value must be 1 to ${MAX_CALLBACK_BYTES} bytes, got ${size} for "${c.label}"`);
    }
    return { text: c.label.trim() || c.value, callback_data: c.value };
  });
  const perRow = buttons.every((b) => b.text.length <= 16) ? 2 : 1;
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return { inline_keyboard: rows };
}

/** Cuts a caption to Telegram's limit, marking the cut. */
export function caption(text: string | undefined): string | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  return t.length <= MAX_CAPTION ? t : `${t.slice(0, MAX_CAPTION - 1)}…`;
}

/** File names travel in a multipart header: keep them to one safe line. */
export const safeFilename = (name: string, fallback: string): string =>
  name.replace(/[^\w.\- ]+/g, '_').slice(0, 100).trim() || fallback;

/**
 * Renders a reply. `canEdit`: the reply answers a button press on a message that can be edited;
 * otherwise an 'update' becomes a new message, so the person still sees it.
 */
export function renderTelegram(messages: Outgoing[], opts: { canEdit: boolean }): TelegramOp[] {
  const ops: TelegramOp[] = [];
  let edited = false;
  for (const m of messages) {
    switch (m.kind) {
      case 'text': {
        const chunks = splitText(m.text);
        if (m.choices?.length) {
          // Buttons need a text to sit under; they go under the last piece.
          if (!chunks.length) chunks.push('Choose one:');
          const reply_markup = inlineKeyboard(m.choices);
          chunks.forEach((text, i) => ops.push(i === chunks.length - 1 ? { method: 'sendMessage', text, reply_markup } : { method: 'sendMessage', text }));
        } else {
          for (const text of chunks) ops.push({ method: 'sendMessage', text });
        }
        break;
      }
      case 'update': {
        const [first, ...rest] = splitText(m.text);
        if (!first) break;
        // Only one message carried the pressed button; a second update in the same reply is new text.
        ops.push(opts.canEdit && !edited ? { method: 'editMessageText', text: first } : { method: 'sendMessage', text: first });
        edited ||= opts.canEdit;
        for (const text of rest) ops.push({ method: 'sendMessage', text });
        break;
      }
      case 'image':
        ops.push({ method: 'sendPhoto', photo: m.png, filename: safeFilename(m.filename, 'chart.png'), caption: caption(m.alt) });
        break;
      case 'file':
        ops.push({ method: 'sendDocument', document: m.data, filename: safeFilename(m.filename, 'file.csv'), caption: caption(m.caption) });
        break;
    }
  }
  return ops;
}
