// A pack with no indicators (a fresh import) or no quiz questions: /readiness and /quiz say so kindly.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_PACK } from '../cli.js';
import { allText, person, tempDir, testRuntime } from './helpers.js';

/** The fixture pack without indicators, and optionally without quiz items. */
function packWithout(opts: { quiz: boolean }): string {
  const dir = tempDir('pack-');
  cpSync(FIXTURE_PACK, dir, { recursive: true });
  writeFileSync(join(dir, 'indicators.json'), JSON.stringify({ set: { name: 'indicators' }, indicators: [] }));
  if (!opts.quiz) writeFileSync(join(dir, 'quiz.json'), '[]');
  return dir;
}

describe('a pack without indicators', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('/readiness says there is no self-assessment and points to the quiz; nothing is left in progress', async () => {
    const rt = await testRuntime({ CONTENT_DIR: packWithout({ quiz: true }) });
    close = () => rt.close();
    const p = person(rt, 'a');
    const reply = allText(await p.say('/readiness'));
    expect(reply).toBe('This workshop has no readiness self-assessment, so there is nothing to fill in here. You can ask me anything about "Going Digital at a Municipal Water Utility", or test yourself with /quiz.');
    expect(allText(await p.say('/stop'))).toContain('Nothing is in progress');
    expect(allText(await p.say('/quiz 2'))).toContain('Question 1 of 2');
  });

  it('/quiz with no questions at all says so instead of failing', async () => {
    const rt = await testRuntime({ CONTENT_DIR: packWithout({ quiz: false }) });
    close = () => rt.close();
    const p = person(rt, 'b');
    expect(allText(await p.say('/quiz'))).toBe('This workshop has no quiz questions yet. Ask me anything about "Going Digital at a Municipal Water Utility".');
    expect(allText(await p.say('/readiness'))).not.toContain('/quiz');
  });
});
