// Every configuration error ends `workshop-bot serve` with one clean line per bad setting, naming it, and exit 1:
// the environment's form (zod), each adapter's own checks (Telegram, Slack, Teams), and botbuilder's checks.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/app/config.js';
import { CodedError, isOperatorError, OperatorError, PlatformStartError, SettingError } from '../../src/errors.js';
import { TeamsConfigError } from '../../adapters/teams/index.js';
import { runCli } from '../cli.js';

const STACK = /\n\s+at\s|node:internal|\.ts:\d+|\.js:\d+/;

function env(extra: Record<string, string>): Record<string, string> {
  return { PORT: '0', HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'wb-config-')), DATABASE_URL: '', LOG_LEVEL: 'silent', TZ: 'UTC', ...extra };
}

const cases: [string, Record<string, string>, RegExp][] = [
  ['a malformed TELEGRAM_BOT_TOKEN', { TELEGRAM_BOT_TOKEN: 'not-a-token' }, /^TELEGRAM_BOT_TOKEN should look like 123456789:AAH/],
  ['TELEGRAM_WEBHOOK_URL without its secret', { TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_URL: 'https://bot.example.org' }, /^TELEGRAM_WEBHOOK_SECRET: required with TELEGRAM_WEBHOOK_URL/],
  ['a TELEGRAM_API_ROOT that is not a URL', { TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_API_ROOT: 'nowhere' }, /^TELEGRAM_API_ROOT: /],
  ['SLACK_BOT_TOKEN without a signing secret', { SLACK_BOT_TOKEN: 'xoxb-1' }, /^SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN/],
  ['a PLATFORM_TIMEOUT_MS that is not a number', { TELEGRAM_BOT_TOKEN: '123:abc', PLATFORM_TIMEOUT_MS: 'soon' }, /^PLATFORM_TIMEOUT_MS: /],
  ['Teams settings without MicrosoftAppId', { MicrosoftAppPassword: 'secret' }, /^Teams needs MicrosoftAppId /],
  ['a SingleTenant Teams app without MicrosoftAppTenantId', { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }, /^Teams settings are incomplete: .*MicrosoftAppTenantId/],
];

describe('configuration errors through the real CLI', () => {
  it.each(cases)('%s: one line naming the setting, exit 1, no stack', (_name, vars, line) => {
    const r = runCli(['serve'], { env: env(vars) });
    expect(r.status, r.stderr).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(line);
    expect(r.stderr + r.stdout).not.toMatch(STACK);
  });

  it('two bad settings give two lines, each naming its setting', () => {
    const r = runCli(['serve'], { env: env({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_API_ROOT: 'nowhere', PLATFORM_TIMEOUT_MS: 'soon' }) });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n').sort();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^PLATFORM_TIMEOUT_MS: /);
    expect(lines[1]).toMatch(/^TELEGRAM_API_ROOT: /);
  });
});

describe('the error classes', () => {
  it('operator errors share one base class with a code, and keep their own names', () => {
    const errors = [new ConfigError('X: bad'), new TeamsConfigError('MicrosoftAppId: missing'), new SettingError('Y: bad'), new PlatformStartError('Z: refused')];
    for (const err of errors) {
      expect(err).toBeInstanceOf(OperatorError);
      expect(err).toBeInstanceOf(CodedError);
      expect(isOperatorError(err)).toBe(true);
    }
    expect(errors.map((e) => [e.name, e.code])).toEqual([
      ['ConfigError', 'CONFIG'],
      ['TeamsConfigError', 'CONFIG'],
      ['SettingError', 'CONFIG'],
      ['PlatformStartError', 'PLATFORM_START'],
    ]);
    expect(isOperatorError(new Error('a bug'))).toBe(false);
    expect(isOperatorError(new CodedError('TIMEOUT', 'not for operators'))).toBe(false);
  });
});
