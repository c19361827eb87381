// Following a conversation in the console chat as a person types it: "tell me more" and "and X?" lean on the
// last answer, which is kept in the store and so survives the chat being closed and opened again.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { tempDir } from '../core/helpers.js';

const envFor = (dir: string) => ({ DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'bot.db')}` });

describe('a conversation in the console chat', () => {
  it('"tell me more" in a new process continues the topic of the last answer', () => {
    const dir = tempDir();
    const first = runCli(['chat', '--user', 'mary'], { input: 'what is a whole of government approach\n', env: envFor(dir) });
    expect(first.stdout).toContain('cross-department coordination');
    const second = runCli(['chat', '--user', 'mary'], { input: 'tell me more\n', env: envFor(dir) });
    // The next unit of the same section, not something about infrastructure.
    expect(second.stdout).toMatch(/working together across organisational portfolio boundaries|one-stop-shop/);
    expect(second.stdout).not.toMatch(/infrastructure/i);
  });

  it('"and X?" asks the last question again about X, and says when a topic has no more', () => {
    const dir = tempDir();
    const r = runCli(['chat', '--user', 'ravi'], {
      input: 'what is the value divide\nand the innovation divide?\ntell me more\n',
      env: envFor(dir),
    });
    expect(r.stdout).toContain('shared prosperity');
    expect(r.stdout).toContain('handful of big platforms');
    expect(r.stdout).toMatch(/That's all the workshop material says about "Digital divides"/);
  });

  it('answers the questions a new participant asked in their own words', () => {
    const dir = tempDir();
    const r = runCli(['chat', '--user', 'ana'], {
      input: ['tell me about data governance', 'whos giving the talk', 'afordability barier', 'can you summarise the talk for me', 'In which country was the workshop held?'].join('\n') + '\n',
      env: envFor(dir),
    });
    expect(r.stdout).toContain('data governance to overcome data silos');
    expect(r.stdout).toContain('Keping Yao');
    expect(r.stdout).toMatch(/access, affordability and ability/);
    expect(r.stdout).toMatch(/covers: What is a Whole-of-Government approach/);
    expect(r.stdout).toContain('held in Papua New Guinea');
    expect(r.stdout).not.toMatch(/can't find that/);
  });
});
