// /report and /export: small groups show counts only, shares and a chart from 5 people, and a CSV per member.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Outgoing } from '../../src/core/messages.js';
import { allText, followupHarness, person, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await followupHarness();
});
afterEach(async () => {
  await h.close();
});

async function readiness(p: ReturnType<typeof person>, answer: (i: number) => string): Promise<void> {
  await p.say('/readiness');
  // The fixture pack's six indicators.
  for (let i = 0; i < 6; i++) await p.choose(answer(i));
  h.clock.advance(60_000); // so "first" and "latest" are told apart by time
}

const texts = (out: Outgoing[]) => allText(out.filter((m) => m.kind === 'text'));
const images = (out: Outgoing[]) => out.filter((m) => m.kind === 'image');

/** A small CSV reader for the export (quoted cells, doubled quotes), splitting on `delimiter` as a spreadsheet in that locale would. */
function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted && ch === '"' && csv[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && (ch === delimiter || ch === '\n')) {
      row.push(cell);
      cell = '';
      if (ch === '\n') {
        rows.push(row);
        row = [];
      }
    } else {
      cell += ch;
    }
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('/report', () => {
  it('shows counts only below 5 people, and shares, averages and a chart from 5', async () => {
    const code = await h.cohort();
    const people = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => person(h.rt, id));
    for (const p of people) await p.say(`/join ${code}`);
    // Four people: everything Yes except the last indicator.
    for (const p of people.slice(0, 4)) await readiness(p, (i) => (i === 5 ? 'No' : 'Yes'));
    await people[0]!.say('/quiz 1');
    await people[0]!.say('1');
    await people[1]!.say('What is the capital of France?');
    h.clock.advance(1000);
    await people[2]!.say('what is the capital of france');

    const small = await h.trainer.say(`/report ${code}`);
    const text = texts(small);
    expect(text).toContain('Members: 6 (6 reachable)');
    expect(text).toContain('Readiness self-assessment: 4 of 6 members completed it.');
    // What 4 people allow: how many, and how they spread, without names; and why the rest is hidden.
    expect(text).toContain('Their latest levels (no names): Early 0 · Developing 0 · Established 0 · Advanced 4.');
    expect(text).toContain(
      "Hidden until 5 people have completed it (1 more to go): the average score, the share answering Yes to each indicator and the chart, so that no one's answers can be read off them.",
    );
    expect(text).toContain('Knowledge quiz: 1 member took 1 quiz.');
    expect(text).toContain('With one person, even the spread of scores would be their own result, so it is not shown.');
    expect(text).toContain('Hidden until 5 people have taken it (4 more to go): the average scores.');
    expect(text).toContain('"What is the capital of France?" (asked 2 times)');
    expect(text).not.toMatch(/%|Average/);
    expect(images(small)).toHaveLength(0);

    // A fifth answers everything No: Yes shares become 80% (0% for the last indicator).
    await readiness(people[4]!, () => 'No');
    const big = await h.trainer.say(`/report ${code}`);
    const bigText = texts(big);
    expect(bigText).toContain('Readiness self-assessment: 5 of 6 members completed it.');
    expect(bigText).toContain('Average latest score: 4/6 (Established).');
    expect(bigText).toContain('• Online bill payment: 80% (world 70%)');
    expect(bigText).toContain('• Cyber incident plan: 0% (world 80%)');
    const [chart] = images(big);
    expect(chart?.kind === 'image' && chart.png.subarray(1, 4).toString()).toBe('PNG');

    // From 5 who completed it, the export names everyone's readiness results; the one quiz stays hidden.
    const [file] = await h.trainer.say(`/export ${code}`);
    if (file?.kind !== 'file') throw new Error('expected a file');
    const [header, ...rows] = parseCsv(file.data.toString('utf8').slice(1));
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => r[col('readiness_score')])).toEqual(['5', '5', '5', '5', '0', '']);
    expect(rows.map((r) => r[col('quiz_best_total')])).toEqual(['', '', '', '', '', '']);
    expect(file.caption).toContain('Left out, as in /report: quiz scores of 1 member (1 of the 5 needed has taken one)');
  });

  it('shows the change since the first assessment from 5 people who took it again', async () => {
    const code = await h.cohort();
    const people = ['a', 'b', 'c', 'd', 'e'].map((id) => person(h.rt, id));
    for (const p of people) await p.say(`/join ${code}`);
    for (const p of people) await readiness(p, () => 'No');
    for (const p of people.slice(0, 4)) await readiness(p, (i) => (i < 4 ? 'Yes' : 'No'));
    expect(texts(await h.trainer.say(`/report ${code}`))).toContain('4 members took it again (fewer than 5: the average change is hidden).');
    await readiness(people[4]!, (i) => (i < 4 ? 'Yes' : 'No'));
    expect(texts(await h.trainer.say(`/report ${code}`))).toContain('Change since their first assessment (5 people who took it again): +4 points on average.');
  });

  it('gives usage help and a kind reply for an unknown code', async () => {
    expect(allText(await h.trainer.say('/report'))).toMatch(/Usage: \/report CODE/);
    expect(allText(await h.trainer.say('/report QQQQQQ'))).toMatch(/couldn't find a cohort of yours with the code QQQQQQ/);
  });
});

