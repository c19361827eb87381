// `node dist/eval/ranks.js [--holdout]`: where the unit holding the expected facts ranks, for each miss:
// counts only (no question text), so it may also be run on hold-out sets.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../src/content/load.js';
import { createAnswerer } from '../src/qa/answer.js';
import { loadSearchIndex } from '../src/qa/search-index.js';
import type { Topic } from '../src/qa/types.js';
import { isRight, listPacks, parseJsonl } from './score.js';

const holdout = process.argv.includes('--holdout');
const bucket = (r: number) => (r < 0 ? 'none' : r === 0 ? '1' : r < 3 ? '2-3' : r < 10 ? '4-10' : '>10');
for (const pack of listPacks()) {
  const content = loadContent(pack.contentDir);
  const answerer = createAnswerer(content, loadSearchIndex(content, mkdtempSync(join(tmpdir(), 'eval-ranks-'))));
  for (const set of pack.sets) {
    if ((set.role === 'holdout') !== holdout) continue;
    let topic: Topic | undefined;
    const counts = new Map<string, number>();
    for (const item of parseJsonl(readFileSync(set.file, 'utf8'))) {
      const { ranked } = answerer.explain(item.q, topic);
      const a = answerer.answer(item.q, topic);
      topic = a.topic ?? topic;
      if (item.decline || isRight(item, a)) continue;
      const r = ranked.findIndex((x) => isRight(item, { answered: true, text: x.d.doc.text }));
      const rf = ranked.filter((x) => x.fits && x.strong).findIndex((x) => isRight(item, { answered: true, text: x.d.doc.text }));
      const key = `${a.answered ? 'wrong' : 'declined'}${item.followup ? '/fu' : ''} rank ${bucket(r)} fitrank ${bucket(rf)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    console.log(`\n${pack.slug}/${set.name}`);
    for (const [k, n] of [...counts].sort()) console.log(`  ${String(n).padStart(3)}  ${k}`);
  }
}
