// A local fake of the Telegram Bot API (node:http on 127.0.0.1): records every call, serves getUpdates, injects failures.
//
// Usage:
//   const api = await FakeTelegramApi.start();          // api.url is the apiRoot for grammY / TELEGRAM_API_ROOT
//   ... drive the bot ...
//   api.callsTo('sendMessage')                           // every recorded call, body parsed (JSON or multipart)
//   api.failNext('sendMessage', { status: 429, retryAfter: 1 })
//   api.block(chatId)                                    // later sends to that chat get 403 "bot was blocked"
//   api.hang('sendMessage')                              // calls are recorded (status 0) and never answered
//   api.queueUpdate(privateText('hi'))                   // served to long polling (getUpdates)
//   await api.waitFor((calls) => calls.some(...))        // resolves once the predicate holds
//   await api.close()
// Like Telegram, it refuses what Telegram refuses: empty or over-long texts, bad callback_data, bad HTML/Markdown.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TEST_TOKEN = '123456789:TEST-token_for-the-fake';
export const TEST_BOT = {
  id: 123456789,
  is_bot: true,
  first_name: 'Workshop Bot',
  username: 'WorkshopTestBot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/* eslint-disable @typescript-eslint/no-explicit-any -- Bot API payloads are free-form JSON in a test fake */
export type Json = Record<string, any>;

export interface UploadedFile {
  filename: string;
  size: number;
  data: Buffer;
}

export interface RecordedCall {
  method: string;
  /** The URL path, with the token replaced by '<token>'. */
  path: string;
  /** Parsed body: JSON, or multipart fields (JSON-looking ones parsed) with files as UploadedFile. */
  body: Json;
  /** The HTTP status the fake answered with; 499 when the client hung up first (an aborted long poll). */
  status: number;
  /** Made by returning it in the body of a webhook response (see deliverUpdate), not by calling the API. */
  viaWebhookReply?: boolean;
}

export interface FailureSpec {
  status: number;
  /** Seconds, sent as parameters.retry_after (and Retry-After) with a 429. */
  retryAfter?: number;
  description?: string;
  /** How many of the next calls to the method fail (default 1). */
  times?: number;
}

export interface SentMessage {
  message_id: number;
  chat: { id: number | string; type: string };
  date: number;
  text?: string;
  caption?: string;
  reply_markup?: Json;
}

const DEFAULT_DESCRIPTION: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden: bot was blocked by the user',
  404: 'Not Found',
  429: 'Too Many Requests: retry after 1',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}

const refuse = (status: number, description: string): never => {
  throw new ApiRefusal(status, description);
};

export class FakeTelegramApi {
  /** Every call, in arrival order. */
  readonly calls: RecordedCall[] = [];
  /** Messages the bot sent or edited, by `${chatId}:${messageId}`. */
  readonly messages = new Map<string, SentMessage>();
  private readonly failures = new Map<string, FailureSpec[]>();
  private readonly blocked = new Set<string>();
  private readonly hanging = new Set<string>();
  private readonly updates: Json[] = [];
  private readonly pollers = new Set<() => void>();
  private readonly watchers = new Set<() => void>();
  /** The highest getUpdates offset seen so far, counted when a poll arrives: the bot is done with every earlier update. */
  highestOffset = 0;
  private nextMessageId = 1000;
  private nextUpdateId = 500_000;
  private server!: Server;
  url = '';

  private constructor(
    readonly token: string,
    readonly botInfo: Json,
  ) {}

  static async start(options: { token?: string; botInfo?: Json } = {}): Promise<FakeTelegramApi> {
    const api = new FakeTelegramApi(options.token ?? TEST_TOKEN, options.botInfo ?? TEST_BOT);
    api.server = createServer((req, res) => void api.onRequest(req, res));
    await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
    api.url = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
    return api;
  }

