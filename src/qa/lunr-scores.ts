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

/** A term's weights in one field: the docs that hold it there (by their slot, see LunrScorer), and its weight in each. */
interface FieldWeights {
  slots: number[];
  weights: number[];
}

export class LunrScorer {
  private fields: string[] | undefined;
  /** Term -> its weights by field (in the index's order of fields), or null when the index does not hold it. */
  private readonly weights = new Map<string, FieldWeights[] | null>();
  /** Each doc ref met in a term's weights gets a slot: a number to keep its sums under (see scores). */
  private readonly slots = new Map<string, number>();
  private readonly refs: string[] = [];
  // Kept between questions, so that a question's sums allocate nothing per doc: per slot and field, the dot
  // product so far and when the field was first met for the doc (-1: not yet); per slot, the question it was
  // last met in.
  private readonly dots: number[] = [];
  private readonly firstMet: number[] = [];
  private readonly metIn: number[] = [];
  private question = 0;

  constructor(private readonly index: lunr.Index) {}

  /**
   * What `index.query` gives for these terms (already stemmed: no pipeline), each optional with its boost:
   * doc ref -> score. Only a pack's own terms should be asked: each is kept.
   *
   * A doc's score is its fields' dot products over the query's length, each field's products added in the order
   * the query met them (term by term, field by field), the fields added up in the order first met, as lunr does.
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
    const nFields = this.fields?.length ?? 0;
    const { dots, firstMet, metIn } = this;
    const question = ++this.question;
    // The docs in the order first met, and a count of (doc, field) pairs met, which orders each doc's fields.
    const docs: number[] = [];
    let met = 0;
    for (const [byField, boost] of known) {
      for (let field = 0; field < byField.length; field++) {
        const { slots, weights } = byField[field]!;
        for (let j = 0; j < slots.length; j++) {
          const slot = slots[j]!;
          const base = slot * nFields;
          if (metIn[slot] !== question) {
            metIn[slot] = question;
            docs.push(slot);
            for (let f = 0; f < nFields; f++) {
              dots[base + f] = 0;
              firstMet[base + f] = -1;
            }
          }
          if (firstMet[base + field]! < 0) firstMet[base + field] = met++;
          dots[base + field] = dots[base + field]! + boost * weights[j]!;
        }
      }
    }
    const out = new Map<string, number>();
    for (const slot of docs) {
      const base = slot * nFields;
      // Its fields in the order first met (a doc has few fields: picked one by one).
      let score: number | undefined;
      let after = -1;
      for (;;) {
        let next = -1;
        for (let f = 0; f < nFields; f++) {
          const at = firstMet[base + f]!;
          if (at > after && (next < 0 || at < firstMet[base + next]!)) next = f;
        }
        if (next < 0) break;
        after = firstMet[base + next]!;
        const s = dots[base + next]! / magnitude || 0;
        score = score === undefined ? s : score + s;
      }
      out.set(this.refs[slot]!, score ?? 0);
    }
    return out;
  }

  /** The slot of a doc ref (see `slots`). */
  private slotOf(ref: string): number {
    let slot = this.slots.get(ref);
    if (slot === undefined) {
      slot = this.refs.length;
      this.slots.set(ref, slot);
      this.refs.push(ref);
      this.metIn.push(0);
      // (Its sums' places made now, in order: the arrays stay packed.)
      for (let f = 0; f < (this.fields?.length ?? 0); f++) {
        this.dots.push(0);
        this.firstMet.push(-1);
      }
    }
    return slot;
  }

  private termWeights(t: string): FieldWeights[] | null {
    let w = this.weights.get(t);
    if (w === undefined) {
      this.fields ??= this.allFields();
      const byField = this.fields.map((field) => {
        // One term in one field with boost 1: lunr's score is the term's weight in that field.
        const results = this.index.query((q) => q.term(t, { fields: [field], usePipeline: false, presence: lunr.Query.presence.OPTIONAL }));
        return { slots: results.map((r) => this.slotOf(r.ref)), weights: results.map((r) => r.score) };
      });
      w = byField.some((f) => f.slots.length) ? byField : null;
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
