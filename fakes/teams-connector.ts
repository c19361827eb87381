// A local fake of the Bot Framework connector (a Teams serviceUrl): records every call, can be told to fail.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The Bot Framework connector operations this fake understands, named as botbuilder's ConnectorClient names them. */
export type ConnectorOperation = 'sendToConversation' | 'replyToActivity' | 'updateActivity' | 'deleteActivity' | 'upload' | 'other';

export interface ConnectorCall {
  operation: ConnectorOperation;
  method: string;
  /** The request path, URL-decoded per segment. */
  path: string;
  conversationId?: string;
  /** replyToActivity: the activity replied to; updateActivity/deleteActivity: the activity changed. */
  activityId?: string;
  /** The parsed JSON body (an Activity for sends and updates). */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- activities are free-form JSON
  authorization?: string;
  /** The id this fake gave a sent activity (what sendActivity returned to the bot). */
  id?: string;
  /** The status the fake answered. */
  status: number;
  /** upload: the bytes PUT, and the headers that describe them. */
  raw?: Buffer;
  headers?: Record<string, string | string[] | undefined>;
}

export interface FailureSpec {
  status: number;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  /** How many calls fail (default 1). */
  times?: number;
}

/**
 * Also stands in for OneDrive's upload sessions: when a person accepts a FileConsentCard, Teams hands the bot an
 * uploadUrl; `c.uploadUrl('id')` gives one on this server, where a PUT is recorded as operation 'upload'.
 *
 * Usage: `const c = await FakeTeamsConnector.start()`; put `c.url` in the activity's serviceUrl; after the
 * request, read `c.calls`, `c.callsTo('replyToActivity')` or `c.sent()` (the activities the bot posted).
 * `c.failNext('replyToActivity', { status: 429, retryAfter: 1, times: 4 })` answers the next calls with errors
 * (note: botbuilder's HTTP pipeline itself retries 429/5xx up to 3 times).
 */
export class FakeTeamsConnector {
  readonly calls: ConnectorCall[] = [];
  private failures = new Map<ConnectorOperation, FailureSpec & { times: number }>();
  private waiters: { predicate: (calls: ConnectorCall[]) => boolean; resolve: () => void }[] = [];
  private nextId = 1;

  private constructor(
    private readonly server: http.Server,
    /** The serviceUrl, with the trailing slash Teams' serviceUrls have. */
    readonly url: string,
  ) {}

  static async start(): Promise<FakeTeamsConnector> {
    const server = http.createServer();
    server.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const self = new FakeTeamsConnector(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    server.on('request', (req, res) => void self.handle(req, res));
    return self;
  }

  /** An upload session URL on this fake (what Teams puts in a fileConsent invoke's uploadInfo). */
  uploadUrl(id: string): string {
    return `${this.url}upload/${encodeURIComponent(id)}`;
  }

  callsTo(operation: ConnectorOperation): ConnectorCall[] {
    return this.calls.filter((c) => c.operation === operation);
  }

  /** Activities the bot posted (sent or replied), in order. */
  sent(): any[] { // eslint-disable-line @typescript-eslint/no-explicit-any -- activities are free-form JSON
    return this.calls.filter((c) => c.status < 300 && (c.operation === 'sendToConversation' || c.operation === 'replyToActivity')).map((c): unknown => c.body);
  }

  failNext(operation: ConnectorOperation, spec: FailureSpec): void {
    this.failures.set(operation, { ...spec, times: spec.times ?? 1 });
  }

  /** Resolves once `predicate(calls)` holds; rejects after `timeoutMs` listing what was recorded. */
  waitFor(predicate: (calls: ConnectorCall[]) => boolean, timeoutMs = 10_000): Promise<void> {
    if (predicate(this.calls)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const ops = this.calls.map((c) => `${c.method} ${c.path}`).join(', ');
        reject(new Error(`fake connector: condition not met; calls so far: ${ops || 'none'}`));
      }, timeoutMs);
      this.waiters.push({ predicate, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  reset(): void {
    this.calls.length = 0;
    this.failures.clear();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const segments = (req.url ?? '/').split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
    const method = req.method ?? 'GET';
    const call: ConnectorCall = { operation: 'other', method, path: '/' + segments.join('/'), body, status: 200, authorization: req.headers.authorization };
    // upload/{session}: OneDrive's upload session, answered 201 with the drive item as OneDrive does.
    if (segments[0] === 'upload' && segments.length === 2 && method === 'PUT') {
      Object.assign(call, { operation: 'upload', raw: bytes, body: undefined, headers: { ...req.headers } });
    }
    // v3/conversations/{conversationId}/activities[/{activityId}]
    if (segments[0] === 'v3' && segments[1] === 'conversations' && segments[3] === 'activities' && segments.length <= 5) {
      call.conversationId = segments[2];
      call.activityId = segments[4];
      if (method === 'POST') call.operation = segments[4] ? 'replyToActivity' : 'sendToConversation';
      else if (method === 'PUT' && segments[4]) call.operation = 'updateActivity';
      else if (method === 'DELETE' && segments[4]) call.operation = 'deleteActivity';
    }
    const failure = this.failures.get(call.operation);
    if (failure && failure.times > 0) {
      failure.times--;
      call.status = failure.status;
      this.record(call);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
      res.writeHead(failure.status, headers);
      res.end(JSON.stringify({ error: { code: 'FakeFailure', message: `fake connector failure ${failure.status}` } }));
      return;
    }
    if (call.operation === 'upload') {
      call.status = 201;
      this.record(call);
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: segments[1], size: bytes.length }));
      return;
    }
    if (call.operation === 'other') {
      call.status = 404;
      this.record(call);
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NotFound', message: 'not a connector route this fake knows' } }));
      return;
    }
    call.id = call.operation === 'updateActivity' || call.operation === 'deleteActivity' ? call.activityId : `activity-${this.nextId++}`;
    this.record(call);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(call.operation === 'deleteActivity' ? '' : JSON.stringify({ id: call.id }));
  }

  private record(call: ConnectorCall): void {
    this.calls.push(call);
    this.waiters = this.waiters.filter((w) => (w.predicate(this.calls) ? (w.resolve(), false) : true));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
