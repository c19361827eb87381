// Per-person state in the process is bounded: however many different people write, the heap the bot keeps stays
// put (it used to grow by about half a kilobyte per person for ever: the rate budgets and the last row written).
import { runInNewContext } from 'node:vm';
import v8 from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/core/bot.js';
import { COMMANDS } from '../../src/app/commands.js';
import { fixtureRuntime } from './helpers.js';

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
};

type RT = Awaited<ReturnType<typeof fixtureRuntime>>;
let rt: RT;
beforeAll(async () => {
  rt = await fixtureRuntime();
});
afterAll(async () => {
  await rt.close();
});

describe('memory', () => {
  it('keeps per-person state for a bounded number of people: 20,000 more people leave the heap where it was', async () => {
    // A small bound, so a test can go well past it; the app keeps 10,000 people.
    const bot = createBot(rt.bot.services, { peopleKept: 1000, commands: COMMANDS });
    let n = 0;
    const people = async (count: number) => {
      for (const end = n + count; n < end; ) {
        // Fifty at a time, as a busy server takes them.
        await Promise.all(
          Array.from({ length: 50 }, () => {
            const id = String(n++);
            return bot.handle({ user: { platform: 'telegram', id, name: `Person ${id}` }, conversation: { id, type: 'direct' }, text: '/privacy', address: { chatId: Number(id) } });
          }),
        );
      }
    };
    await people(2000);
    const before = heapMb();
    await people(20_000);
    const after = heapMb();
    console.info(`[memory] heap ${before.toFixed(1)} MB after 2,000 people, ${after.toFixed(1)} MB after 22,000`);
    expect(after - before).toBeLessThan(1);
  }, 60_000);
});
