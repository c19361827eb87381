import { loadContent } from '../src/content/load.js';
import { createAnswerer } from '../src/qa/answer.js';
import { freshIndex } from './score.js';
const [dir, ...qs] = process.argv.slice(2);
const content = loadContent(dir!);
const answerer = createAnswerer(content, freshIndex(content));
let topic;
for (const q of qs) {
  const { analysis, ranked, confidence } = answerer.explain(q, topic);
  const a = answerer.answer(q, topic);
  topic = a.topic ?? topic;
  console.log(`\n${q}\n  read: ${analysis.words.join(' ')} | ${[...analysis.intents]} | years ${analysis.years} | conf ${confidence.toFixed(2)}`);
  for (const r of ranked.slice(0, Number(process.env.TOP ?? 4))) console.log(`  ${r.score.toFixed(2)} cov ${r.coverage.toFixed(2)} ${r.fits ? "fit" : "---"} [${[...r.d.features].join(",")}] ${r.d.doc.ref}: ${r.d.doc.text.slice(0, 90)}`);
  console.log('  =>', a.answered ? a.text : 'DECLINED');
}
