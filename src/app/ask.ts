// `workshop-bot ask`: answers one question, or every line of stdin (--jsonl), from the workshop content.
import { StringDecoder } from 'node:string_decoder';
import { ContentError, defaultContentDir, loadContent } from '../content/load.js';
import { loadSearchIndex } from '../qa/search-index.js';
import { createAnswerer } from '../qa/answer.js';
import { renderAnswer } from '../qa/format.js';
import { CALIBRATION } from '../qa/calibration.js';
import type { Answer, Answerer, Topic } from '../qa/types.js';

export interface AskOptions {
  question?: string;
  json?: boolean;
  jsonl?: boolean;
  contentDir?: string;
  /** Where the index cache lives; default CACHE_DIR, else `<DATA_DIR or ./data>/cache`. */
  cacheDir?: string;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  errorOutput?: NodeJS.WritableStream;
}

/** Longest line kept from stdin; the rest of a longer line is read and dropped (the answerer uses far less). */
const MAX_LINE_CHARS = 64 * 1024;

/** `score` is the answerer's confidence (see Answer.score): it answers from `threshold` up, a decline stays below. */
function toJson(a: Answer): string {
  const threshold = CALIBRATION.answer;
  return JSON.stringify({
    question: a.question,
    answered: a.answered,
    text: a.text,
    sources: a.sources.map((s) => ({ id: s.id, title: s.title })),
    score: a.score,
    threshold,
    suggestions: a.suggestions,
  });
}

const plain = (a: Answer): string => `${renderAnswer(a, '  - ')}\n`;

/** Writes, and (only when the reader is slow) waits for the stream to drain: thousands of answers never pile up. */
function write(out: NodeJS.WritableStream, text: string): Promise<void> | undefined {
  if (out.write(text)) return undefined;
  return new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

/** Yields the lines of a stream (LF or CRLF), each capped at MAX_LINE_CHARS; a final unterminated line counts. */
export async function* readLines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let line = '';
  let dropping = false;
  const take = (piece: string) => {
    if (dropping) return;
    line += piece;
    if (line.length > MAX_LINE_CHARS) {
      line = line.slice(0, MAX_LINE_CHARS);
      dropping = true;
    }
  };
  const finish = () => {
    const done = line.endsWith('\r') ? line.slice(0, -1) : line;
    line = '';
    dropping = false;
    return done;
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      take(text.slice(start, nl));
      yield finish();
      start = nl + 1;
    }
    take(text.slice(start));
  }
  take(decoder.end());
  if (line.length || dropping) yield finish();
}

function loadAnswerer(opts: AskOptions): Answerer {
  const content = loadContent(opts.contentDir ?? defaultContentDir());
  const cacheDir = opts.cacheDir ?? (process.env.CACHE_DIR?.trim() || `${process.env.DATA_DIR?.trim() || 'data'}/cache`);
  return createAnswerer(content, loadSearchIndex(content, cacheDir));
}

/** Runs the ask command; resolves to the process exit code. */
export async function runAsk(opts: AskOptions): Promise<number> {
  const out = opts.output ?? process.stdout;
  const err = opts.errorOutput ?? process.stderr;
  let answerer: Answerer;
  try {
    answerer = loadAnswerer(opts);
  } catch (e) {
    err.write(e instanceof ContentError ? `${e.message}\n` : `Could not load the workshop content: ${(e as Error).message}\n`);
    return 1;
  }
  if (opts.jsonl) {
    // The lines are one conversation: "tell me more" and "and X?" follow the line before.
    let topic: Topic | undefined;
    for await (const line of readLines(opts.input ?? process.stdin)) {
      const a = answerer.answer(line, topic);
      topic = a.topic ?? topic;
      const drained = write(out, `${toJson(a)}\n`);
      if (drained) await drained;
    }
    return 0;
  }
  const a = answerer.answer(opts.question ?? '');
  await write(out, opts.json ? `${toJson(a)}\n` : plain(a));
  return 0;
}
