// The fixture pack (tests/fixtures/pack), loaded as Content for the quiz and adapter tests that need no bot.
import { loadContent } from '../../src/content/load.js';
import type { Content, Indicator } from '../../src/content/schema.js';
import { FIXTURE_PACK } from '../cli.js';

const loaded = loadContent(FIXTURE_PACK);

/** The fixture's six digital-utility indicators, in the pack's order. */
export const indicators: Indicator[] = loaded.indicators;

/** A fresh copy of the fixture pack, so a test may change it freely. */
export function fixtureContent(): Content {
  return structuredClone(loaded);
}
