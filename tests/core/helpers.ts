// Test helpers: a real bot over a content pack (the fixture pack made for tests, or another) and a real SQLite
// file in a temp folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/app/config.js';
import { cacheEnv, withFixture } from '../cli.js';
import { createRuntime, type Runtime } from '../../src/app/runtime.js';
import type { Incoming, Outgoing, Platform } from '../../src/core/messages.js';

export class TestClock {
  constructor(public t = new Date('2026-11-27T08:00:00Z')) {}
  now = () => new Date(this.t);
  advance(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export function tempDir(prefix = 'wb-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function testRuntime(env: Record<string, string> = {}, clock = new TestClock()): Promise<Runtime & { dir: string; testClock: TestClock }> {
  const dir = tempDir();
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 'bot.db')}`,
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    SCHEDULER_DISABLED: 'true',
    TZ: 'UTC',
    ...cacheEnv(env),
    ...env,
  });
  const runtime = await createRuntime(config, { clock, logger: pino({ level: 'silent' }) });
  return Object.assign(runtime, { dir, testClock: clock });
}

/** A real bot over the fixture pack (tests/fixtures/pack), a water utility going digital, unless `env` names another CONTENT_DIR. */
export function fixtureRuntime(env: Record<string, string> = {}, clock = new TestClock()): ReturnType<typeof testRuntime> {
  return testRuntime(withFixture(env), clock);
}

/** A person talking to the bot in a direct chat. */
export function person(runtime: Runtime, id: string, platform: Platform = 'console') {
  let last: Outgoing[] = [];
  const base = (): Pick<Incoming, 'user' | 'conversation' | 'address'> => ({
    user: { platform, id, name: `Person ${id}` },
    conversation: { id: `dm-${id}`, type: 'direct' },
    address: platform === 'console' ? { userKey: `console:${id}` } : { chatId: id },
  });
  return {
    key: `${platform}:${id}`,
    async say(text: string, extra: Partial<Incoming> = {}): Promise<Outgoing[]> {
      last = await runtime.bot.handle({ ...base(), text, ...extra });
      return last;
    },
    async press(value: string, extra: Partial<Incoming> = {}): Promise<Outgoing[]> {
      last = await runtime.bot.handle({ ...base(), action: value, ...extra });
      return last;
    },
    /** Presses the button with this label on the last message that had buttons. */
    async choose(label: string): Promise<Outgoing[]> {
      const withChoices = [...last].reverse().find((m) => m.kind === 'text' && m.choices?.length);
      const choice = withChoices?.kind === 'text' ? withChoices.choices?.find((c) => c.label === label) : undefined;
      if (!choice) throw new Error(`no button "${label}" in ${JSON.stringify(last.map(textOf))}`);
      return this.press(choice.value);
    },
    get last() {
      return last;
    },
  };
}

export const textOf = (m: Outgoing): string => (m.kind === 'text' || m.kind === 'update' ? m.text : m.kind === 'image' ? `[image ${m.alt}]` : `[file ${m.filename}]`);
export const allText = (ms: Outgoing[]): string => ms.map(textOf).join('\n');
