// What an adapter's raw node:http route (NodeRoute, src/core/adapter.ts) needs and express would otherwise give:
// reading a JSON body within a size limit, and short JSON answers.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The body as parsed JSON, or the 4xx to answer and why. */
export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; error: string };

/**
 * Reads a request's JSON body, as express.json() would: at most `limit` bytes (a body that says or turns out
 * to be longer is a 413; the rest is left unread for the server to drain), `application/json` only (415 for
 * another media type or a compressed body, 400 for none), and JSON that does not parse is a 400. Never rejects.
 */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<JsonBody> {
  const type = req.headers['content-type'];
  if (type === undefined) return Promise.resolve({ ok: false, status: 400, error: 'expected a JSON body' });
  if (!isJson(type)) return Promise.resolve({ ok: false, status: 415, error: 'expected application/json' });
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return Promise.resolve({ ok: false, status: 415, error: 'unsupported content encoding' });
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.resolve({ ok: false, status: 413, error: 'request body too large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (result: JsonBody) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        // Stop collecting; the server reads and drops the rest once the 413 is sent, so keep-alive still works.
        req.pause();
        finish({ ok: false, status: 413, error: 'request body too large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, length).toString('utf8');
      try {
        finish({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        // A parse error's message quotes the body: it goes nowhere.
        finish({ ok: false, status: 400, error: 'the body is not JSON' });
      }
    };
    const onError = () => finish({ ok: false, status: 400, error: 'the body could not be read' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** `application/json` or a `+json` type, any parameters (charset) after it. */
function isJson(contentType: string): boolean {
  const semi = contentType.indexOf(';');
  const type = (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/** Answers with `body` as JSON (an already serialised string is sent as it is). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}
