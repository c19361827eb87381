// LunrScorer gives what a lunr query gives: its scores break ties between answers, so a difference beyond
// the last bits of a float could change one. Checked against the query itself on the workshop's own index.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { defaultContentDir, loadContent } from '../../src/content/load.js';
import { LunrScorer } from '../../src/qa/lunr-scores.js';
import { buildPack } from '../../src/qa/pack.js';
import { loadSearchIndex } from '../../src/qa/search-index.js';

const content = loadContent(defaultContentDir({}));
const pack = buildPack(content, loadSearchIndex(content, mkdtempSync(join(tmpdir(), 'lunr-scores-'))));
const terms = [...pack.postings.keys()];

function query(index: lunr.Index, boosts: ReadonlyMap<string, number>): Map<string, number> {
  const results = index.query((q) => {
    for (const [t, boost] of boosts) q.term(t, { usePipeline: false, boost, presence: lunr.Query.presence.OPTIONAL });
  });
  return new Map(results.map((r) => [r.ref, r.score]));
}

describe('LunrScorer', () => {
  it('scores as the lunr query does, to the last bits, for any few of the pack\'s terms and boosts', () => {
    const scorer = new LunrScorer(pack.lunr);
    // Boosts as the ranker gives them: idf-like weights, often the same for several terms of one phrase.
    const boost = fc.oneof(fc.constantFrom(0.3, 0.6, 1, 2), fc.integer({ min: 1, max: 60 }).map((df) => Math.log(1 + pack.docs.length / (df + 0.5))));
    const query_ = fc.array(fc.tuple(fc.constantFrom(...terms, 'notaword', '#ranking'), boost), { minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(query_, (pairs) => {
        const boosts = new Map(pairs);
        const ours = scorer.scores(boosts);
        const theirs = query(pack.lunr, boosts);
        expect(ours.size).toBe(theirs.size);
        for (const [ref, score] of theirs) expect(Math.abs(ours.get(ref)! - score)).toBeLessThanOrEqual(1e-14 * score);
        // Docs lunr scores apart stay in lunr's order (the sums may differ in the last bit only).
        const byLunr = [...theirs].sort((x, y) => y[1] - x[1]);
        for (let k = 1; k < byLunr.length; k++) {
          const [above, below] = [byLunr[k - 1]!, byLunr[k]!];
          if (above[1] - below[1] > 1e-12 * above[1]) expect(ours.get(above[0])!).toBeGreaterThan(ours.get(below[0])!);
        }
      }),
      { numRuns: 3000, seed: 18 },
    );
  });

  it('gives nothing for terms the index does not hold', () => {
    expect(new LunrScorer(pack.lunr).scores(new Map([['notaword', 1]])).size).toBe(0);
  });
});
