// `node dist/eval/rerank-exp.js` (about 90 s): would a linear re-ranker over the top contenders, fitted on the
// tuning sets (softmax over each question's top five, leave-one-pack-out), put the unit holding the expected facts
// first more often than rank's own order? Prints counts only, so it may also score the hold-out sets. (2026-12-07:
// no: every setting within 4 of rank's order on either role; see BENCHMARKS.)
import { forEachSet, isRight, type Turn } from './score.js';
import { contentStems } from '../src/qa/pack.js';
import type { Ranked } from '../src/qa/rank.js';
import type { Analysis } from '../src/qa/analyze.js';

const K = 5;
interface Q { pack: string; x: number[][]; y: number[]; }

function sentStems(text: string): Set<string>[] {
  return text.split(/(?<=[.;!?:])\s+/).map((s) => new Set(contentStems(s)));
}
const INTENT_FEAT: [string, string][] = [['howmany', 'number'], ['howmany', 'percent'], ['when', 'date'], ['where', 'place'], ['why', 'reason'], ['define', 'definition'], ['list', 'list'], ['how', 'steps'], ['advice', 'advice'], ['who', 'person']];
function feats(a: Analysis, r: Ranked, top: Ranked, idx: number, medianTerms: number): number[] {
  const cs = a.concepts.filter((c) => !c.generic && !c.context);
  const holds = (set: Set<string>, c: (typeof cs)[number]) => c.alternatives.some((alt) => alt.stems.every((t) => set.has(t)));
  const sents = sentStems(r.d.doc.text);
  let best = 0;
  for (const s of sents) { const n = cs.filter((c) => holds(s, c)).length; if (n > best) best = n; }
  const title = new Set(contentStems(r.d.doc.title));
  const k = r.d.doc.kind;
  const f = [
    r.score - top.score,
    r.coverage,
    r.phrase,
    r.focusLead ? 1 : 0,
    Math.log2(Math.max(1, r.d.terms.size) / medianTerms),
    cs.length ? best / cs.length : 0,
    cs.length ? cs.filter((c) => holds(title, c)).length / cs.length : 0,
    k === 'glossary' ? 1 : 0, k === 'indicator' ? 1 : 0, k === 'meta' ? 1 : 0,
    idx / K,
    sents.length / 5,
  ];
  for (const [i, ft] of INTENT_FEAT) f.push(a.intents.has(i as never) && r.d.features.has(ft as never) ? 1 : 0);
  return f;
}

function collect(holdout: boolean): Q[] {
  const out: Q[] = [];
  forEachSet(holdout, (pack, _set, turns: Turn[]) => {
    for (const { item, read } of turns) {
      if (item.decline) continue;
      const cont = read.ranked.filter((r) => r.strong && r.fits).slice(0, K);
      if (cont.length < 2) continue;
      const y = cont.map((r) => (isRight(item, { answered: true, text: r.d.doc.text }) ? 1 : 0));
      if (!y.some(Boolean)) continue;
      const med = 30;
      out.push({ pack: pack.slug, x: cont.map((r, i) => feats(read.analysis, r, cont[0]!, i, med)), y });
    }
  });
  return out;
}

function train(qs: Q[], l2: number, epochs = 300, lr = 0.5): number[] {
  const dim = qs[0]!.x[0]!.length;
  const w: number[] = new Array<number>(dim).fill(0);
  w[0] = 5; // start from the current order
  for (let e = 0; e < epochs; e++) {
    const g: number[] = new Array<number>(dim).fill(0);
    for (const q of qs) {
      const s = q.x.map((f) => f.reduce((t, v, j) => t + v * w[j]!, 0));
      const m = Math.max(...s);
      const p = s.map((v) => Math.exp(v - m));
      const Z = p.reduce((a, b) => a + b, 0);
      const pr = p.map((v) => v / Z);
      const Zy = pr.reduce((t, v, i) => t + (q.y[i] ? v : 0), 0);
      // d(-log sum_{y} p)/dw = sum_i p_i f_i - sum_{i in y} (p_i/Zy) f_i
      for (let i = 0; i < q.x.length; i++) {
        const coef = pr[i]! - (q.y[i] ? pr[i]! / Zy : 0);
        for (let j = 0; j < dim; j++) g[j]! += coef * q.x[i]![j]!;
      }
    }
    for (let j = 0; j < dim; j++) w[j]! -= lr * (g[j]! / qs.length + l2 * (j === 0 ? w[j]! - 5 : w[j]!));
  }
  return w;
}
const top1 = (qs: Q[], w?: number[]) => qs.filter((q) => {
  if (!w) return q.y[0] === 1;
  const s = q.x.map((f) => f.reduce((t, v, j) => t + v * w[j]!, 0));
  return q.y[s.indexOf(Math.max(...s))] === 1;
}).length;

const tune = collect(false);
const hold = collect(true);
console.log(`tune: ${tune.length} questions with a right contender among >=2; right first now ${top1(tune)}`);
console.log(`hold: ${hold.length}; right first now ${top1(hold)}`);
for (const l2 of [0.3, 0.1, 0.03, 0.01, 0.001]) {
  // leave-one-pack-out within tuning
  const packs = [...new Set(tune.map((q) => q.pack))];
  let cv = 0;
  for (const p of packs) { const w = train(tune.filter((q) => q.pack !== p), l2, 150); cv += top1(tune.filter((q) => q.pack === p), w); }
  const w = train(tune, l2);
  console.log(`l2=${l2}: tune-cv ${cv}/${tune.length}, fit-all tune ${top1(tune, w)}, hold ${top1(hold, w)}/${hold.length}  w=${w.map((v) => v.toFixed(2)).join(' ')}`);
}
