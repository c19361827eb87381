// Reading a node route's JSON body (adapters/kit/node-http.ts) on a real node:http server.
import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonBody, sendJson, type JsonBody } from '../../adapters/kit/node-http.js';

let server: Server;
let base: string;
/** What readJsonBody gave for each request, in order. */
const read: JsonBody[] = [];
let nextRead: (() => void) | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    void readJsonBody(req, 1024).then((body) => {
      read.push(body);
      nextRead?.();
      if (!res.destroyed) sendJson(res, body.ok ? 200 : body.status, body.ok ? { got: body.value } : { error: body.error });
    });
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const post = async (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => {
  const res = await fetch(base, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('readJsonBody', () => {
  it('parses JSON, with a charset or a +json type', async () => {
    expect(await post('{"a":[1,2]}')).toEqual({ status: 200, body: { got: { a: [1, 2] } } });
    expect(await post('{"a":1}', { 'content-type': 'application/json; charset=utf-8' })).toEqual({ status: 200, body: { got: { a: 1 } } });
    expect((await post('{"a":1}', { 'content-type': 'application/vnd.x+json' })).status).toBe(200);
  });

  it('refuses what is not JSON, another media type, a compressed body and one over the limit', async () => {
    expect((await post('{"a":')).status).toBe(400);
    expect((await post('a=1', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post('{}', { 'content-type': 'application/json', 'content-encoding': 'gzip' })).status).toBe(415);
    expect((await post(`"${'x'.repeat(2000)}"`)).status).toBe(413);
  });

  it('settles as unreadable when the caller goes away before the body ends', async () => {
    const settled = new Promise<void>((resolve) => (nextRead = resolve));
    const req = request(base, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '500' } });
    req.on('error', () => undefined);
    req.write('{"update_id": 1, "pad": "');
    await new Promise((resolve) => setTimeout(resolve, 50));
    req.destroy();
    await settled;
    expect(read.at(-1)).toEqual({ ok: false, status: 400, error: 'the body could not be read' });
  });
});
