// lunr's scores for a query of optional terms, without running the query: a lunr query was the costliest
// step of answering and allocated more than anything else.
//
// lunr scores a doc field as the dot product of the query's vector (each term's boost) with the field's
// vector (each term's BM25 weight), divided by the length of the query's vector, and adds up a doc's
// fields. A query of one term in one field with boost 1 returns that term's weight in each doc's field
// as it is, so those are asked once per term (a pack has few) and kept; a question's scores are then
// added up as lunr adds them. lunr adds a field's terms in the order of its own term numbers, which it
// does not expose; these sums go in the question's order, so with three or more terms in one field a
// score may differ from lunr's in the last bit (a relative 1e-16). Only two docs whose scores lunr puts
// within that of each other could swap places, which no tie-breaker can tell apart anyway.
import lunr from 'lunr';

/** A term's weights in one field: the docs that hold it there, and its weight in each. */
interface FieldWeights {
  refs: string[];
  weights: number[];
}

/**
 * A doc's score from its [field, boost x weight] pairs in the order the query met them: each field's dot
 * product over the query's length, the fields added up in the order first met, as lunr does.
 */
function docScore(pairs: readonly number[], magnitude: number): number {
  let score: number | undefined;
  for (let k = 0; k < pairs.length; k += 2) {
    const field = pairs[k]!;
    let met = false;
    for (let j = 0; j < k; j += 2) if (pairs[j] === field) met = true;
    if (met) continue;
    let dot = 0;
    for (let j = k; j < pairs.length; j += 2) if (pairs[j] === field) dot += pairs[j + 1]!;
    const s = dot / magnitude || 0;
    score = score === undefined ? s : score + s;
  }
  return score ?? 0;
}

export class LunrScorer {
  private fields: string[] | undefined;
  /** Term -> its weights by field (in the index's order of fields), or null when the index does not hold it. */
  private readonly weights = new Map<string, FieldWeights[] | null>();

  constructor(private readonly index: lunr.Index) {}

  /**
   * What `index.query` gives for these terms (already stemmed: no pipeline), each optional with its boost:
   * doc ref -> score. Only a pack's own terms should be asked: each is kept.
   */
  scores(terms: ReadonlyMap<string, number>): Map<string, number> {
    const known: [FieldWeights[], number][] = [];
    for (const [t, boost] of terms) {
      // A wildcard would expand into other terms: only the query knows which.
      if (t.includes('*')) return this.query(terms);
      const w = this.termWeights(t);
      if (w) known.push([w, boost]);
    }
    // The query's vector holds every term the index knows, in every field.
    let squares = 0;
    for (const [, boost] of known) squares += boost * boost;
    const magnitude = Math.sqrt(squares);
    // Per doc, its [field, boost x weight] pairs in the order the query meets them: term by term, field by field.
    const met = new Map<string, number[]>();
    for (const [byField, boost] of known) {
      byField.forEach(({ refs, weights }, field) => {
        for (let j = 0; j < refs.length; j++) {
          const pairs = met.get(refs[j]!);
          if (pairs) pairs.push(field, boost * weights[j]!);
          else met.set(refs[j]!, [field, boost * weights[j]!]);
        }
      });
    }
    const out = new Map<string, number>();
    for (const [ref, pairs] of met) out.set(ref, docScore(pairs, magnitude));
    return out;
  }

  private termWeights(t: string): FieldWeights[] | null {
    let w = this.weights.get(t);
    if (w === undefined) {
      this.fields ??= this.allFields();
      const byField = this.fields.map((field) => {
        // One term in one field with boost 1: lunr's score is the term's weight in that field.
        const results = this.index.query((q) => q.term(t, { fields: [field], usePipeline: false, presence: lunr.Query.presence.OPTIONAL }));
        return { refs: results.map((r) => r.ref), weights: results.map((r) => r.score) };
      });
      w = byField.some((f) => f.refs.length) ? byField : null;
      this.weights.set(t, w);
    }
    return w;
  }

  private allFields(): string[] {
    let fields: string[] = [];
    this.index.query((q) => {
      fields = q.allFields;
    });
    return fields;
  }

  /** The query itself. */
  private query(terms: ReadonlyMap<string, number>): Map<string, number> {
    const results = this.index.query((q) => {
      for (const [t, boost] of terms) q.term(t, { usePipeline: false, boost, presence: lunr.Query.presence.OPTIONAL });
    });
    return new Map(results.map((r) => [r.ref, r.score]));
  }
}