  /**
   * Posts an update to the bot's webhook as Telegram does and, as Telegram does, performs the Bot API call the
   * bot may put in the response body (a "webhook reply": {"method": "sendMessage", ...}). Returns the status.
   */
  async deliverUpdate(baseUrl: string, update: Json, secret: string | undefined, path = '/telegram/webhook'): Promise<number> {
    const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: webhookHeaders(secret), body: JSON.stringify(update) });
    const reply = webhookReplyIn(res.headers.get('content-type'), await res.text());
    if (res.ok && reply) {
      const { method, ...params } = reply;
      // Telegram ignores the call's outcome (the bot never hears of it); the fake records it like any other.
      const done = await fetch(`${this.url}/bot${this.token}/${String(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [WEBHOOK_REPLY_HEADER]: '1' },
        body: JSON.stringify(params),
      });
      await done.arrayBuffer();
    }
    return res.status;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Calls that did something a person would see (sends and edits), not polling or setup. */
  visibleCalls(): RecordedCall[] {
    return this.calls.filter((c) => /^(send|edit|answerCallbackQuery)/.test(c.method));
  }

  /** The next `times` calls of `method` fail with this status (429s carry retry_after). */
  failNext(method: string, spec: FailureSpec): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < (spec.times ?? 1); i++) list.push(spec);
    this.failures.set(method, list);
  }

  /** Calls of `method` are recorded with status 0 and never answered (until close): an API that stopped responding. */
  hang(method: string): void {
    this.hanging.add(method);
  }

  /** Sends to this chat get 403 "Forbidden: bot was blocked by the user" from now on. */
  block(chatId: number | string): void {
    this.blocked.add(String(chatId));
  }

  /** Queues an update for getUpdates (long polling); gives it an update_id if it has none. */
  queueUpdate(update: Json): Json {
    const u = { ...update, update_id: (update.update_id as number | undefined) ?? this.nextUpdateId++ };
    this.updates.push(u);
    for (const wake of this.pollers) wake();
    return u;
  }

  /** Resolves with the predicate's first truthy result, re-checked after every call; rejects after timeoutMs. */
  waitFor<T>(predicate: (calls: RecordedCall[]) => T | undefined | false, timeoutMs = 15_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = predicate(this.calls);
        if (value) {
          this.watchers.delete(check);
          clearTimeout(timer);
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        this.watchers.delete(check);
        reject(new Error(`FakeTelegramApi.waitFor: condition not met; calls so far: ${this.calls.map((c) => c.method).join(', ')}`));
      }, timeoutMs);
      this.watchers.add(check);
      check();
    });
  }

  /** Waits until `method` has been called at least `count` times; returns those calls. */
  waitForCalls(method: string, count = 1): Promise<RecordedCall[]> {
    return this.waitFor(() => {
      const list = this.callsTo(method);
      return list.length >= count ? list : undefined;
    });
  }

  /** getUpdates requests now being held open (long polls in progress). */
  get pendingPolls(): number {
    return this.pollers.size;
  }

  /** The most recent message carrying an inline keyboard in that chat. */
  lastMessageWithButtons(chatId: number | string): SentMessage | undefined {
    return [...this.messages.values()].filter((m) => String(m.chat.id) === String(chatId) && m.reply_markup).at(-1);
  }

  async close(): Promise<void> {
    for (const wake of this.pollers) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    const method = m?.[2] ?? '';
    const path = (req.url ?? '').replace(/\/bot[^/]+\//, '/bot<token>/');
    const raw = await readBody(req);
    if (this.hanging.has(method)) {
      this.calls.push({ method, path, body: safeParse(req.headers['content-type'] ?? '', raw), status: 0 });
      for (const check of [...this.watchers]) check();
      return;
    }
    let body: Json = {};
    let status = 200;
    let payload: Json;
    try {
      body = parseBody(req.headers['content-type'] ?? '', raw);
      if (!m || m[1] !== this.token) refuse(m ? 401 : 404, m ? 'Unauthorized' : 'Not Found');
      const failure = this.failures.get(method)?.shift();
      if (failure) {
        status = failure.status;
        payload = { ok: false, error_code: failure.status, description: failure.description ?? DEFAULT_DESCRIPTION[failure.status] ?? 'Error' };
        if (failure.retryAfter !== undefined) {
          payload.description = `Too Many Requests: retry after ${failure.retryAfter}`;
          payload.parameters = { retry_after: failure.retryAfter };
          res.setHeader('Retry-After', String(failure.retryAfter));
        }
      } else {
        payload = { ok: true, result: await this.perform(method, body, res) };
      }
    } catch (err) {
      // Anything else (say, a body that is not JSON) is the caller's fault, as with Telegram.
      status = err instanceof ApiRefusal ? err.status : 400;
      payload = { ok: false, error_code: status, description: err instanceof ApiRefusal ? err.description : `Bad Request: ${String(err)}` };
    }
    if (res.destroyed) status = 499;
    this.calls.push({ method, path, body, status, ...(req.headers[WEBHOOK_REPLY_HEADER] ? { viaWebhookReply: true } : {}) });
    if (!res.destroyed) {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    }
    for (const check of [...this.watchers]) check();
  }

  private perform(method: string, body: Json, res: ServerResponse): unknown {
    switch (method) {
      case 'getMe':
        return this.botInfo;
      case 'setMyCommands':
      case 'deleteWebhook':
      case 'setWebhook':
      case 'sendChatAction':
        return true;
      case 'answerCallbackQuery':
        if (!body.callback_query_id) refuse(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
        return true;
      case 'getUpdates':
        return this.getUpdates(body, res);
      case 'sendMessage':
        checkText(body.text, body.parse_mode, 4096, 'message is too long');
        return this.store(body, { text: body.text as string | undefined });
      case 'sendPhoto':
      case 'sendDocument': {
        const file: unknown = body[method === 'sendPhoto' ? 'photo' : 'document'];
        if (!file || typeof file !== 'object' || !(file as Partial<UploadedFile>).size) refuse(400, 'Bad Request: there is no file in the request');
        if (body.caption !== undefined) checkText(body.caption, body.parse_mode, 1024, 'message caption is too long');
        return this.store(body, { caption: body.caption as string | undefined });
      }
      case 'editMessageText': {
        const key = `${body.chat_id}:${body.message_id}`;
        const old = this.messages.get(key);
        if (!old) refuse(400, 'Bad Request: message to edit not found');
        checkText(body.text, body.parse_mode, 4096, 'message is too long');
        if (old!.text === body.text && JSON.stringify(old!.reply_markup) === JSON.stringify(body.reply_markup)) {
          refuse(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
        }
        const edited: SentMessage = { ...old!, text: body.text as string | undefined, reply_markup: body.reply_markup as Json | undefined };
        this.messages.set(key, edited);
        return edited;
      }
      default:
        return refuse(404, 'Not Found');
    }
  }

  private store(body: Json, content: Partial<SentMessage>): SentMessage {
    if (body.chat_id === undefined) refuse(400, 'Bad Request: chat_id is empty');
    if (this.blocked.has(String(body.chat_id))) refuse(403, 'Forbidden: bot was blocked by the user');
    checkKeyboard(body.reply_markup);
    const chatId = Number(body.chat_id);
    const message: SentMessage = {
      message_id: this.nextMessageId++,
      chat: { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' },
      date: Math.floor(Date.now() / 1000),
      ...content,
      ...(body.reply_markup ? { reply_markup: body.reply_markup as Json } : {}),
    };
    this.messages.set(`${chatId}:${message.message_id}`, message);
    return message;
  }

  /** Long polling: answers at once when updates wait, else when one is queued, the timeout passes, or the client gives up. */
  private async getUpdates(body: Json, res: ServerResponse): Promise<Json[]> {
    const offset = Number(body.offset ?? 0);
    this.highestOffset = Math.max(this.highestOffset, offset);
    // Like Telegram, an offset confirms (drops) every earlier update.
    while (this.updates.length && this.updates[0]!.update_id < offset) this.updates.shift();
    const timeoutMs = Math.min(Number(body.timeout ?? 0), 50) * 1000;
    if (!this.updates.length && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.pollers.delete(done);
          res.off('close', done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        this.pollers.add(done);
        // The response's 'close' fires when the client hangs up (grammY's stop() aborts its poll).
        res.on('close', done);
        for (const check of [...this.watchers]) check();
      });
    }
    return this.updates.slice(0, Number(body.limit ?? 100));
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.concat(chunks)));
  });
}

function safeParse(contentType: string, raw: Buffer): Json {
  try {
    return parseBody(contentType, raw);
  } catch {
    return {};
  }
}

const maybeJson = (v: string): unknown => {
  if (!/^[[{]/.test(v)) return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};

/** JSON, or grammY's multipart/form-data (fields, and files referenced as attach://id). */
function parseBody(contentType: string, raw: Buffer): Json {
  if (!raw.length) return {};
  if (contentType.includes('application/json')) return JSON.parse(raw.toString('utf8')) as Json;
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  if (!boundary) return {};
  const fields: Json = {};
  const files: Record<string, UploadedFile> = {};
  const sep = Buffer.from(`--${boundary}`);
  let start = raw.indexOf(sep);
  while (start !== -1) {
    const next = raw.indexOf(sep, start + sep.length);
    if (next === -1) break;
    const part = raw.subarray(start + sep.length + 2, next - 2); // drop the CRLFs around the part
    const headEnd = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, headEnd).toString('utf8');
    const content = part.subarray(headEnd + 4);
    const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
    const filename = /filename="?([^";\r\n]*)"?/i.exec(head)?.[1];
    if (filename !== undefined) files[name] = { filename, size: content.length, data: Buffer.from(content) };
    else fields[name] = maybeJson(content.toString('utf8'));
    start = next;
  }
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string' && v.startsWith('attach://')) fields[k] = files[v.slice('attach://'.length)];
  }
  return fields;
}

/** Refuses what Telegram refuses: empty or over-long text, and markup that does not parse. */
function checkText(text: unknown, parseMode: unknown, max: number, tooLong: string): void {
  if (typeof text !== 'string' || !text.trim()) refuse(400, 'Bad Request: message text is empty');
  const t = text as string;
  if (t.length > max) refuse(400, `Bad Request: ${tooLong}`);
  if (parseMode === 'HTML') {
    const stripped = t.replace(/<\/?(b|strong|i|em|u|ins|s|strike|del|code|pre|a|tg-spoiler|blockquote|span)(\s[^<>]*)?>/g, '');
    if (/[<>]/.test(stripped)) refuse(400, "Bad Request: can't parse entities: Unsupported start tag");
    if (/&(?!(amp|lt|gt|quot|#\d+);)/.test(stripped)) refuse(400, "Bad Request: can't parse entities: Unknown entity");
  } else if (parseMode === 'MarkdownV2') {
    const reserved = /(^|[^\\])([_*[\]()~`>#+\-=|{}.!])/.exec(t);
    if (reserved) refuse(400, `Bad Request: can't parse entities: Character '${reserved[2]}' is reserved and must be escaped with the preceding '\\'`);
  } else if (parseMode === 'Markdown') {
    for (const ch of ['_', '*', '`']) {
      if (t.split(ch).length % 2 === 0) refuse(400, "Bad Request: can't parse entities: Can't find end of the entity");
    }
  }
}

