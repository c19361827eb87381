// The console chat as a person uses it: piped input, numbered choices, resuming in a new process. On the fixture
// pack (tests/fixtures/pack): six readiness questions.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FIXTURE_PACK, fixtureEnv, runCli, startCli } from '../cli.js';
import { tempDir } from '../core/helpers.js';

function envFor(dir: string): Record<string, string> {
  return { ...fixtureEnv(), DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'bot.db')}` };
}

const lines = (word: string, n: number) => Array.from({ length: n }, () => word).join('\n') + '\n';

describe('workshop-bot chat', () => {
  it('a readiness self-assessment answered Yes 6 times ends in 6/6 and saves the chart', () => {
    const dir = tempDir();
    const r = runCli(['chat', '--user', 'a'], { input: '/readiness\n' + lines('Yes', 6), env: envFor(dir) });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Question 6 of 6');
    expect(r.stdout).toContain('Your readiness: 6/6 (Advanced)');
    expect(r.stdout).toMatch(/saved to .*\.png/);
  });

  it('`start` with no platform opens the console chat and says where its data is kept', () => {
    const dir = tempDir();
    const r = runCli(['start'], { input: '/privacy\n', env: { ...fixtureEnv(), DATA_DIR: dir } });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`console chat (data in ${dir})`);
    expect(r.stdout).toMatch(/kept|keep/i);
  });

  it('6 No answers give 0/6', () => {
    const dir = tempDir();
    const r = runCli(['chat', '--user', 'a'], { input: '/readiness\n' + lines('No', 6), env: envFor(dir) });
    expect(r.stdout).toContain('Your readiness: 0/6 (Early)');
  });

  it('3 answers, end of input, then 3 more in a new process finish the same assessment', () => {
    const dir = tempDir();
    const first = runCli(['chat', '--user', 'a'], { input: '/readiness\n' + lines('Yes', 3), env: envFor(dir) });
    expect(first.stdout).toContain('Question 4 of 6');
    expect(first.stdout).not.toContain('/6 (');
    const second = runCli(['chat', '--user', 'a'], { input: lines('Yes', 3), env: envFor(dir) });
    expect(second.stdout).toMatch(/Welcome back/);
    expect(second.stdout).toContain('Your readiness: 6/6 (Advanced)');
  });

  it('choices can be answered by number or by label', () => {
    const dir = tempDir();
    const r = runCli(['chat', '--user', 'b'], { input: '/readiness\n1\npartly\n3\n' + "Don't know\n", env: envFor(dir) });
    expect(r.stdout).toMatch(/1\. Yes\n\s+2\. Partly\n\s+3\. No\n\s+4\. Don't know/);
    expect(r.stdout).toContain('Question 5 of 6');
  });

  it('a knowledge quiz run to the end shows feedback for every question and k/N', () => {
    const dir = tempDir();
    const r = runCli(['chat', '--user', 'c'], { input: '/quiz\n' + lines('1', 5), env: envFor(dir) });
    const feedback = r.stdout.match(/^(✓ Right|✗ Not quite)/gm) ?? [];
    expect(feedback.length).toBe(5);
    expect(r.stdout).toMatch(/\b[0-5]\/5\b/);
  });

  it('--json prints every outgoing message as one JSON line of the neutral model', () => {
    const dir = tempDir();
    const r = runCli(['chat', '--user', 'j', '--json'], { input: '/readiness\n', env: envFor(dir) });
    const msgs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(msgs.at(-1)).toMatchObject({ kind: 'text', choices: [{ label: 'Yes' }, { label: 'Partly' }, { label: 'No' }, { label: "Don't know" }] });
  });

  it('a process killed in the middle of a quiz loses at most the answer in flight', async () => {
    const dir = tempDir();
    const child = startCli(['chat', '--user', 'k'], { env: envFor(dir) });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    const waitFor = async (s: string) => {
      for (let i = 0; i < 300 && !out.includes(s); i++) await sleep(50);
      expect(out).toContain(s);
    };
    child.stdin!.write('/readiness\n');
    await waitFor('Question 1 of 6');
    for (let i = 1; i <= 4; i++) {
      child.stdin!.write('Yes\n');
      await waitFor(`Question ${i + 1} of 6`);
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const db = new Database(join(dir, 'bot.db'), { readonly: true });
    const row = db.prepare("SELECT * FROM sessions WHERE status = 'active'").all() as Record<string, unknown>[];
    db.close();
    expect(row).toHaveLength(1);
    const again = runCli(['chat', '--user', 'k'], { input: lines('Yes', 2), env: envFor(dir) });
    expect(again.stdout).toContain('Question 5 of 6');
    expect(again.stdout).toContain('Your readiness: 6/6 (Advanced)');
  });
});

describe('workshop-bot ask', () => {
  it('--json prints one object with the answer and its sources', () => {
    const r = runCli(['ask', '--json', 'What are the 3Ms of a digital utility?'], { env: fixtureEnv() });
    const a = JSON.parse(r.stdout);
    expect(a).toMatchObject({ question: 'What are the 3Ms of a digital utility?', answered: true });
    expect(a.text).toContain('meters, maps and messages');
    expect(a.sources.length).toBeGreaterThan(0);
  });

  it('with no question it explains how to ask', () => {
    const r = runCli(['ask']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Give a question/);
  });

  it('content check names the broken file, item and field, and exits 1', () => {
    const dir = tempDir();
    cpSync(FIXTURE_PACK, dir, { recursive: true });
    const file = join(dir, 'indicators.json');
    const pack = JSON.parse(readFileSync(file, 'utf8'));
    const indicators = pack.indicators;
    delete indicators[2].question;
    writeFileSync(file, JSON.stringify(pack));
    const bad = runCli(['content', 'check', '--dir', dir]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('indicators.json');
    expect(bad.stdout).toContain(indicators[2].id);
    expect(bad.stdout).toContain('question');
    // With no --dir, the pack CONTENT_DIR names.
    const good = runCli(['content', 'check'], { env: fixtureEnv() });
    expect(good.status).toBe(0);
    expect(good.stdout).toContain(`${FIXTURE_PACK}: OK: 6 sections (15 units), 6 indicators`);
  });

  it('a bad variable stops start-up naming it', () => {
    const r = runCli(['ask', 'hi'], { env: { PORT: 'eighty' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('follow-ups in the console', () => {
  it('a console-only set-up sends a cohort follow-up, and the member finds it when the chat opens', () => {
    const dir = tempDir();
    const env = { ...envFor(dir), TRAINERS: 'console:alice', SCHEDULER_INTERVAL_MS: '50' };
    const created = runCli(['chat', '--user', 'alice'], { input: '/cohort new Pilot\n', env });
    const code = /Join code: (\w{6})/.exec(created.stdout)![1];
    runCli(['chat', '--user', 'bob', '--name', 'Bob'], { input: `/join ${code}\n`, env });
    // The trainer's chat is the only process: it runs the scheduler while it is open.
    // The message names the readiness check: the bot asks whether the message or the check itself is meant.
    const trainer = runCli(['chat', '--user', 'alice'], { input: `/followup ${code} now Please finish the readiness check before Friday\nyes, the message\n/followups\n`, env });
    expect(trainer.stdout).toMatch(/1\. Yes, the message\n\s+2\. No, a readiness re-check\n\s+3\. Change/);
    expect(trainer.stdout).toMatch(/scheduled for/);
    const member = runCli(['chat', '--user', 'bob'], { input: '', env });
    expect(member.stdout).toMatch(/^While you were away \(1 message\):\nFrom your workshop trainer \("Pilot"\):\s+Please finish the readiness check before Friday/);
  });
});
