// The server's request listener: the Telegram webhook answered straight from node:http (a node route), everything
// else by express, and what every request gets either way (its id, the body limit, a 404, a 500 without a stack).
import { once } from 'node:events';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestListener, MAX_BODY_BYTES, type RunningServer } from '../../src/app/server.js';
import type { NodeRoute } from '../../src/core/adapter.js';
import { FakeTelegramApi, privateText, TEST_TOKEN, webhookReplyIn } from '../../fakes/telegram-api.js';
import { fixtureEnv } from '../cli.js';
import { startTestServer } from '../server.js';

const SECRET = 'server-secret_0123456789';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** What a stack trace or a framework's error page would look like. */
const LEAK = /\bat \S+ \(|node_modules|<!DOCTYPE|<html|Error:/;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The local port of the connection it came on: the same port twice means the same kept-alive socket. */
  port: number;
}

/** One request over `agent` (one kept-alive socket), the body written in `chunks` (chunked, no content-length). */
function send(base: string, path: string, opts: { method?: string; headers?: Record<string, string>; chunks?: (string | Buffer)[]; agent?: Agent } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: opts.method ?? 'POST', headers: opts.headers, agent: opts.agent }, (res) => {
      let body = '';
      // Read now: a kept-alive socket is handed back to the agent (and off the response) once the body ends.
      const port = (res.socket.address() as AddressInfo).port;
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, port }));
    });
    req.on('error', reject);
    for (const c of opts.chunks ?? []) req.write(c);
    req.end();
  });
}

const json = { 'content-type': 'application/json' };
const secret = { 'x-telegram-bot-api-secret-token': SECRET };