describe('/export', () => {
  it("sends members' results as a CSV file: platform, id and name, the real join time, scores as numbers; a small cohort's only as members /share them", async () => {
    const code = await h.cohort();
    const ana = person(h.rt, 'ana');
    await h.rt.bot.handle({ user: { platform: 'console', id: 'eve', name: '=HYPERLINK("x")' }, conversation: { id: 'e', type: 'direct' }, text: `/join ${code}` });
    // Ana talks to the bot for three days before she joins: "joined" is the day she joined, not the day she was first seen.
    await ana.say('hello');
    h.clock.advance(3 * 86_400_000);
    await ana.say(`/join ${code}`);
    await readiness(ana, (i) => (i === 0 ? 'Partly' : 'Yes'));
    await ana.say('/quiz 2');
    await ana.say('1');
    await ana.say('1');

    // One person has done each: like /report, the export shows that she did, not what she answered.
    const [hidden] = await h.trainer.say(`/export ${code}`);
    if (hidden?.kind !== 'file') throw new Error('expected a file');
    expect(hidden.caption).toContain('Left out, as in /report: readiness results of 1 member (1 of the 5 needed has completed it) and quiz scores of 1 member');
    const before = parseCsv(hidden.data.toString('utf8').slice(1));
    const anaBefore = Object.fromEntries(before[0]!.map((k, i) => [k, before.find((r) => r[1] === 'ana')![i]]));
    expect(anaBefore).toMatchObject({ shares_results: 'no', readiness_attempts: '1', readiness_score: '', readiness_level: '', quiz_attempts: '1', quiz_best_correct: '' });
    expect(anaBefore['readiness_cyber-plan']).toBe('');
    expect(anaBefore.readiness_date).toMatch(/^2026-11-30 /);

    // Ana shares her results with the cohort's trainers.
    expect(allText(await ana.say('/share'))).toMatch(/^Done: the trainers of "Port Moresby 2026" \(\w{6}\) now see your readiness answers and quiz scores by name/);
    const [file] = await h.trainer.say(`/export ${code}`);
    if (file?.kind !== 'file') throw new Error(`expected a file, got ${file?.kind}`);
    expect(file.mime).toBe('text/csv');
    expect(file.filename).toBe(`cohort-${code}-2026-11-30.csv`);
    expect(file.caption).not.toContain('Left out');
    // A byte-order mark, so that spreadsheets read the file as UTF-8.
    expect([...file.data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(file.data.toString('utf8').slice(1));
    expect(header!.slice(0, 10)).toEqual(['platform', 'id', 'name', 'joined', 'reachable', 'shares_results', 'readiness_date', 'readiness_score', 'readiness_max', 'readiness_level']);
    expect(header).toContain('readiness_cyber-plan');
    expect(header!.slice(-5)).toEqual(['quiz_attempts', 'quiz_best_correct', 'quiz_best_total', 'quiz_latest_correct', 'quiz_latest_total']);
    expect(rows).toHaveLength(2);
    const row = (id: string) => Object.fromEntries(header!.map((k, i) => [k, rows.find((r) => r[1] === id)![i]]));
    const a = row('ana');
    expect(a).toMatchObject({ platform: 'console', name: 'Person ana', reachable: 'yes', shares_results: 'yes', readiness_score: '5.5', readiness_max: '6', readiness_level: 'Advanced', quiz_attempts: '1', readiness_attempts: '1' });
    expect(a.joined).toBe('2026-11-30 08:00');
    expect(a.quiz_best_correct).toMatch(/^[012]$/);
    expect(a.quiz_best_total).toBe('2');
    expect(a.quiz_latest_total).toBe('2');
    expect(Object.values(a)).toContain('partly');
    // A name that a spreadsheet would run as a formula stays text.
    expect(row('eve')).toMatchObject({ name: "'=HYPERLINK(\"x\")", readiness_score: '', quiz_attempts: '0', quiz_best_correct: '' });
  });

  it("dates the file by the trainer's day, like the times inside", async () => {
    const code = await h.cohort();
    // 20:00 UTC on 27 November is already 06:00 on the 28th in Port Moresby.
    h.clock.t = new Date('2026-11-27T20:00:00Z');
    await h.trainer.say('/timezone Pacific/Port_Moresby');
    const [file] = await h.trainer.say(`/export ${code}`);
    expect(file?.kind === 'file' && file.filename).toBe(`cohort-${code}-2026-11-28.csv`);
    expect(file?.kind === 'file' && file.caption).toMatch(/Times in Pacific\/Port_Moresby\.$/);
  });
});

describe('/share', () => {
  it('shares with the one cohort, asks which of several, and /share off takes it back from all', async () => {
    const first = await h.cohort('Morning');
    const second = await h.cohort('Afternoon');
    const ana = person(h.rt, 'ana');
    expect(allText(await ana.say('/share'))).toMatch(/not in any cohort/);
    await ana.say(`/join ${first}`);
    expect(allText(await ana.say('/share'))).toContain('Done: the trainers of "Morning"');
    h.clock.advance(1000);
    await ana.say(`/join ${second}`);
    expect(allText(await ana.say('/share'))).toMatch(/You're in 2 cohorts:[\s\S]*Send \/share CODE for one of them, or \/share all\./);
    expect(allText(await ana.say(`/share ${second.toLowerCase()}`))).toContain('Done: the trainers of "Afternoon"');
    const shares = async () => Promise.all([first, second].map(async (c) => (await h.store.listMembers((await h.store.getCohortByCode(c))!.id))[0]!.sharesResults));
    expect(await shares()).toEqual([true, true]);
    expect(allText(await ana.say('/share off'))).toMatch(/^Done: the trainers of "Morning" \(\w+\), "Afternoon" \(\w+\) see your results by name only once 5 members/);
    expect(await shares()).toEqual([false, false]);
    expect(allText(await ana.say('/share QQQQQQ'))).toMatch(/not in a cohort with that code/);
  });

  it('/privacy says what trainers see and how /share changes it', async () => {
    const privacy = allText(await person(h.rt, 'ana').say('/privacy'));
    expect(privacy).toContain('What trainers see: your name, platform and when you joined');
    expect(privacy).toContain('or from the start if you send /share (/share off takes it back)');
  });
});

/** A UTF-16 high surrogate not followed by its low half, or a low half with no high one before it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('text that members wrote', () => {
  it("keeps formulas out of the CSV for spreadsheets that split on ';' as well as ','", async () => {
    const code = await h.cohort();
    const names = [';=1+1', ';+1', 'a;=HYPERLINK("http://x")', '\t=1', ' =1+1', ',=1+1', '@SUM(1)'];
    for (const [i, name] of names.entries()) {
      await h.rt.bot.handle({ user: { platform: 'console', id: `f${i}`, name }, conversation: { id: `f${i}`, type: 'direct' }, text: `/join ${code}` });
    }
    const [file] = await h.trainer.say(`/export ${code}`);
    if (file?.kind !== 'file') throw new Error(`expected a file, got ${file?.kind}`);
    const csv = file.data.toString('utf8');
    for (const delimiter of [',', ';', '\t']) {
      const cells = parseCsv(csv, delimiter).flat();
      const formulas = cells.filter((c) => /^[=+\-@]/.test(c.replace(/^[\s\r]+/, '')));
      expect(formulas, `cells read with delimiter ${JSON.stringify(delimiter)}`).toEqual([]);
    }
    // Read as intended, every name is still there (with the guard's apostrophe where it starts like a formula).
    const read = parseCsv(csv).slice(1).map((r) => r[2]);
    for (const name of names) expect(read.some((n) => n === name || n === `'${name}`), name).toBe(true);
  });

  it('never cuts a question in half a character in /unanswered or /report', async () => {
    const code = await h.cohort();
    const ana = person(h.rt, 'ana');
    await ana.say(`/join ${code}`);
    // 199 letters, then an emoji (two UTF-16 units) across the 200-unit cut.
    const question = `${'q'.repeat(199)}\u{1F600} and what about the quokka?`;
    await ana.say(question);
    expect(await h.store.listUnanswered()).toHaveLength(1);
    const list = allText(await h.trainer.say('/unanswered'));
    const report = texts(await h.trainer.say(`/report ${code}`));
    for (const shown of [list, report]) {
      expect(shown).toContain('q'.repeat(199));
      expect(shown).not.toMatch(LONE_SURROGATE);
    }
  });
});
