// Following a conversation in the console chat as a person types it: "tell me more" and "and X?" lean on the
// last answer, which is kept in the store and so survives the chat being closed and opened again. The first two
// run on the fixture pack; the last is the smoke test of the shipped deck through the console, end to end.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureEnv, runCli } from '../cli.js';
import { tempDir } from '../core/helpers.js';

const envFor = (dir: string) => ({ ...fixtureEnv(), DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'bot.db')}` });
/** The shipped deck in content/ (no CONTENT_DIR). */
const deckEnvFor = (dir: string) => ({ DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'bot.db')}` });

describe('a conversation in the console chat', () => {
  it('"tell me more" in a new process continues the topic of the last answer, and says when it has no more', () => {
    const dir = tempDir();
    const first = runCli(['chat', '--user', 'mary'], { input: 'how much treated water is lost\n', env: envFor(dir) });
    expect(first.stdout).toContain('30% of treated water is non-revenue water: enough to supply 250,000 people');
    const second = runCli(['chat', '--user', 'mary'], { input: 'tell me more\ntell me more\ntell me more\n', env: envFor(dir) });
    // The next unit of the same section, not something about the network or customer services; then the one
    // before the answer, which the section opens with and nothing has shown yet; then no more.
    expect(second.stdout).toMatch(/^The 3Ms of a digital utility are meters, maps and messages/);
    expect(second.stdout).toContain('Earlier in this part: Non-revenue water (NRW) is water that a utility treats and pumps but never bills');
    expect(second.stdout).not.toMatch(/smart meter|SCADA/i);
    expect(second.stdout.indexOf('The 3Ms')).toBeLessThan(second.stdout.indexOf('Non-revenue water (NRW)'));
    expect(second.stdout).toContain('That\'s all the workshop material says about "Why a water utility goes digital"');
  });

  it('"and X?" asks the last question again about X', () => {
    const dir = tempDir();
    const r = runCli(['chat', '--user', 'ravi'], {
      input: 'how many utilities have smart meters\nand an outage map?\n',
      env: envFor(dir),
    });
    expect(r.stdout).toContain('Smart meters: 45% of the 120 member utilities in 2024 have it.');
    expect(r.stdout).toContain('Online outage map: 54 of the 120 member utilities in 2024 have it.');
    expect(r.stdout).not.toMatch(/can't find that/);
  });

  it('the shipped deck answers the questions a new participant asked in their own words', () => {
    const dir = tempDir();
    const r = runCli(['chat', '--user', 'ana'], {
      input: ['tell me about data governance', 'whos giving the talk', 'afordability barier', 'can you summarise the talk for me', 'In which country was the workshop held?'].join('\n') + '\n',
      env: deckEnvFor(dir),
    });
    expect(r.stdout).toContain('data governance to overcome data silos');
    expect(r.stdout).toContain('Keping Yao');
    expect(r.stdout).toMatch(/access, affordability and ability/);
    expect(r.stdout).toMatch(/covers: What is a Whole-of-Government approach/);
    expect(r.stdout).toContain('held in Papua New Guinea');
    expect(r.stdout).not.toMatch(/can't find that/);
  });
});
