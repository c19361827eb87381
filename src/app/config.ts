// Configuration: read once from the environment (and .env), validated with zod; errors name the variable.
import { z } from 'zod/v4';
import { SettingError } from '../errors.js';
import { checkUserKey } from '../core/user-keys.js';

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const bool = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return false;
    if (/^(1|true|yes|on)$/i.test(v)) return true;
    if (/^(0|false|no|off)$/i.test(v)) return false;
    ctx.addIssue({ code: 'custom', message: 'must be true or false' });
    return z.NEVER;
  });

const int = (dflt: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return dflt;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const url = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === '') return undefined;
    try {
      new URL(v);
      return v.trim().replace(/\/+$/, '');
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a URL such as https://example.org' });
      return z.NEVER;
    }
  });

const timeZone = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const tz = v?.trim() || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return tz;
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${tz}" is not an IANA time zone such as America/Panama` });
      return z.NEVER;
    }
  });

/** A list of people as platform:id, each in its platform's form (the same check as /trainer add). */
const people = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const keys: string[] = [];
    for (const t of (v ?? '').split(/[\s,]+/).filter(Boolean)) {
      const checked = checkUserKey(t);
      if (!checked.ok) {
        ctx.addIssue({ code: 'custom', message: checked.reason });
        return z.NEVER;
      }
      keys.push(checked.key);
    }
    return keys;
  });

export const ConfigSchema = z.object({
  PORT: int(3978, 0, 65535),
  HOST: z.string().optional().transform((v) => v?.trim() || '0.0.0.0'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .optional()
    .transform((v) => v ?? 'info'),
  CONTENT_DIR: optional,
  DATABASE_URL: optional,
  DATABASE_POOL_MAX: int(10, 1, 1000),
  DATABASE_STATEMENT_TIMEOUT_MS: int(10_000, 0),
  DATA_DIR: optional,
  /** Where built search indexes are kept (by content hash); default `<DATA_DIR>/cache`. Processes may share one. */
  CACHE_DIR: optional,
  TZ: timeZone,
  /** Trainers: each sees and acts on the cohorts they create or are given. */
  TRAINERS: people,
  /** Administrators: trainers who see and act on every cohort and every unanswered question. */
  ADMINS: people,
  /** Messages (questions, commands, button presses) per person per minute before the bot asks them to slow down. */
  RATE_LIMIT_PER_MINUTE: int(60, 1),
  /** How often the follow-up scheduler looks for due work. */
  SCHEDULER_INTERVAL_MS: int(1000, 50),
  SCHEDULER_DISABLED: bool,
  /** How long a follow-up delivery claimed by a process stays its own unless renewed; a crashed process's claims return after this. */
  FOLLOWUP_LEASE_MS: int(30_000, 1000),
  /** The longest one follow-up send (every call for one member) may take before it is stopped and tried again later. */
  FOLLOWUP_SEND_TIMEOUT_MS: int(20_000, 100),
  /** The longest the bot waits for any one call to a platform (Telegram, Slack, Teams and its token services). */
  PLATFORM_TIMEOUT_MS: int(10_000, 100, 600_000),

  TELEGRAM_BOT_TOKEN: optional,
  TELEGRAM_WEBHOOK_SECRET: optional,
  TELEGRAM_WEBHOOK_URL: url,
  TELEGRAM_API_ROOT: url,
  TELEGRAM_BOT_USERNAME: optional,
  /** How often a process standing by tries to take over long polling. */
  TELEGRAM_POLLING_RETRY_MS: int(5000, 100),

  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_API_URL: url,

  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppType: optional,
  MicrosoftAppTenantId: optional,
  /** Local Bot Framework Emulator mode: no authentication, 127.0.0.1 only. Never in production. */
  TEAMS_EMULATOR: bool,
});

export type Config = z.infer<typeof ConfigSchema> & {
  /** The raw environment, for SDKs that read their own standard keys (Bot Framework). */
  env: Record<string, string | undefined>;
};

/** The search-index cache folder: CACHE_DIR, else `<DATA_DIR or ./data>/cache`. */
export function cacheDir(config: Pick<Config, 'CACHE_DIR' | 'DATA_DIR'>): string {
  return config.CACHE_DIR ?? `${config.DATA_DIR ?? 'data'}/cache`;
}

/** Bad environment variables; the message names each one. */
export class ConfigError extends SettingError {}

/** Parses the environment; throws ConfigError with one line per bad variable, each starting with its name. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(lines.join('\n'));
  }
  const c = parsed.data;
  if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) {
    throw new ConfigError('SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError('TELEGRAM_WEBHOOK_SECRET: required with TELEGRAM_WEBHOOK_URL, so the webhook can check its caller');
  }
  return { ...c, env };
}
