// A fake Telegram Bot API for the follow-up benchmark: enforces a rate limit the way a strict platform would
// (at most `perSecond` accepted sends in any one-second window, else 429 with retry_after), adds a few random
// 429s, and counts accepted messages per chat id (to find lost and duplicated follow-ups).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { prng } from './questions.js';

export class RateLimitedTelegram {
  /** Accepted sendMessage calls per chat id. */
  readonly delivered = new Map<string, number>();
  /** Times of accepted sends (ms, performance.now()). */
  readonly acceptedAt: number[] = [];
  limited = 0;
  randomLimited = 0;
  url = '';
  private server!: Server;
  private readonly window: number[] = [];
  private readonly random: () => number;

  constructor(
    private readonly token: string,
    private readonly perSecond = 30,
    /** Chance that any send gets a 429 even under the limit. */
    private readonly randomRate = 0,
  ) {
    this.random = prng(9);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const [status, payload, headers] = this.answer(req.url ?? '', Buffer.concat(chunks).toString('utf8'));
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(url: string, raw: string): [number, unknown, Record<string, string>] {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(url);
    if (!m || m[1] !== this.token) return [404, { ok: false, error_code: 404, description: 'Not Found' }, {}];
    const method = m[2];
    if (method !== 'sendMessage') return [200, { ok: true, result: true }, {}];
    const body = JSON.parse(raw || '{}') as { chat_id?: number | string; text?: string };
    const now = performance.now();
    while (this.window.length && this.window[0]! <= now - 1000) this.window.shift();
    const overLimit = this.window.length >= this.perSecond;
    const unlucky = !overLimit && this.random() < this.randomRate;
    if (overLimit || unlucky) {
      if (overLimit) this.limited++;
      else this.randomLimited++;
      const retryAfter = 1;
      return [429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } }, { 'retry-after': String(retryAfter) }];
    }
    this.window.push(now);
    this.acceptedAt.push(now);
    const chat = String(body.chat_id);
    this.delivered.set(chat, (this.delivered.get(chat) ?? 0) + 1);
    const id = this.acceptedAt.length;
    return [200, { ok: true, result: { message_id: id, chat: { id: Number(chat), type: 'private' }, date: Math.floor(Date.now() / 1000), text: body.text } }, {}];
  }
}
