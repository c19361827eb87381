// Question answering on the second half of the evaluation packs (eval.test.ts scores the first): floors with room
// (eval/thresholds.json), so the sets stay measurements rather than zero-miss gates.
import { describe } from 'vitest';
import { listPacks } from '../../eval/score.js';
import { halfOf, packFloorTests } from './eval-floors.js';

describe('question answering on the evaluation packs (second half)', () => {
  packFloorTests(halfOf(listPacks(), 1));
});
