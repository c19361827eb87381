// The Telegram adapter: grammY bot in webhook or long-polling mode, wired to the neutral core.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { autoRetry } from '@grammyjs/auto-retry';
import { Api, Bot, BotError, GrammyError, webhookCallback, type Context } from 'grammy';
import type { BotCommand, Update, UserFromGetMe } from 'grammy/types';
import type { AdapterDeps, NodeRoute, PlatformAdapter } from '../../src/core/adapter.js';
import { clip } from '../../src/core/clip.js';
import type { MenuCommand } from '../../src/core/commands.js';
import { PlatformStartError, SettingError } from '../../src/errors.js';
import { isStoreUnavailable } from '../../src/store/errors.js';
import type { NamedLock } from '../../src/store/types.js';
import { createInFlight } from '../kit/in-flight.js';
import { readJsonBody, sendJson } from '../kit/node-http.js';
import { processMessage } from '../kit/process-message.js';
import { createTelegramMessenger } from './messenger.js';
import { isUnreadablePrivateMessage, parseUpdate, type BotIdentity } from './parse.js';
import { renderTelegram } from './render.js';
import { createWebhookReplyMarker } from './sdk-workarounds.js';
import { describeError, perCallTimeout, sendOps } from './send.js';

export interface TelegramAdapterConfig {
  token: string;
  /** Turns on webhook mode; Telegram sends it in X-Telegram-Bot-Api-Secret-Token. */
  webhookSecret?: string;
  /** Registered with setWebhook at start (needs webhookSecret). A bare origin gets WEBHOOK_PATH appended. */
  webhookUrl?: string;
  /** A self-hosted Bot API server (or a local fake in tests), without a trailing slash. */
  apiRoot?: string;
  /** The bot's @username; when given, no getMe call is needed at start. */
  username?: string;
  /** Long-polling wait per getUpdates call, in seconds (default 25). */
  pollTimeoutSeconds?: number;
  /** How often a process standing by tries to take over long polling, in ms (default 5000). */
  pollingRetryMs?: number;
  /** The longest any one Bot API call (other than the long poll) may take, in ms (default 10000). */
  timeoutMs?: number;
  /** How long Telegram's webhook request waits for the reply before it is answered anyway, in ms (default 10000). */
  webhookTimeoutMs?: number;
}

export const WEBHOOK_PATH = '/telegram/webhook';
const SECRET_HEADER_LOWERCASE = 'x-telegram-bot-api-secret-token';
const POLLING_LOCK = 'telegram-polling';
const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** The command menu (setMyCommands), from the core's command registry; Telegram allows 3-256 characters a line. */
export function botCommands(menu: readonly MenuCommand[]): BotCommand[] {
  return menu.map((c) => ({ command: c.name, description: clip(c.args ? `${c.description}: /${c.name} ${c.args}` : c.description, 256) }));
}

const TEXT_ONLY = 'I can only read text. Please type your question, or send /help.';

/** Thrown out of a webhook update whose store was down, for the route to answer 503 (Telegram sends it again). */
class RedeliverLater extends Error {
  constructor() {
    super('the store is unavailable');
    this.name = 'RedeliverLater';
  }
}

/**
 * grammY's side of one webhook request (a framework adapter, in grammY's words), on node:http: the update as the
 * route read it, the response for a webhook reply, 200 with no body otherwise. The route checks the secret
 * before reading the body; grammY compares it again.
 */
function nodeResponse(update: Update, res: ServerResponse, header: string | undefined) {
  return {
    update,
    header,
    end: () => {
      if (!res.headersSent) res.end();
    },
    respond: (json: string) => {
      // Answered already (the webhook's time ran out): the call must fail, not vanish.
      if (res.headersSent) throw new Error('the webhook request was answered already');
      sendJson(res, 200, json);
    },
    unauthorized: () => {
      if (!res.headersSent) sendJson(res, 401, { error: 'unauthorized' });
    },
  };
}

/** Hashing first makes the comparison constant-time whatever the lengths. */
function secretMatches(given: string | undefined, expected: Buffer): boolean {
  if (given === undefined) return false;
  return timingSafeEqual(createHash('sha256').update(given).digest(), expected);
}

