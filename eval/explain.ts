// `node dist/eval/explain.js PACK "question" ["previous question"]`: how the answerer reads and ranks a question.
// PACK is an eval pack's name or a content folder (a small pack a test writes, say); a folder is indexed afresh.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../src/content/load.js';
import { createAnswerer } from '../src/qa/answer.js';
import { loadSearchIndex } from '../src/qa/search-index.js';
import { freshIndex, listPacks } from './score.js';

const [slug, question, previousQuestion] = process.argv.slice(2);
const pack = listPacks().find((p) => p.slug === slug);
const dir = pack?.contentDir ?? (slug && existsSync(slug) ? slug : undefined);
if (!dir || !question) {
  console.log('usage: explain.js PACK "question" ["previous question"]');
  process.exit(2);
}
const content = loadContent(dir);
const answerer = createAnswerer(content, pack ? loadSearchIndex(content, join(tmpdir(), 'eval-explain-cache')) : freshIndex(content));
const previous = previousQuestion ? answerer.answer(previousQuestion).topic : undefined;
const { analysis, ranked, confidence } = answerer.explain(question, previous);
console.log('words:', analysis.words.join(' '));
console.log('intents:', [...analysis.intents].join(', '), '| numbers:', analysis.numbers.join(','), '| outside:', analysis.outside.join(', '));
for (const c of analysis.concepts) {
  const flags = [analysis.focus.includes(c) && 'FOCUS', c.unknown && 'unknown', c.specific && 'specific', c.generic && 'generic', c.context && 'context', analysis.counted === c && 'counted', c.verbal && 'verb', c.adverb && 'adverb'].filter(Boolean).join(' ');
  console.log(`  concept "${c.words.join(' ')}" [${flags}] alts: ${c.alternatives.slice(0, 6).map((a) => `${a.stems.join('+')}${a.credit < 1 ? `(${a.credit.toFixed(2)})` : ''}`).join(' ')}`);
}
console.log('confidence:', confidence.toFixed(3));
for (const r of ranked.slice(0, 8)) {
  console.log(`  ${r.score.toFixed(3)} cov ${r.coverage.toFixed(2)} ${r.fits ? 'fit' : '---'} ${r.strong ? 'strong' : 'weak  '} ${r.d.doc.ref} [${[...r.d.features].join(',')}] ${r.d.doc.text.slice(0, 90)}`);
}
const a = answerer.answer(question, previous);
console.log(`\n=> ${a.answered ? 'ANSWER' : 'DECLINE'}: ${a.text}`);
