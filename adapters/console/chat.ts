// The console chat: a conversation on stdin/stdout through the same core the platforms use.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Bot } from '../../src/core/bot.js';
import type { Choice, Incoming, Outgoing } from '../../src/core/messages.js';
import { toJson, type ConsoleInbox } from './inbox.js';

export interface ConsoleChatOptions {
  bot: Bot;
  /** Follow-ups waiting for this person (the console messenger puts them there). */
  inbox: ConsoleInbox;
  userId: string;
  name?: string;
  /** Print every outgoing message as one JSON line of the neutral model. */
  json?: boolean;
  /** Where charts and exports are saved. */
  filesDir: string;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Show a prompt and greeting (a terminal); piped input gets neither. */
  interactive: boolean;
}

/** Runs the chat until the input ends. */
export async function runConsoleChat(o: ConsoleChatOptions): Promise<void> {
  const userKey = `console:${o.userId}`;
  let choices: Choice[] = [];
  let hinted = false;
  const write = (s: string) => o.output.write(s.endsWith('\n') ? s : `${s}\n`);

  const show = (messages: Outgoing[]) => {
    for (const m of messages) {
      if (m.kind === 'text' && m.choices?.length) choices = m.choices;
      if (o.json) {
        write(JSON.stringify(jsonLine(m, o.filesDir)));
        continue;
      }
      write(render(m, o.filesDir));
      // The console has no buttons to tap: say once how to choose.
      if (m.kind === 'text' && m.choices?.length && !hinted) {
        write('(Type the number or the answer.)');
        hinted = true;
      }
    }
  };

  /** Shows follow-ups that arrived for this person (from a trainer, through the console's inbox). */
  const deliverInbox = async (heading?: string) => {
    const waiting = await o.inbox.take(userKey);
    if (!waiting.length) return false;
    if (heading && !o.json) write(`${heading} (${waiting.length} message${waiting.length === 1 ? '' : 's'}):`);
    for (const w of waiting) show(w);
    return true;
  };

  const hadWaiting = await deliverInbox('While you were away');
  const resumed = await o.bot.resume(userKey);
  if (resumed) show(resumed);
  else if (o.interactive && !hadWaiting && !o.json) write('workshop-bot console. Ask a question, or type /help. Ctrl-D to leave.');

  const rl = createInterface({ input: o.input, terminal: false, crlfDelay: Infinity });
  const prompt = () => o.interactive && !o.json && o.output.write('> ');
  prompt();
  // At a terminal, follow-ups that fall due while the chat is open show up on their own.
  const poll = o.interactive
    ? setInterval(() => {
        void deliverInbox()
          .then((shown) => shown && prompt())
          .catch(() => undefined);
      }, INBOX_POLL_MS)
    : undefined;
  for await (const raw of rl) {
    const line = raw.trim();
    if (!line) {
      prompt();
      continue;
    }
    const incoming: Incoming = {
      // --user is the name too unless --name gives one: trainers' exports then say who each row is.
      user: { platform: 'console', id: o.userId, name: o.name ?? o.userId },
      conversation: { id: userKey, type: 'direct' },
      address: { userKey },
    };
    const picked = pickChoice(line, choices);
    if (picked) incoming.action = picked.value;
    else incoming.text = line;
    choices = [];
    show(await o.bot.handle(incoming));
    await deliverInbox();
    prompt();
  }
  clearInterval(poll);
}

const INBOX_POLL_MS = 2000;

/** A numbered line or a label typed in full picks that choice. */
function pickChoice(line: string, choices: Choice[]): Choice | undefined {
  if (!choices.length) return undefined;
  const n = Number(line);
  if (Number.isInteger(n) && n >= 1 && n <= choices.length) return choices[n - 1];
  const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
  return choices.find((c) => norm(c.label) === norm(line));
}

function saveFile(dir: string, filename: string, data: Buffer): string {
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const path = resolve(join(dir, `${stamp}-${filename}`));
  writeFileSync(path, data);
  return path;
}

function render(m: Outgoing, dir: string): string {
  switch (m.kind) {
    case 'text':
      return m.choices?.length ? `${m.text}\n${m.choices.map((c, i) => `  ${i + 1}. ${c.label}`).join('\n')}` : m.text;
    case 'update':
      // The console cannot edit what it printed; echo the choice taken.
      return `  → ${m.text.split('\n').pop()}`;
    case 'image':
      return `[chart: ${m.alt}] saved to ${saveFile(dir, m.filename, m.png)}`;
    case 'file':
      return `${savedAfter(m.caption ?? m.filename)} ${saveFile(dir, m.filename, m.data)}`;
  }
}

/** "Results ... Times in UTC." + " Saved to"; a caption without a full stop gets ": saved to". */
const savedAfter = (caption: string): string => (/[.!?]$/.test(caption) ? `${caption} Saved to` : `${caption}: saved to`);

function jsonLine(m: Outgoing, dir: string): unknown {
  if (m.kind === 'image') return { kind: 'image', alt: m.alt, filename: m.filename, path: saveFile(dir, m.filename, m.png) };
  if (m.kind === 'file') return { kind: 'file', filename: m.filename, mime: m.mime, caption: m.caption, path: saveFile(dir, m.filename, m.data) };
  return toJson([m])[0];
}
