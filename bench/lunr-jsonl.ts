// The baseline of `ask --jsonl`: a plain lunr index over the same documents, its top hit as the answer, one JSON
// line per question from stdin. Run by bench/cold-start.ts beside the real command.
import { readLines } from '../src/app/ask.js';
import { defaultContentDir, loadContent } from '../src/content/load.js';
import { normalizeText } from '../src/content/text.js';
import { buildSearchDocs } from '../src/qa/docs.js';
import { loadSearchIndex } from '../src/qa/search-index.js';
import lunr from 'lunr';

const content = loadContent(defaultContentDir());
const index = loadSearchIndex(content, `${process.env.DATA_DIR?.trim() || 'data'}/cache`).lunr;
const byRef = new Map(buildSearchDocs(content).map((d) => [d.ref, d]));
for await (const line of readLines(process.stdin)) {
  const tokens = lunr.tokenizer(normalizeText(line)).map((t) => t.toString()).filter(Boolean);
  const hits = index.query((q) => {
    for (const t of tokens) q.term(t, { presence: lunr.Query.presence.OPTIONAL });
  });
  const top = hits[0] && byRef.get(hits[0].ref);
  process.stdout.write(`${JSON.stringify({ question: line, answered: !!top, text: top ? top.text : '' })}\n`);
}