function checkKeyboard(markup: unknown): void {
  const rows: unknown = (markup as Json | undefined)?.inline_keyboard;
  if (!rows) return;
  for (const row of rows as Json[][]) {
    for (const button of row) {
      if (typeof button.text !== 'string' || !button.text) refuse(400, 'Bad Request: text buttons are unallowed in the inline keyboard');
      const data: unknown = button.callback_data;
      if (typeof data === 'string' && (Buffer.byteLength(data) < 1 || Buffer.byteLength(data) > 64)) refuse(400, 'Bad Request: BUTTON_DATA_INVALID');
    }
  }
}

// ---- Update factories: what Telegram would send for common events ----

export interface Person {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
}

export const ALICE: Person = { id: 4001, first_name: 'Alice', last_name: 'Kila', username: 'alice_k' };
export const BOB: Person = { id: 4002, first_name: 'Bob' };
export const GROUP = { id: -100777, type: 'supergroup', title: 'Workshop cohort' };

let updateSeq = 900_000;
let messageSeq = 1;
export const nextUpdateId = (): number => updateSeq++;

/** bot_command and mention entities, as Telegram computes them. */
function entitiesOf(text: string): Json[] {
  const entities: Json[] = [];
  const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (cmd) entities.push({ type: 'bot_command', offset: 0, length: cmd[0].length });
  for (const m of text.matchAll(/(^|[^A-Za-z0-9_])(@[A-Za-z0-9_]{5,32})/g)) {
    entities.push({ type: 'mention', offset: m.index + m[1]!.length, length: m[2]!.length });
  }
  return entities;
}

