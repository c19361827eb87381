// `node dist/eval/misses.js PACK [SET]`: each miss of a tuning set with the reading and ranking behind it.
import { readFileSync } from 'node:fs';
import { loadContent } from '../src/content/load.js';
import { createAnswerer } from '../src/qa/answer.js';
import type { Topic } from '../src/qa/types.js';
import { freshIndex, isRight, listPacks, parseJsonl } from './score.js';

const [slug, setName] = process.argv.slice(2);
const pack = listPacks().find((p) => p.slug === slug);
if (!pack) {
  console.log('usage: misses.js PACK [SET]');
  process.exit(2);
}
const content = loadContent(pack.contentDir);
const answerer = createAnswerer(content, freshIndex(content));
for (const set of pack.sets) {
  if (set.role === 'holdout' || (setName && set.name !== setName)) continue;
  let topic: Topic | undefined;
  for (const item of parseJsonl(readFileSync(set.file, 'utf8'))) {
    const { analysis, ranked, confidence } = answerer.explain(item.q, topic);
    const a = answerer.answer(item.q, topic);
    topic = a.topic ?? topic;
    if (isRight(item, a)) continue;
    const want = item.decline ? 'DECLINE' : `any ${JSON.stringify(item.any ?? [])} all ${JSON.stringify(item.all ?? [])}`;
    console.log(`\n${item.id}${item.followup ? ' (follow-up)' : ''}: ${item.q}   want ${want}`);
    console.log(`  read: ${analysis.words.join(' ')} | intents ${[...analysis.intents].join(',')} | focus ${analysis.focus.map((c) => c.words.join(' ')).join(',')} | outside ${analysis.outside.join(',')} | conf ${confidence.toFixed(2)}`);
    for (const r of ranked.slice(0, 3)) console.log(`  ${r.score.toFixed(2)} cov ${r.coverage.toFixed(2)} ${r.fits ? 'fit' : '---'} ${r.strong ? 'S' : 'w'} ${r.d.doc.ref}: ${r.d.doc.text.slice(0, 110)}`);
    console.log(`  => ${a.answered ? a.text.slice(0, 150) : '(declined)'}`);
  }
}