function checkConfig(cfg: TelegramAdapterConfig): void {
  if (!/^\d+:[A-Za-z0-9_-]+$/.test(cfg.token)) {
    throw new SettingError('TELEGRAM_BOT_TOKEN should look like 123456789:AAH... (the token @BotFather gave you)');
  }
  if (cfg.webhookSecret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(cfg.webhookSecret)) {
    throw new SettingError('TELEGRAM_WEBHOOK_SECRET must be 1 to 256 characters from A-Z, a-z, 0-9, _ and - (Telegram accepts no others)');
  }
  if (cfg.webhookUrl && !cfg.webhookSecret) {
    throw new SettingError('TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL, so the webhook can check its caller');
  }
}

/** With a configured username no getMe is needed: a bot's id is the number before the ':' in its token. */
function botInfoFrom(cfg: TelegramAdapterConfig): UserFromGetMe | undefined {
  if (!cfg.username) return undefined;
  const username = cfg.username.replace(/^@/, '');
  return {
    id: Number(cfg.token.split(':')[0]),
    is_bot: true,
    first_name: username,
    username,
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
}

function webhookTarget(url: string): string {
  const u = new URL(url);
  if (u.pathname === '/' || u.pathname === '') u.pathname = WEBHOOK_PATH;
  return u.toString();
}

export async function createTelegramAdapter(cfg: TelegramAdapterConfig, deps: AdapterDeps): Promise<PlatformAdapter> {
  checkConfig(cfg);
  const { core, store, clock } = deps;
  const logger = deps.logger.child({ platform: 'telegram' });
  // A client timeout above the long-poll wait, so getUpdates is never cut short by its own client.
  const pollTimeout = cfg.pollTimeoutSeconds ?? 25;
  const client = { apiRoot: cfg.apiRoot, timeoutSeconds: pollTimeout + 30 };
  // Webhook replies for a reply's last sendMessage: see sdk-workarounds.ts.
  const webhookReply = createWebhookReplyMarker();
  // Updates whose webhook request still waits for its answer. One that took too long has been answered empty
  // already: its last message must go out as an ordinary request, not into a response that is gone.
  const awaitingAnswer = new Set<number>();
  const lastMessage = (updateId: number) => <T>(send: () => Promise<T>): Promise<T> => (awaitingAnswer.has(updateId) ? webhookReply.viaWebhookReply(send) : send());
  const bot = new Bot(cfg.token, {
    botInfo: botInfoFrom(cfg),
    client: { ...client, canUseWebhookReply: webhookReply.canUseWebhookReply },
  });
  const timeoutMs = cfg.timeoutMs ?? 10_000;
  // Each try of a call gets the timeout (installed first, so it sits inside the retries).
  // A webhook reply makes no request of its own: no timer for it.
  bot.api.config.use(perCallTimeout(timeoutMs, webhookReply.canUseWebhookReply));
  // Interactive replies wait out a short 429 or a Telegram 5xx; network errors fail fast (retried forever otherwise).
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }));
  const messenger = createTelegramMessenger(new Api(cfg.token, { apiRoot: cfg.apiRoot, timeoutSeconds: timeoutMs / 1000 }));

  const inFlight = createInFlight();
  bot.use((_ctx, next) => inFlight.track(next()));
  // Messages go through the kit's processMessage, which catches its own failures; this catches the rest (a
  // blocked-bot update, the text-only hint): logged, never crashing the webhook or the poller.
  bot.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      // The store failed: in webhook mode answer Telegram with a 5xx, so it sends the update again later.
      if (cfg.webhookSecret && (err instanceof RedeliverLater || isStoreUnavailable(err))) throw err;
      logger.error({ err: describeError(err), updateId: ctx.update.update_id }, 'telegram update failed');
    }
  });
  bot.on('my_chat_member', async (ctx) => {
    // A person who blocks the bot in a private chat cannot get follow-ups; stop trying until they come back.
    const { chat, new_chat_member: member } = ctx.myChatMember;
    if (chat.type === 'private' && member.status === 'kicked') {
      await store.setReachable(`telegram:${chat.id}`, false, clock.now());
    }
  });
  bot.use(async (ctx) => handle(ctx));

  async function handle(ctx: Context): Promise<void> {
    const query = ctx.callbackQuery;
    // Always answer a press, first, so the button stops spinning even if the rest fails.
    if (query) await ctx.answerCallbackQuery().catch((err) => logger.warn({ err: describeError(err) }, 'answerCallbackQuery failed'));
    const me: BotIdentity = { id: ctx.me.id, username: ctx.me.username };
    const incoming = parseUpdate(ctx.update, me);
    if (!incoming) {
      if (isUnreadablePrivateMessage(ctx.update) && ctx.chat) await ctx.api.sendMessage(ctx.chat.id, TEXT_ONLY);
      return;
    }
    const message = query ? query.message : ctx.message;
    const chatId = message?.chat.id ?? ctx.from?.id;
    const group = message !== undefined && message.chat.type !== 'private';
    const pressed = query?.message && 'date' in query.message && query.message.date !== 0 ? query.message.message_id : undefined;
    const outcome = await processMessage({ core, logger, describe: describeError }, incoming, {
      // A webhook not answered yet can be answered 503, and Telegram delivers the update again; polling cannot.
      canRedeliver: Boolean(cfg.webhookSecret),
      deliver: async (replies) => {
        if (chatId === undefined) return;
        const ops = renderTelegram(replies, { canEdit: pressed !== undefined });
        await sendOps(ctx.api, {
          lastMessage: lastMessage(ctx.update.update_id),
          chatId,
          editMessageId: pressed,
          replyTo: group && !query ? ctx.message?.message_id : undefined,
          threadId: message && 'is_topic_message' in message && message.is_topic_message ? message.message_thread_id : undefined,
        }, ops);
      },
      apologise: async (text) => {
        if (chatId !== undefined) await ctx.api.sendMessage(chatId, text);
      },
    });
    if (outcome === 'retry-later') throw new RedeliverLater();
  }

  let nodeRoutes: NodeRoute[] | undefined;
  if (cfg.webhookSecret) {
    const secret = cfg.webhookSecret;
    const secretHash = createHash('sha256').update(secret).digest();
    // grammY's webhookCallback on a framework adapter of our own (its public FrameworkAdapter shape): the route
    // below has read and checked the update already, and grammY answers through the node response, putting a
    // webhook reply in it. On timeout a slow reply still answers Telegram with 200 (no redelivery) and finishes
    // in the background.
    const callback = webhookCallback(bot, nodeResponse, {
      secretToken: secret,
      onTimeout: (update: Update) => {
        awaitingAnswer.delete(update.update_id);
      },
      timeoutMilliseconds: cfg.webhookTimeoutMs ?? 10_000,
    });
    nodeRoutes = [
      {
        method: 'POST',
        path: WEBHOOK_PATH,
        async handle(req, res, { maxBodyBytes }) {
          const given = req.headers[SECRET_HEADER_LOWERCASE];
          const header = typeof given === 'string' ? given : undefined;
          // Checked before the body is even read: a wrong caller gets nothing processed.
          if (!secretMatches(header, secretHash)) {
            sendJson(res, 401, { error: 'unauthorized' });
            return;
          }
          const body = await readJsonBody(req, maxBodyBytes);
          // A body that is not JSON (or too big) gets a short 4xx, never a stack.
          if (!body.ok) {
            sendJson(res, body.status, { error: 'expected a Telegram update as JSON' });
            return;
          }
          const update = body.value;
          if (typeof update !== 'object' || update === null || !Number.isSafeInteger((update as { update_id?: unknown }).update_id)) {
            sendJson(res, 400, { error: 'expected a Telegram update' });
            return;
          }
          const updateId = (update as Update).update_id;
          awaitingAnswer.add(updateId);
          try {
            await callback(update as Update, res, header);
          } catch (err) {
            const cause = err instanceof BotError ? err.error : err;
            if (cause instanceof RedeliverLater || isStoreUnavailable(cause)) {
              logger.warn({ updateId }, 'telegram: the store is unavailable; Telegram will send the update again');
              if (!res.headersSent) sendJson(res, 503, { error: 'try again later' });
              return;
            }
            logger.error({ err: describeError(cause) }, 'telegram webhook failed');
            if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
          } finally {
            awaitingAnswer.delete(updateId);
          }
        },
      },
    ];
  }

  let lock: NamedLock | undefined;
  let polling: Promise<void> | undefined;
  let standby: NodeJS.Timeout | undefined;
  let stopped = false;

  /** Takes the polling lock and polls; false when another process holds the lock. */
  async function takeOver(): Promise<boolean> {
    const held = await store.tryLock(POLLING_LOCK).catch(() => undefined);
    if (!held) return false;
    lock = held;
    // A dropped database connection frees the lock for others: stop polling and queue up again.
    void held.lost.then(() => {
      if (!stopped && lock === held) void giveUp();
    });
    await new Promise<void>((resolve, reject) => {
      polling = bot
        .start({ timeout: pollTimeout, allowed_updates: [...ALLOWED_UPDATES], onStart: () => resolve() })
        .catch((err: unknown) => {
          // 401 (bad token) or 409 (a webhook is set, or another poller): polling has stopped.
          logger.error({ err: describeError(err) }, 'telegram long polling stopped');
          reject(err instanceof Error ? err : new Error(String(err)));
        });
    });
    logger.info('polling Telegram for updates');
    return true;
  }

  async function stopPolling(): Promise<void> {
    if (polling) {
      // Aborts the pending getUpdates and confirms the last offset; then waits for the loop to end.
      await bot.stop().catch((err) => logger.warn({ err: describeError(err) }, 'stopping telegram polling failed'));
      await polling.catch(() => undefined);
      polling = undefined;
    }
    await lock?.release().catch(() => undefined);
    lock = undefined;
  }

  async function giveUp(): Promise<void> {
    logger.warn('lost the Telegram polling lock; polling stops until this process can take it again');
    await stopPolling();
    waitForTurn();
  }

  /** Stand by: try the lock every few seconds, so polling moves here if the poller stops or dies. */
  function waitForTurn(): void {
    if (stopped || standby) return;
    let trying = false;
    standby = setInterval(() => {
      if (trying) return;
      trying = true;
      takeOver()
        .then((ok) => {
          if (ok || stopped) {
            clearInterval(standby);
            standby = undefined;
          }
        })
        .catch((err) => logger.warn({ err: describeError(err) }, 'taking over telegram polling failed'))
        .finally(() => (trying = false));
    }, cfg.pollingRetryMs ?? 5_000);
    standby.unref();
  }

  async function startPolling(): Promise<void> {
    bot.catch((err) => logger.error({ err: describeError(err.error) }, 'telegram update failed'));
    if (await takeOver()) return;
    logger.info('another process polls Telegram for this bot; this one sends follow-ups and stands by');
    waitForTurn();
  }

  return {
    platform: 'telegram',
    messenger,
    nodeRoutes,
    async start() {
      try {
        // grammY retries getMe on network errors for as long as it is not told to stop.
        await bot.init(AbortSignal.timeout(3 * timeoutMs) as Parameters<typeof bot.init>[0]);
      } catch (err) {
        logger.error({ err: describeError(err) }, 'telegram getMe failed');
        const why = err instanceof GrammyError && err.error_code === 401 ? 'TELEGRAM_BOT_TOKEN: Telegram refused it' : 'TELEGRAM_API_ROOT: could not reach the Telegram Bot API';
        // The raw error's text can carry the token-bearing URL: the cause is its log-safe summary.
        throw new PlatformStartError(`${why} (getMe failed; set TELEGRAM_BOT_USERNAME to start without it)`, { cause: describeError(err) });
      }
      // No menu given (a test's bare adapter): leave the one Telegram has rather than clear it.
      if (deps.menu) await bot.api.setMyCommands(botCommands(deps.menu)).catch((err) => logger.warn({ err: describeError(err) }, 'setMyCommands failed; the command menu may be out of date'));
      if (cfg.webhookSecret) {
        if (cfg.webhookUrl) {
          await bot.api.setWebhook(webhookTarget(cfg.webhookUrl), { secret_token: cfg.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] }).catch((err: unknown) => {
            const why = err instanceof GrammyError ? `Telegram refused it: ${err.description}` : 'could not reach the Telegram Bot API';
            // The raw error's text can carry the token-bearing URL: the cause is its log-safe summary.
            throw new PlatformStartError(`TELEGRAM_WEBHOOK_URL: setting the webhook failed (${why})`, { cause: describeError(err) });
          });
          logger.info('telegram webhook registered');
        }
        return;
      }
      await startPolling();
    },
    async stop() {
      stopped = true;
      clearInterval(standby);
      standby = undefined;
      await stopPolling();
      await inFlight.drain();
    },
  };
}
