// Graceful shutdown of `workshop-bot serve` (the real CLI, as a child process): on SIGTERM a request in flight
// is finished, new connections are refused, and the process exits 0.
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from '../cli.js';
import { privateText, TEST_TOKEN } from '../../fakes/telegram-api.js';

const SECRET = 'shutdown-secret_1';

/** A Telegram Bot API stand-in that holds every sendMessage until told to answer (a slow platform). */
class HeldTelegram {
  readonly held: { body: string; res: ServerResponse }[] = [];
  private waiters: (() => void)[] = [];
  url = '';
  private server!: Server;

  async start(): Promise<this> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        if (!req.url?.endsWith('/sendMessage')) return void res.end(JSON.stringify({ ok: true, result: true }));
        this.held.push({ body, res });
        for (const w of this.waiters.splice(0)) w();
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async nextHeld(): Promise<void> {
    if (this.held.length) return;
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  releaseAll(): void {
    for (const { body, res } of this.held.splice(0)) {
      const chat = JSON.parse(body).chat_id as number;
      res.end(JSON.stringify({ ok: true, result: { message_id: 1, date: 1, chat: { id: chat, type: 'private' }, text: 'ok' } }));
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Resolves with 'refused' or 'accepted' for one new TCP connection to the port. */
function tryConnect(port: number): Promise<'refused' | 'accepted'> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('accepted');
    });
    socket.once('error', () => resolve('refused'));
  });
}

let telegram: HeldTelegram | undefined;
afterAll(async () => {
  await telegram?.close();
});

describe('workshop-bot serve on SIGTERM', () => {
  it('finishes the request in flight, refuses new connections, and exits 0', async () => {
    telegram = await new HeldTelegram().start();
    const dir = mkdtempSync(join(tmpdir(), 'wb-shutdown-'));
    const child = startCli(['serve'], {
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        DATA_DIR: dir,
        DATABASE_URL: `sqlite:${join(dir, 'bot.db')}`,
        TZ: 'UTC',
        TELEGRAM_BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_API_ROOT: telegram.url,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_BOT_USERNAME: 'WorkshopTestBot',
      },
    });
    let logs = '';
    child.stdout!.on('data', (c: Buffer) => (logs += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (logs += c.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

    // The server logs its port once it listens.
    let port = 0;
    while (!port) {
      if (child.exitCode !== null) throw new Error(`serve exited early:\n${logs}`);
      port = Number(/"port":(\d+)[^\n]*workshop-bot serving/.exec(logs)?.[1] ?? 0);
      if (!port) await once(child.stderr!, 'data');
    }

    // A reply the platform is slow to take (a quiz's first message; the bot sends it itself, the question
    // goes back in the webhook response): the webhook request stays in flight.
    const inFlight = fetch(`http://127.0.0.1:${port}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(privateText('/quiz')),
    });
    await telegram.nextHeld();

    child.kill('SIGTERM');
    // Soon no new connection is accepted, while the request in flight is still held.
    let attempts = 0;
    while ((await tryConnect(port)) === 'accepted') {
      if (++attempts > 200) throw new Error('the server kept accepting connections after SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(child.exitCode).toBeNull();

    telegram.releaseAll();
    const res = await inFlight;
    expect(res.status).toBe(200);
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(logs).toContain('shutting down');
  }, 60_000);
});