function messageUpdate(chat: Json, from: Person, text: string, extra: Json = {}): Json {
  const entities = entitiesOf(text);
  return {
    update_id: nextUpdateId(),
    message: {
      message_id: messageSeq++,
      from: { is_bot: false, ...from },
      chat,
      date: Math.floor(Date.now() / 1000),
      text,
      ...(entities.length ? { entities } : {}),
      ...extra,
    },
  };
}

/** A person typing in their private chat with the bot. */
export function privateText(text: string, from: Person = ALICE): Json {
  return messageUpdate({ id: from.id, type: 'private', first_name: from.first_name }, from, text);
}

/** A person typing in a group; `replyTo` makes it a reply to that (bot) message. */
export function groupText(text: string, options: { from?: Person; chat?: Json; replyTo?: SentMessage } = {}): Json {
  const from = options.from ?? ALICE;
  const extra = options.replyTo
    ? { reply_to_message: { message_id: options.replyTo.message_id, chat: options.chat ?? GROUP, date: options.replyTo.date, from: TEST_BOT, text: options.replyTo.text } }
    : {};
  return messageUpdate(options.chat ?? GROUP, from, text, extra);
}

/** A press of the button labelled `label` (or with that callback_data) under a message the bot sent. */
export function buttonPress(message: SentMessage, label: string, from: Person = ALICE): Json {
  const buttons = ((message.reply_markup?.inline_keyboard ?? []) as Json[][]).flat();
  const button = buttons.find((b) => b.text === label) ?? buttons.find((b) => b.callback_data === label);
  if (!button) throw new Error(`No button "${label}" on message ${message.message_id}: ${buttons.map((b) => String(b.text)).join(', ')}`);
  const chat = message.chat.type === 'private' ? { id: message.chat.id, type: 'private', first_name: from.first_name } : { ...GROUP, id: message.chat.id };
  return {
    update_id: nextUpdateId(),
    callback_query: {
      id: `cbq-${updateSeq}`,
      from: { is_bot: false, ...from },
      message: { message_id: message.message_id, from: TEST_BOT, chat, date: message.date, text: message.text, reply_markup: message.reply_markup },
      chat_instance: `ci-${message.chat.id}`,
      data: button.callback_data as string | undefined,
    },
  };
}

const WEBHOOK_REPLY_HEADER = 'x-fake-webhook-reply';

function webhookHeaders(secret: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== undefined) headers['X-Telegram-Bot-Api-Secret-Token'] = secret;
  return headers;
}

/** The Bot API call in a webhook response body, if there is one. */
export function webhookReplyIn(contentType: string | null, body: string): Json | undefined {
  if (!contentType?.includes('application/json') || !body) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' && typeof (parsed as Json).method === 'string' ? (parsed as Json) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Posts an update to a running webhook and returns the HTTP status. For requests whose reply is not looked
 * at; one that comes back with a webhook reply throws, as only FakeTelegramApi.deliverUpdate performs it.
 */
export async function postUpdate(baseUrl: string, update: Json, secret: string | undefined, path = '/telegram/webhook'): Promise<number> {
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: webhookHeaders(secret), body: JSON.stringify(update) });
  if (webhookReplyIn(res.headers.get('content-type'), await res.text())) {
    throw new Error('the webhook answered with a Bot API call: deliver updates with FakeTelegramApi.deliverUpdate, which performs it');
  }
  return res.status;
}
