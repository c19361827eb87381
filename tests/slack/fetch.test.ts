// The Slack clients' fetch: the built-in fetch as it is, plus a time limit for calls without a signal of their own.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWithin } from '../../adapters/slack/fetch.js';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') setTimeout(() => res.writeHead(200).end('{}'), 2000).unref();
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('fetchWithin', () => {
  it('passes ordinary calls to the built-in fetch', async () => {
    const res = await fetchWithin(1000)(`${base}/ok`, { method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('gives up on a call without a signal after the time limit', async () => {
    const started = Date.now();
    await expect(fetchWithin(200)(`${base}/slow`)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("leaves a caller's own signal in charge", async () => {
    const controller = new AbortController();
    const p = fetchWithin(50)(`${base}/slow`, { signal: controller.signal });
    const early = await Promise.race([p.then(() => 'answered', () => 'failed'), new Promise((r) => setTimeout(() => r('still waiting'), 300))]);
    expect(early).toBe('still waiting');
    controller.abort();
    await expect(p).rejects.toThrow();
  });
});
