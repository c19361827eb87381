// Wires the store, the content, the answerer and the bot together: what every entry point starts from.
import type { Logger } from 'pino';
import type { AdapterDeps } from '../core/adapter.js';
import { systemClock, type Clock } from '../core/clock.js';
import { createBot, type Bot } from '../core/bot.js';
import type { PlatformLinks } from '../core/context.js';
import type { BotCore, Messenger, Outgoing, Platform } from '../core/messages.js';
import { addressOf } from '../followups/deliver.js';
import type { Content } from '../content/schema.js';
import { loadContent, defaultContentDir } from '../content/load.js';
import { loadSearchIndex } from '../qa/search-index.js';
import { createAnswerer } from '../qa/answer.js';
import type { Answerer } from '../qa/types.js';
import { createStore, isStoreFailure, StoreUnavailableError, type SqlStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { createConsoleInbox, type ConsoleInbox } from '../../adapters/console/inbox.js';
import { createConsoleMessenger } from '../../adapters/console/messenger.js';
import { cacheDir, type Config } from './config.js';
import { createLogger } from './logger.js';
import { storeStartupError } from './startup.js';
import { COMMANDS } from './commands.js';
import { startScheduler, type Scheduler } from '../followups/scheduler.js';

/** Handled delivery ids are kept this long (platforms retry for minutes; a week is generous). */
const PROCESSED_KEEP_MS = 7 * 24 * 3600_000;
const PRUNE_EVERY_MS = 3600_000;

export interface RuntimeOptions {
  clock?: Clock;
  logger?: Logger;
  /** Worker name for follow-up leases (defaults to host + pid). */
  workerId?: string;
}

export interface Runtime {
  config: Config;
  logger: Logger;
  clock: Clock;
  store: Store;
  content: Content;
  answerer: Answerer;
  bot: Bot;
  /** Follow-ups waiting for console members (the console chat shows them; the console messenger fills it). */
  consoleInbox: ConsoleInbox;
  adapterDeps: AdapterDeps;
  /**
   * Hands the bot every platform's messenger (for trainer results asked for in a group, sent privately) and
   * starts the follow-up scheduler with them (the console one is always there).
   */
  startBackground(messengers: Partial<Record<Platform, Messenger>>): void;
  /** Does the follow-up work that is due now, once, if the scheduler runs (a short console chat). */
  runDueWork(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The bot as the adapters see it. A message it could not handle because the store failed is not counted as
 * handled, and comes out as StoreUnavailableError: the adapter answers the platform with a 5xx where it still can,
 * so the platform delivers it again (instead of the person getting "Sorry" and the message being lost).
 */
export function storeGuardedCore(bot: BotCore, store: Store, logger: Logger): BotCore {
  return {
    async handle(message) {
      try {
        return await bot.handle(message);
      } catch (err) {
        if (!isStoreFailure(err)) throw err;
        if (message.deliveryId) await store.forgetProcessed(message.deliveryId).catch(() => undefined);
        logger.error({ err, deliveryId: message.deliveryId }, 'the store failed while handling a message');
        throw new StoreUnavailableError(err);
      }
    },
  };
}

export function dataDir(config: Config): string {
  return config.DATA_DIR ?? 'data';
}

export function loadWorkshop(config: Config): { content: Content; answerer: Answerer } {
  const content = loadContent(config.CONTENT_DIR ?? defaultContentDir());
  const index = loadSearchIndex(content, cacheDir(config));
  return { content, answerer: createAnswerer(content, index) };
}

/** Opens and migrates the store; a failure an operator can fix becomes a StartupError naming the setting. */
async function openStore(config: Config, logger: Logger): Promise<SqlStore> {
  let store: SqlStore | undefined;
  try {
    store = await createStore({
      url: config.DATABASE_URL,
      dataDir: dataDir(config),
      poolMax: config.DATABASE_POOL_MAX,
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      logger,
    });
    await store.migrate();
    return store;
  } catch (err) {
    await store?.close().catch(() => undefined);
    throw storeStartupError(err, config) ?? err;
  }
}

/** Links to the bot that a platform's settings give (Telegram's t.me links need the bot's username). */
function platformLinks(config: Config): Partial<Record<Platform, PlatformLinks>> {
  const username = config.TELEGRAM_BOT_USERNAME;
  if (!username) return {};
  return { telegram: { chat: `https://t.me/${username}`, deepLink: (payload) => `https://t.me/${username}?start=${payload}` } };
}

export async function createRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  const { content, answerer } = loadWorkshop(config);
  const store = await openStore(config, logger);
  // Filled in by startBackground once the adapters exist (they need the bot first).
  const consoleInbox = createConsoleInbox(store.db, clock);
  const messengers: Partial<Record<Platform, Messenger>> = { console: createConsoleMessenger(consoleInbox) };
  const sendPrivately = async (userKey: string, messages: Outgoing[]): Promise<boolean> => {
    const user = await store.getUser(userKey);
    const messenger = user && messengers[user.platform];
    const address = user && addressOf(user);
    if (!messenger || address === undefined) return false;
    try {
      await messenger.send(address, messages);
      return true;
    } catch (err) {
      logger.info({ err: { message: (err as Error)?.message, code: (err as { code?: unknown })?.code }, platform: user.platform }, 'could not reach a trainer privately');
      return false;
    }
  };
  const bot = createBot(
    {
      content,
      answerer,
      store,
      clock,
      logger,
      configuredTrainers: config.TRAINERS,
      configuredAdmins: config.ADMINS,
      timeZone: config.TZ,
      sendPrivately,
    },
    { messagesPerMinute: config.RATE_LIMIT_PER_MINUTE, commands: COMMANDS, links: platformLinks(config) },
  );
  let scheduler: Scheduler | undefined;
  let pruner: NodeJS.Timeout | undefined;
  return {
    config,
    logger,
    clock,
    store,
    content,
    answerer,
    bot,
    consoleInbox,
    adapterDeps: { core: storeGuardedCore(bot, store, logger), store, logger, clock, menu: bot.commands.menu(content) },
    startBackground(platformMessengers) {
      Object.assign(messengers, platformMessengers);
      if (config.SCHEDULER_DISABLED || scheduler) return;
      // The record of handled deliveries only needs to outlive the platforms' retries (minutes to hours).
      const prune = () =>
        store.pruneProcessed(new Date(clock.now().getTime() - PROCESSED_KEEP_MS)).catch((err) => logger.warn({ err }, 'pruning handled ids failed'));
      void prune();
      pruner = setInterval(() => void prune(), PRUNE_EVERY_MS).unref();
      scheduler = startScheduler({
        flows: bot,
        store,
        clock,
        logger,
        messengers,
        intervalMs: config.SCHEDULER_INTERVAL_MS,
        leaseMs: config.FOLLOWUP_LEASE_MS,
        sendTimeoutMs: config.FOLLOWUP_SEND_TIMEOUT_MS,
        workerId: options.workerId,
      });
    },
    async runDueWork() {
      await scheduler?.tick();
    },
    async close() {
      clearInterval(pruner);
      await scheduler?.stop();
      await store.close();
    },
  };
}
