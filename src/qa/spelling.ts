// Spelling correction against a pack's own vocabulary: a symmetric-delete index and a bounded edit distance.

/**
 * Word (with up to `depth` letters deleted) -> the dictionary word it came from, or the words when more than one
 * did. (Most deletes come from one word: a list for each of them would be most of the index's memory.)
 */
export type DeleteIndex = Map<string, string | string[]>;

/** How many letters a word of this length may be off: long words two, shorter ones one. */
export const maxEdits = (length: number): number => (length >= 9 ? 2 : 1);

function deletesOf(word: string, depth: number): Set<string> {
  const seen = new Set<string>();
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const del = w.slice(0, i) + w.slice(i + 1);
        if (seen.has(del)) continue;
        seen.add(del);
        next.push(del);
      }
    }
    frontier = next;
  }
  return seen;
}

export function buildDeleteIndex(dictionary: Iterable<string>): DeleteIndex {
  const index: DeleteIndex = new Map();
  for (const w of dictionary) {
    if (w.length < 4 || /\d/.test(w)) continue;
    for (const del of deletesOf(w, w.length >= 7 ? 2 : 1)) {
      const from = index.get(del);
      if (from === undefined) index.set(del, w);
      else if (typeof from === 'string') index.set(del, [from, w]);
      else from.push(w);
    }
  }
  return index;
}

/** Could `word` be a misspelling of a dictionary word (it shares a delete with one)? */
export function nearDictionary(index: DeleteIndex, dictionary: ReadonlySet<string>, word: string): boolean {
  if (word.length < 5 || word.length > 20) return false;
  if (dictionary.has(word) || index.has(word)) return true;
  for (const del of deletesOf(word, maxEdits(word.length))) if (index.has(del) || dictionary.has(del)) return true;
  return false;
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), stopping above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The dictionary word a misspelt word most likely meant, or undefined. The first letter must match
 * (people rarely mistype it), which keeps unrelated words such as "cats" from turning into "acts".
 * `rank` breaks ties between equally close words (higher is likelier: how many documents use it).
 */
export function correctWord(index: DeleteIndex, dictionary: ReadonlySet<string>, word: string, rank: (w: string) => number): string | undefined {
  if (word.length < 5 || word.length > 20 || /\d/.test(word)) return undefined;
  const max = maxEdits(word.length);
  let best: string | undefined;
  let bestScore = Infinity;
  const consider = (c: string) => {
    if (c[0] !== word[0]) return;
    const d = editDistance(word, c, max);
    if (d > max) return;
    // Fewer edits first, then the more common word, then a stable order.
    const score = d * 1000 - Math.min(999, rank(c));
    if (score < bestScore || (score === bestScore && best !== undefined && c < best)) {
      best = c;
      bestScore = score;
    }
  };
  for (const probe of [word, ...deletesOf(word, max)]) {
    if (dictionary.has(probe)) consider(probe);
    const from = index.get(probe);
    if (typeof from === 'string') consider(from);
    else if (from) for (const c of from) consider(c);
  }
  return best;
}
