// A local fake of the Slack Web API (and file upload URLs, response_urls) that records every call.
//
// Usage:
//   const slack = await new FakeSlackApi().start();
//   new WebClient(token, { slackApiUrl: slack.url });        // slack.url ends in '/api/'
//   slack.callsTo('chat.postMessage'); await slack.waitFor((calls) => calls.length > 2);
//   slack.failNext('chat.postMessage', { status: 429, retryAfter: 3 });
//   slack.failNext('conversations.open', { error: 'user_not_found' });
//   slack.hang('chat.postMessage');                           // accepted, never answered (a dead upstream)
//   slack.profiles.set('U1', { display_name: 'Mere', real_name: 'Mere Tavita' });   // what users.info says
//   await slack.close();
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';

export interface SlackApiCall {
  /** Web API method ('chat.postMessage'), 'upload' for a file upload URL, 'response_url' for respond(). */
  method: string;
  path: string;
  /** Form or JSON fields; JSON-looking form values (blocks, view, files) are decoded. */
  body: Record<string, unknown>;
  /** The raw bytes, for uploads. */
  raw: Buffer;
  /** The bearer token sent, if any (so tests can check which token a call used). */
  token?: string;
  /** What the fake answered (e.g. the `ts` of a posted message). */
  response?: Record<string, unknown>;
}

export interface FailureSpec {
  /** HTTP status to answer with (429 adds Retry-After). Default 200 with `ok: false` when `error` is set. */
  status?: number;
  /** Slack error string for an `ok: false` answer, e.g. 'channel_not_found'. */
  error?: string;
  /** Seconds, sent as Retry-After with status 429. */
  retryAfter?: number;
  /** How many calls to fail (default 1). */
  times?: number;
}

export interface FakeSlackOptions {
  teamId?: string;
  botUserId?: string;
  botId?: string;
}

export class FakeSlackApi {
  readonly calls: SlackApiCall[] = [];
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  /** Base URL of the Web API, ending in '/api/' (what WebClient's slackApiUrl wants). */
  url = '';
  /** Base URL of the server itself (no trailing slash), e.g. for response_url: `${origin}/respond/1`. */
  origin = '';
  private server?: Server;
  private readonly failures = new Map<string, FailureSpec & { times: number }>();
  private readonly hanging = new Set<string>();
  private seq = 0;
  /** What users.info says of a person (default: real name "Slack <id>", no display name). */
  readonly profiles = new Map<string, { display_name: string; real_name: string }>();

  constructor(options: FakeSlackOptions = {}) {
    this.teamId = options.teamId ?? 'T0WORKSHOP';
    this.botUserId = options.botUserId ?? 'U0BOT';
    this.botId = options.botId ?? 'B0BOT';
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    const { port } = this.server.address() as AddressInfo;
    this.origin = `http://127.0.0.1:${port}`;
    this.url = `${this.origin}/api/`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
    this.server = undefined;
  }

  callsTo(method: string): SlackApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Calls other than Bolt's start-up `auth.test`: what the bot actually did. */
  actions(): SlackApiCall[] {
    return this.calls.filter((c) => c.method !== 'auth.test');
  }

  /** Answers the next `times` calls of `method` with a failure instead of success. */
  failNext(method: string, spec: FailureSpec): void {
    this.failures.set(method, { ...spec, times: spec.times ?? 1 });
  }

  /** Calls of `method` are recorded and never answered (until close), like an upstream that stopped responding. */
  hang(method: string): void {
    this.hanging.add(method);
  }

  /** Forgets recorded calls (not failures). */
  reset(): void {
    this.calls.length = 0;
  }

  /** Resolves once `predicate(calls)` holds; rejects after `timeoutMs` listing what was called. */
  async waitFor(predicate: (calls: SlackApiCall[]) => boolean, timeoutMs = 10_000): Promise<SlackApiCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline) {
        throw new Error(`FakeSlackApi: condition not met; calls so far: ${this.calls.map((c) => c.method).join(', ') || 'none'}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.calls;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const path = new URL(req.url ?? '/', this.origin).pathname;
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;

    if (path.startsWith('/upload/')) {
      this.calls.push({ method: 'upload', path, body: { fileId: path.slice('/upload/'.length), bytes: raw.length }, raw, token });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`OK - ${raw.length}`);
      return;
    }
    if (path.startsWith('/respond/')) {
      this.calls.push({ method: 'response_url', path, body: decodeBody(req, raw), raw, token });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    if (!path.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = path.slice('/api/'.length);
    const body = decodeBody(req, raw);
    const call: SlackApiCall = { method, path, body, raw, token };
    this.calls.push(call);
    if (this.hanging.has(method)) return;

    const failure = this.failures.get(method);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      if (failure.times === 0) this.failures.delete(method);
      const status = failure.status ?? 200;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (status === 429) headers['retry-after'] = String(failure.retryAfter ?? 1);
      call.response = { ok: false, error: failure.error ?? (status === 429 ? 'ratelimited' : 'fatal_error') };
      res.writeHead(status, headers);
      res.end(JSON.stringify(call.response));
      return;
    }
    call.response = this.answer(method, body);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(call.response));
  }

  private nextTs(): string {
    this.seq += 1;
    return `${1_760_000_000 + this.seq}.${String(this.seq).padStart(6, '0')}`;
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://workshop.slack.test/',
          team: 'Workshop',
          user: 'workshop-bot',
          team_id: this.teamId,
          user_id: this.botUserId,
          bot_id: this.botId,
          is_enterprise_install: false,
        };
      case 'chat.postMessage': {
        const ts = this.nextTs();
        return { ok: true, channel: body.channel, ts, message: { type: 'message', text: body.text, ts, bot_id: this.botId } };
      }
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'conversations.open': {
        const users = String(body.users ?? '');
        return { ok: true, channel: { id: `D${users.replace(/^[UW]/, '')}` } };
      }
      case 'users.info': {
        const id = String(body.user ?? '');
        const profile = this.profiles.get(id) ?? { display_name: '', real_name: `Slack ${id}` };
        return { ok: true, user: { id, name: id.toLowerCase(), real_name: profile.real_name, profile } };
      }
      case 'views.publish':
        return { ok: true, view: { id: `V${++this.seq}`, type: 'home' } };
      case 'files.getUploadURLExternal': {
        const id = `F${++this.seq}`;
        return { ok: true, upload_url: `${this.origin}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const files = Array.isArray(body.files) ? (body.files as { id: string; title?: string }[]) : [];
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? '' })) };
      }
      default:
        return { ok: true };
    }
  }
}

function decodeBody(req: IncomingMessage, raw: Buffer): Record<string, unknown> {
  const type = String(req.headers['content-type'] ?? '');
  const textBody = raw.toString('utf8');
  if (type.includes('application/json')) {
    try {
      return JSON.parse(textBody) as Record<string, unknown>;
    } catch {
      return { _unparsed: textBody };
    }
  }
  if (type.includes('application/x-www-form-urlencoded')) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(parseQuery(textBody))) {
      const value = Array.isArray(v) ? v.join(',') : (v ?? '');
      out[k] = /^[[{]/.test(value) ? tryJson(value) : value;
    }
    return out;
  }
  return { _bytes: raw.length };
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