describe('the server with a Telegram webhook', () => {
  let api: FakeTelegramApi;
  let server: RunningServer;

  beforeAll(async () => {
    api = await FakeTelegramApi.start();
    server = await startTestServer({ ...fixtureEnv(), TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.url, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_BOT_USERNAME: 'WorkshopTestBot' });
  });
  afterAll(async () => {
    await server?.close();
    await api?.close();
  });

  const post = (body: string, headers: Record<string, string> = { ...json, ...secret }, path = '/telegram/webhook') => send(server.url, path, { headers, chunks: [body] });

  it('serves the webhook from a node route: the adapter offers it there and no express routes', () => {
    const telegram = server.adapters.find((a) => a.platform === 'telegram')!;
    expect(telegram.routes).toBeUndefined();
    expect(telegram.nodeRoutes?.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /telegram/webhook']);
  });

  it('answers a question in the webhook response, with the request id it was given', async () => {
    const r = await post(JSON.stringify(privateText('What are the 3Ms of a digital utility?')), { ...json, ...secret, 'x-request-id': 'tg-req.42' });
    expect(r.status).toBe(200);
    expect(r.headers['x-request-id']).toBe('tg-req.42');
    expect(webhookReplyIn(String(r.headers['content-type']), r.body)).toMatchObject({ method: 'sendMessage', text: expect.stringMatching(/./) });
  });

  it('makes up a request id when none or a malformed one is given, on the node route and on express alike', async () => {
    for (const path of ['/telegram/webhook', '/healthz']) {
      const method = path === '/healthz' ? 'GET' : 'POST';
      const none = await send(server.url, path, { method, headers: json, chunks: method === 'POST' ? ['{}'] : [] });
      expect(String(none.headers['x-request-id']), path).toMatch(UUID);
      const bad = await send(server.url, path, { method, headers: { ...json, 'x-request-id': 'has spaces; and more' }, chunks: method === 'POST' ? ['{}'] : [] });
      expect(String(bad.headers['x-request-id']), path).toMatch(UUID);
    }
  });

  it('refuses a missing or wrong secret with 401 before reading the body, and handles nothing', async () => {
    const before = api.calls.length;
    for (const headers of [json, { ...json, 'x-telegram-bot-api-secret-token': 'wrong-secret_0123456789' }]) {
      const r = await post(JSON.stringify(privateText('hi')), headers);
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body)).toEqual({ error: 'unauthorized' });
      expect(r.headers['x-request-id']).toMatch(UUID);
    }
    expect(api.calls.length).toBe(before);
  });

  it('refuses a body that is not JSON with 400, one that is not an update with 400, another media type with 415: short JSON, no stack', async () => {
    const cases: [string, Record<string, string>, number][] = [
      ['{"update_id": 1, "message": ', { ...json, ...secret }, 400],
      ['{"update_id": "x"}', { ...json, ...secret }, 400],
      ['[1, 2]', { ...json, ...secret }, 400],
      ['update_id=1', { 'content-type': 'application/x-www-form-urlencoded', ...secret }, 415],
      ['{"update_id": 1}', { ...json, ...secret, 'content-encoding': 'gzip' }, 415],
    ];
    for (const [body, headers, status] of cases) {
      const r = await post(body, headers);
      expect(r.status, body).toBe(status);
      expect(r.headers['content-type'], body).toMatch(/^application\/json/);
      expect(r.body, body).not.toMatch(LEAK);
    }
  });

  it('refuses a body declared over the limit with 413, and one streamed over it (no length given) with 413, then serves the same connection', async () => {
    const declared = await fetch(`${server.url}/telegram/webhook`, { method: 'POST', headers: { ...json, ...secret }, body: `{"update_id":1,"pad":"${'x'.repeat(MAX_BODY_BYTES)}"}` });
    expect(declared.status).toBe(413);

    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const chunks = [Buffer.from('{"update_id":1,"pad":"'), ...Array.from<Buffer>({ length: Math.ceil(MAX_BODY_BYTES / chunk.length) + 2 }).fill(chunk), Buffer.from('"}')];
      const streamed = await send(server.url, '/telegram/webhook', { headers: { ...json, ...secret }, chunks, agent });
      expect(streamed.status).toBe(413);
      expect(streamed.body).not.toMatch(LEAK);
      // The refused body's unread rest was drained: the kept-alive socket answers the next request.
      const next = await send(server.url, '/healthz', { method: 'GET', agent });
      expect(next.status).toBe(200);
      expect(next.port).toBe(streamed.port);
    } finally {
      agent.destroy();
    }
  });

  it('routes as express did (a trailing slash, a query string, any case) and gives other methods and paths a 404', async () => {
    for (const path of ['/telegram/webhook/', '/telegram/webhook?x=1', '/Telegram/Webhook']) {
      expect((await post('{}', json, path)).status, path).toBe(401);
    }
    const get = await send(server.url, '/telegram/webhook', { method: 'GET' });
    expect(get.status).toBe(404);
    expect(JSON.parse(get.body)).toEqual({ error: 'not found' });
    const elsewhere = await post('{}', { ...json, ...secret }, '/telegram/webhook/extra');
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.headers['x-request-id']).toMatch(UUID);
  });

  it('handles a redelivered update once', async () => {
    const update = privateText('What are the 3Ms of a digital utility?', { id: 7401, first_name: 'Ana' });
    const first = await post(JSON.stringify(update));
    const again = await post(JSON.stringify(update));
    expect(first.status).toBe(200);
    expect(webhookReplyIn(String(first.headers['content-type']), first.body)).toMatchObject({ method: 'sendMessage', chat_id: 7401 });
    expect(again.status).toBe(200);
    expect(again.body).toBe('');
  });
});

describe('a node route that fails', () => {
  let server: Server;
  let base: string;
  const logged: { level: number; msg: string }[] = [];

  beforeAll(async () => {
    const failing: NodeRoute = {
      method: 'POST',
      path: '/boom',
      handle: () => Promise.reject(new Error('the handler failed at /secret/place')),
    };
    const logger = pino({ level: 'info' }, { write: (line: string) => logged.push(JSON.parse(line) as { level: number; msg: string }) });
    const listener = createRequestListener({ nodeRoutes: [failing], fallback: (_req, res) => res.writeHead(404).end(), logger });
    server = createServer(listener).listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('is answered 500 with a short JSON error, no stack, and logged as failed', async () => {
    const r = await send(base, '/boom', { headers: { ...json, 'x-request-id': 'boom-1' }, chunks: ['{}'] });
    expect(r.status).toBe(500);
    expect(JSON.parse(r.body)).toEqual({ error: 'internal error' });
    expect(r.headers['x-request-id']).toBe('boom-1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(logged.filter((l) => l.msg === 'request failed').length).toBeGreaterThanOrEqual(1);
  });
});
