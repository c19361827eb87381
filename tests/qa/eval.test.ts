// Question answering on every evaluation pack and set (eval/), and on the shared dev set when it is there:
// floors with room (eval/thresholds.json), so the sets stay measurements rather than zero-miss gates.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, packageRoot } from '../../src/content/load.js';
import { botAsker, listPacks, parseJsonl, rate, scoreSet } from '../../eval/score.js';
import { halfOf, packFloorTests, thresholds } from './eval-floors.js';

/** The shared dev set sits beside the project (`../shared/eval` from its root), wherever it is checked out. */
const DEV = join(packageRoot(), '..', 'shared', 'eval', 'qa-dev.jsonl');
const HAS_DEV = existsSync(DEV);
if (!HAS_DEV) console.warn(`eval.test: the shared dev set ../shared/eval/qa-dev.jsonl (${DEV}) is absent: its test is skipped`);

describe('question answering on the evaluation packs', () => {
  const packs = listPacks();
  it('has the shipped deck and at least three other workshops, one held out entirely', () => {
    expect(packs.map((p) => p.slug)).toContain('deck');
    const others = packs.filter((p) => p.slug !== 'deck');
    expect(others.length).toBeGreaterThanOrEqual(3);
    expect(others.some((p) => p.role === 'holdout')).toBe(true);
  });

  // (Every other pack; eval-more.test.ts scores the rest, so two workers share the longest file.)
  packFloorTests(halfOf(packs, 0));
});

describe('the shared dev set (../shared/eval)', () => {
  it.skipIf(!HAS_DEV)('answers and declines it at or above its floor', () => {
    const s = scoreSet('shared', 'qa-dev', 'tune', parseJsonl(readFileSync(DEV, 'utf8')), botAsker(loadContent(join(packageRoot(), 'content')))());
    expect(rate(s.answeredRight, s.answerable), s.misses.join('\n')).toBeGreaterThanOrEqual(thresholds['shared-dev'].answered);
    expect(rate(s.declinedRight, s.declines), s.misses.join('\n')).toBeGreaterThanOrEqual(thresholds['shared-dev'].declined);
  });
  if (!HAS_DEV) it.skip(`shared dev set absent (../shared/eval/qa-dev.jsonl from the project root, here ${DEV}): skipped; the packs above are still scored`, () => {});
});
