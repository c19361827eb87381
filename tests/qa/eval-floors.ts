// The floors `npm test` checks on the evaluation packs (eval/thresholds.json): shared by eval.test.ts and
// eval-more.test.ts, which score half the packs each so that two workers share the longest file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { packageRoot } from '../../src/content/load.js';
import { rate, scorePack, type Pack } from '../../eval/score.js';

export interface Floor {
  answered: number;
  declined: number;
}

export const thresholds = JSON.parse(readFileSync(join(packageRoot(), 'eval', 'thresholds.json'), 'utf8')) as {
  default: Floor;
  sets: Record<string, Floor>;
  'shared-dev': Floor;
};

/** Every other pack, from the first (`half` 0) or the second (`half` 1): two halves of about the same size. */
export const halfOf = (packs: Pack[], half: 0 | 1): Pack[] => packs.filter((_, i) => i % 2 === half);

/** One test per pack: every one of its sets at or above its floor. */
export function packFloorTests(packs: Pack[]): void {
  for (const pack of packs) {
    it(`${pack.slug}: every set at or above its floor`, () => {
      const { bot } = scorePack(pack, { lunr: false });
      for (const s of bot) {
        const floor = thresholds.sets[`${pack.slug}/${s.set}`] ?? thresholds.default;
        // Hold-out sets report counts only: their questions are never shown to whoever tunes the bot.
        const detail = s.role === 'holdout' ? `${s.pack}/${s.set} (hold-out)` : s.misses.join('\n');
        expect(rate(s.answeredRight, s.answerable), detail).toBeGreaterThanOrEqual(floor.answered);
        expect(rate(s.declinedRight, s.declines), detail).toBeGreaterThanOrEqual(floor.declined);
      }
    });
  }
}
