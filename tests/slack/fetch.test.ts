// The Slack Web API client's fetch (undici.request for plain calls, the built-in fetch for uploads), against a local server.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackFetch } from '../../adapters/slack/fetch.js';

interface Seen {
  method?: string;
  contentType?: string;
  body: string;
}

let server: Server;
let base = '';
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method, contentType: req.headers['content-type'], body });
      if (req.url === '/limited') {
        res.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' }).end('{"ok":false,"error":"ratelimited"}');
      } else if (req.url === '/empty') {
        res.writeHead(204).end();
      } else if (req.url === '/slow') {
        setTimeout(() => res.writeHead(200).end('{}'), 2000);
      } else {
        res.setHeader('set-cookie', ['a=1', 'b=2']);
        res.writeHead(200, { 'content-type': 'application/json', 'x-oauth-scopes': 'chat:write,im:history' }).end('{"ok":true,"ts":"1.2"}');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('slackFetch', () => {
  it('posts a form body and returns status, headers and body as fetch would', async () => {
    const res = await slackFetch(`${base}/chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer xoxb-test' },
      body: 'channel=D1&text=hello%20there',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-oauth-scopes')).toBe('chat:write,im:history');
    expect(res.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(await res.json()).toEqual({ ok: true, ts: '1.2' });
    expect(seen.at(-1)).toEqual({ method: 'POST', contentType: 'application/x-www-form-urlencoded', body: 'channel=D1&text=hello%20there' });
  });

  it('passes a 429 through with its Retry-After, and a 204 without a body', async () => {
    const limited = await slackFetch(`${base}/limited`, { method: 'POST', body: 'x=1' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    const empty = await slackFetch(`${base}/empty`, { method: 'POST', body: '' });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
  });

  it('sends a FormData upload through the built-in fetch, as multipart', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1, 2, 3])]), 'a.bin');
    const res = await slackFetch(`${base}/upload`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(seen.at(-1)?.contentType).toMatch(/^multipart\/form-data; boundary=/);
  });

  it('gives up when the signal times out', async () => {
    await expect(slackFetch(`${base}/slow`, { method: 'POST', body: 'x=1', signal: AbortSignal.timeout(100) })).rejects.toThrow();
  });
});
