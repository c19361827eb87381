// Rendering neutral replies for Telegram: plain text that nothing can break, splitting at 4096, inline keyboards.
import { describe, expect, it } from 'vitest';
import { inlineKeyboard, MAX_TEXT, RenderError, renderTelegram, splitText } from '../../adapters/telegram/render.js';
import { text } from '../../src/core/messages.js';

const readiness = [
  { label: 'Yes', value: 'r:s1:0:yes' },
  { label: 'Partly', value: 'r:s1:0:partly' },
  { label: 'No', value: 'r:s1:0:no' },
  { label: "Don't know", value: 'r:s1:0:unknown' },
];

describe('text', () => {
  it('sends content verbatim with no parse_mode, so _ * < & never make Telegram refuse it', () => {
    const content = 'Use snake_case <b>not</b> *this* & that_one [1](x)';
    const [op] = renderTelegram([text(content)], { canEdit: false });
    expect(op).toEqual({ method: 'sendMessage', text: content });
    expect(op).not.toHaveProperty('parse_mode');
  });

  it('keeps a short text in one message', () => {
    expect(splitText('one\ntwo')).toEqual(['one\ntwo']);
  });

  it('splits long replies at line boundaries, each piece within 4096 characters', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `Line ${i}: ${'x'.repeat(20)}`);
    const chunks = splitText(lines.join('\n'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(MAX_TEXT);
    // Nothing lost, nothing cut mid-line.
    expect(chunks.join('\n')).toBe(lines.join('\n'));
    for (const c of chunks) expect(c.split('\n').every((l) => lines.includes(l))).toBe(true);
  });

  it('cuts a single over-long line at a space, and never halves an emoji', () => {
    const words = Array.from({ length: 1000 }, () => 'word').join(' ');
    for (const c of splitText(words)) {
      expect(c.length).toBeLessThanOrEqual(MAX_TEXT);
      expect(c.startsWith('word')).toBe(true);
      expect(c.endsWith('word')).toBe(true);
    }
    const emoji = '😀'.repeat(3000); // 6000 UTF-16 units, no spaces
    const pieces = splitText(emoji);
    expect(pieces.join('')).toBe(emoji);
    for (const p of pieces) expect(p.length % 2).toBe(0);
  });

  it('sends nothing for blank text', () => {
    expect(renderTelegram([text('  \n ')], { canEdit: false })).toEqual([]);
  });
});

describe('keyboards', () => {
  it('puts each choice on a button with its value as callback_data, short labels two to a row', () => {
    expect(inlineKeyboard(readiness)).toEqual({
      inline_keyboard: [
        [
          { text: 'Yes', callback_data: 'r:s1:0:yes' },
          { text: 'Partly', callback_data: 'r:s1:0:partly' },
        ],
        [
          { text: 'No', callback_data: 'r:s1:0:no' },
          { text: "Don't know", callback_data: 'r:s1:0:unknown' },
        ],
      ],
    });
  });

  it('gives long labels a row each', () => {
    const kb = inlineKeyboard([
      { label: 'A national digital strategy with a budget', value: 'q:1:0:a' },
      { label: 'A data protection authority', value: 'q:1:0:b' },
    ]);
    expect(kb.inline_keyboard.map((r) => r.length)).toEqual([1, 1]);
  });

  it('refuses callback_data over 64 bytes (counting bytes, not characters)', () => {
    expect(() => inlineKeyboard([{ label: 'x', value: 'é'.repeat(33) }])).toThrow(RenderError);
    expect(() => inlineKeyboard([{ label: 'x', value: 'a'.repeat(64) }])).not.toThrow();
  });

  it('puts the buttons under the last piece of a long question', () => {
    const ops = renderTelegram([text('x\n'.repeat(3000), readiness)], { canEdit: false });
    expect(ops.length).toBe(2);
    expect(ops[0]).not.toHaveProperty('reply_markup');
    expect(ops[1]).toHaveProperty('reply_markup');
  });
});

describe('updates, images and files', () => {
  it('edits the pressed message when there is one, else sends the update as a new message', () => {
    expect(renderTelegram([{ kind: 'update', text: 'Q1: Yes' }], { canEdit: true })).toEqual([{ method: 'editMessageText', text: 'Q1: Yes' }]);
    expect(renderTelegram([{ kind: 'update', text: 'Q1: Yes' }], { canEdit: false })).toEqual([{ method: 'sendMessage', text: 'Q1: Yes' }]);
  });

  it('sends a chart as a photo and a CSV as a document, with safe file names and short captions', () => {
    const png = Buffer.from([0x89, 0x50]);
    const ops = renderTelegram(
      [
        { kind: 'image', png, alt: 'Readiness: 6/6', filename: 'readiness.png' },
        { kind: 'file', data: Buffer.from('a,b'), filename: 'results\r\n"evil".csv', mime: 'text/csv', caption: 'c'.repeat(2000) },
      ],
      { canEdit: false },
    );
    expect(ops[0]).toEqual({ method: 'sendPhoto', photo: png, filename: 'readiness.png', caption: 'Readiness: 6/6' });
    expect(ops[1]).toMatchObject({ method: 'sendDocument', filename: 'results_evil_.csv' });
    expect((ops[1] as { caption: string }).caption.length).toBe(1024);
  });
});
