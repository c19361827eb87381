// Hostile input through `ask --jsonl`: every line gets exactly one valid JSON answer, in order; nothing throws.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runAsk } from '../../src/app/ask.js';
import { defaultContentDir } from '../../src/content/load.js';
import { workshop } from './helpers.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cacheDir = mkdtempSync(join(tmpdir(), 'ask-cache-'));

/** 500 questions nobody should send: lunr syntax, huge strings, emoji, control characters, other scripts. */
function hostileQuestions(): string[] {
  const fixed = [
    '', ' ', '\t', 'title:foo', 'a:b:c', 'foo~2', 'x^10', '*', '+cyber -security', '-', '+', ':', '~', '^', '~~~^^^***',
    'text:cybersecurity^100 keywords:*', '"unterminated', '\\', '\u0000\u0001\u0002', '\u001b[31mred\u001b[0m', '\u200b\u200b',
    '😀😀😀', '🇵🇬 PNG?', 'سلام عليكم', 'Привет, как дела?', '日本の政府は何ですか', 'नमस्ते', '\ud800', 'a\ud800b',
    'x'.repeat(20_000), 'cybersecurity '.repeat(2000), '😀'.repeat(5000), 'supercalifragilistic'.repeat(100),
    '<script>alert(1)</script>', "'; DROP TABLE answers; --", '${process.exit(1)}', '__proto__', 'constructor', 'toString',
    'hasOwnProperty', '{"q":"json"}', 'null', 'undefined', 'NaN', '0', '-1', '1e309', '4.13.', '....', '....4.13',
  ];
  const generated = fc.sample(
    fc.oneof(
      fc.string({ maxLength: 200, unit: 'binary' }),
      fc.string({ maxLength: 60, unit: fc.constantFrom(':', '~', '^', '*', '+', '-', ' ', 'a', 'e', '1', '.', '"', '\\') }),
      fc.string({ maxLength: 40, unit: 'grapheme' }),
      fc.array(fc.constantFrom('data', 'government', 'cyber', 'security', 'how', 'many', '3As', 'WoG', ':', '^2', '~1'), { maxLength: 30 }).map((w) => w.join(' ')),
    ),
    { numRuns: 500 - fixed.length, seed: 42 },
  );
  // Lines cannot hold a newline; a lone CR inside a line is still hostile and allowed.
  return [...fixed, ...generated].map((q) => q.replace(/\n/g, ' '));
}

async function askLines(input: string | Buffer[]): Promise<string[]> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  const code = await runAsk({ jsonl: true, input: Readable.from(typeof input === 'string' ? [input] : input), output, cacheDir });
  expect(code).toBe(0);
  return Buffer.concat(chunks).toString('utf8').split('\n').slice(0, -1);
}

describe('hostile input', () => {
  it('answers 500 hostile questions with exactly one valid JSON line each, in order', async () => {
    const qs = hostileQuestions();
    expect(qs).toHaveLength(500);
    const lines = await askLines(`${qs.join('\r\n')}\r\n`);
    expect(lines).toHaveLength(500);
    lines.forEach((line, i) => {
      const a = JSON.parse(line) as { question: string; answered: boolean; text: string; sources: unknown[]; score: number };
      expect(typeof a.answered).toBe('boolean');
      expect(a.text.length).toBeGreaterThan(0);
      expect(a.text.length).toBeLessThanOrEqual(600);
      expect(Array.isArray(a.sources)).toBe(true);
      expect(Number.isFinite(a.score)).toBe(true);
      // Same order: each answer echoes its own question (as far as the line reader keeps it).
      expect(qs[i]!.startsWith(a.question.replace(/\uFFFD/g, '')) || a.question.includes('\uFFFD')).toBe(true);
    });
    // Meaningless lines are declined, not answered with something unrelated.
    for (const i of [0, 1, 2, 4, 5, 6, 7, 9, 13, 14, 17, 18, 20, 21, 23, 24, 25, 26, 27]) expect(JSON.parse(lines[i]!).answered, qs[i]).toBe(false);
  });

  it('keeps blank lines, a last line without a newline, and multi-byte characters split across chunks', async () => {
    const text = 'What are the 3As?\n\n\r\n📊 How many countries have cybersecurity laws?';
    const bytes = Buffer.from(text, 'utf8');
    // Split inside the 4-byte emoji and between \r and \n.
    const cut1 = bytes.indexOf(0xf0) + 2;
    const lines = await askLines([bytes.subarray(0, 20), bytes.subarray(20, cut1), bytes.subarray(cut1)]);
    expect(lines).toHaveLength(4);
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed[0].answered).toBe(true);
    expect(parsed[1]).toMatchObject({ question: '', answered: false });
    expect(parsed[2]).toMatchObject({ question: '', answered: false });
    expect(parsed[3].question).toBe('📊 How many countries have cybersecurity laws?');
    expect(parsed[3].text).toContain('153');
  });

  it('never throws from the answerer itself, whatever it is given', () => {
    const { answerer } = workshop(defaultContentDir({}));
    for (const q of hostileQuestions()) {
      const a = answerer.answer(q);
      expect(a.text.length).toBeLessThanOrEqual(600);
      expect(a.suggestions.length).toBeLessThanOrEqual(3);
    }
    expect(answerer.answer(undefined as unknown as string).answered).toBe(false);
  });

  it('prints the answer, or the decline with suggestions, for one question', async () => {
    const run = async (question: string, json = false) => {
      const output = new PassThrough();
      let out = '';
      output.on('data', (c: Buffer) => (out += c.toString()));
      expect(await runAsk({ question, json, output, cacheDir })).toBe(0);
      return out;
    };
    expect(await run('Who gave the presentation?')).toContain('Keping Yao');
    const declined = await run('What is the capital of France?');
    expect(declined).toMatch(/sorry/i);
    expect(declined).toContain('You could ask:');
    const json = JSON.parse(await run('What are the 3Ds?', true));
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['question', 'answered', 'text', 'sources', 'score']));
    expect(json.sources[0]).toHaveProperty('title');
  });

  it('reports a broken content folder without a stack trace', async () => {
    const output = new PassThrough();
    const errorOutput = new PassThrough();
    let err = '';
    errorOutput.on('data', (c: Buffer) => (err += c.toString()));
    const code = await runAsk({ question: 'hi', output, errorOutput, contentDir: mkdtempSync(join(tmpdir(), 'empty-')), cacheDir });
    expect(code).toBe(1);
    expect(err).toContain('meta.json: missing');
    expect(err).not.toMatch(/\n\s+at /);
  });
});
