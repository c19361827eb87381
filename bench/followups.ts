// Benchmark 4: one follow-up to many members through a fake Telegram API that enforces 30 messages/s.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../src/app/config.js';
import { startServer } from '../src/app/server.js';
import { TEST_TOKEN } from '../fakes/telegram-api.js';
import { RateLimitedTelegram } from './rate-limited-telegram.js';
import { fmt, table, type Section } from './stats.js';

const LIMIT = 30;
const TRAINER = 'console:bench-trainer';

export async function benchFollowups(opts: { quick: boolean }): Promise<Section> {
  const members = opts.quick ? 1000 : 10_000;
  // "A few" random 429s on top of the limit: about five over the whole send (two in a quick run: each costs
  // a full second of sending, as Telegram's retry_after is at least 1 s).
  const fake = await new RateLimitedTelegram(TEST_TOKEN, LIMIT, (opts.quick ? 2 : 5) / members).start();
  const dir = mkdtempSync(join(tmpdir(), 'wb-bench-followup-'));
  const server = await startServer(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'bot.db')}`,
      DATA_DIR: dir,
      LOG_LEVEL: 'warn',
      TZ: 'UTC',
      SCHEDULER_INTERVAL_MS: '200',
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_WEBHOOK_SECRET: 'bench-followup-secret',
      TELEGRAM_BOT_USERNAME: 'WorkshopTestBot',
    }),
  );
  try {
    const { store } = server.runtime;
    const now = new Date();
    const cohortId = randomUUID();
    await store.createCohort({ id: cohortId, code: 'BENCH1', name: 'Benchmark cohort', createdBy: TRAINER, createdAt: now });
    for (let k = 0; k < members; k++) {
      const chatId = 900_000 + k;
      await store.upsertUser({ key: `telegram:${chatId}`, platform: 'telegram', name: `Member ${k}`, address: { chatId } }, now);
      await store.addMember(cohortId, `telegram:${chatId}`, now);
    }
    const followupId = randomUUID();
    const started = performance.now();
    await store.createFollowup({ id: followupId, cohortId, kind: 'message', text: 'Please read section 3 before Monday.', dueAt: new Date(), status: 'scheduled', createdBy: TRAINER, createdAt: new Date() });

    // Bounded: three times the ideal duration plus a minute.
    const deadline = started + ((members / LIMIT) * 3 + 60) * 1000;
    let counts = await store.deliveryCounts(followupId);
    while ((counts.total === 0 || counts.pending > 0) && performance.now() < deadline) {
      await sleep(500);
      counts = await store.deliveryCounts(followupId);
    }
    const finished = performance.now();

    const at = fake.acceptedAt;
    const spanS = at.length > 1 ? (at.at(-1)! - at[0]!) / 1000 : NaN;
    const rate = (at.length - 1) / spanS;
    let lost = 0;
    let duplicated = 0;
    for (let k = 0; k < members; k++) {
      const n = fake.delivered.get(String(900_000 + k)) ?? 0;
      if (n === 0) lost++;
      if (n > 1) duplicated += n - 1;
    }
    const share = rate / LIMIT;
    return {
      title: `4. A follow-up to ${members.toLocaleString('en')} members at Telegram's 30 messages/s`,
      body: [
        `One 'message' follow-up to a cohort of ${members} Telegram members, through the real scheduler (SQLite, ` +
          'SCHEDULER_INTERVAL_MS=200) and the Telegram messenger, against a fake Bot API that accepts at most 30 sendMessage calls ' +
          'in any one-second window (else 429, retry_after 1) and refuses a few more at random (about five; two in a quick run).',
        '',
        table(['', 'value', 'baseline (the limit)', 'share'], [
          ['achieved send rate (first to last accepted send)', `${fmt(rate)} msg/s`, `${LIMIT} msg/s`, `${Math.round(share * 100)}%`],
          ['wall time, follow-up due to all delivered', fmt((finished - started) / 1000, 's'), fmt(members / LIMIT, 's'), `${Math.round(((members / LIMIT) / ((finished - started) / 1000)) * 100)}%`],
          ['429s: over the limit / random', `${fake.limited} / ${fake.randomLimited}`, '', ''],
          ['delivered / lost / duplicated', `${members - lost} / ${lost} / ${duplicated}`, `${members} / 0 / 0`, ''],
          ['store: sent / unreachable / failed / pending', `${counts.sent} / ${counts.unreachable} / ${counts.failed} / ${counts.pending}`, '', ''],
        ]),
      ].join('\n'),
      targets: [
        { what: 'follow-ups at >= 90% of the platform limit', met: share >= 0.9, detail: `${Math.round(share * 100)}%` },
        { what: 'no follow-up lost or duplicated', met: lost === 0 && duplicated === 0, detail: `${lost} lost, ${duplicated} duplicated` },
      ],
    };
  } finally {
    await server.close();
    await fake.close();
  }
}
