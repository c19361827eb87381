// Acronyms a text defines: "Open Widget Data (OWD)", "OWD (Open Widget Data)", "OWD: Open Widget Data".

export interface Acronym {
  term: string;
  expansion: string;
}

/** Small words an acronym may skip or keep: "Office of Widgets and Gadgets (OWG)". */
const MINOR = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'a', 'an', '&', 'de', 'des', 'du', 'la', 'le', 'et', 'y', 'with', 'by', 'at']);
const ACRONYM = '[A-Z][A-Za-z0-9&]*[A-Z][A-Za-z0-9&]*';
/** Punctuation that ends a phrase: an expansion never runs across it. */
const BREAK = /[.,;:!?()[\]]/;

/** The capitals an acronym's words must start with ("WiG" -> W, G; "NGOs" -> N, G, O). */
const capitals = (acronym: string): string[] => [...acronym.replace(/s$/, '')].filter((c) => /[A-Z]/.test(c)).map((c) => c.toLowerCase());

/** Each word part's letters that can stand in an acronym: its first, then its inner capitals ("WidgetHub" -> w, h). */
function parts(words: string[]): { letters: string[]; minor: boolean }[] {
  return words.flatMap((w) =>
    w
      .split(/[-/]/)
      .filter(Boolean)
      .map((p) => ({ letters: [p[0]!.toLowerCase(), ...[...p.slice(1)].filter((c) => /[A-Z]/.test(c)).map((c) => c.toLowerCase())], minor: MINOR.has(p.toLowerCase()) })),
  );
}

/** Do these words spell the acronym, every word used (small words may be skipped or used)? */
function spells(need: string[], words: string[]): boolean {
  const ps = parts(words);
  const go = (i: number, j: number): boolean => {
    if (j === ps.length) return i === need.length;
    const p = ps[j]!;
    if (p.minor && go(i, j + 1)) return true;
    // A part gives its first letter, and may give its inner capitals after it.
    for (let k = 1; k <= p.letters.length; k++) {
      if (i + k > need.length) break;
      if (p.letters.slice(0, k).every((c, x) => c === need[i + x]) && go(i + k, j + 1)) return true;
    }
    return false;
  };
  return ps.length > 0 && !ps[0]!.minor && go(0, 0);
}

const clean = (w: string) => w.replace(/^[“”"‘’'*_]+|[“”"‘’'*_,;]+$/g, '');

export function findAcronyms(text: string): Acronym[] {
  const out: Acronym[] = [];
  const add = (term: string, expansion: string) => {
    const t = term.replace(/(?<=[A-Z])s$/, '');
    if (!out.some((a) => a.term === t)) out.push({ term: t, expansion });
  };
  // "Open Widget Data (OWD)": the shortest run of words before the brackets that spells it.
  for (const m of text.matchAll(new RegExp(`\\((${ACRONYM}s?)\\)`, 'g'))) {
    const need = capitals(m[1]!);
    if (need.length < 2) continue;
    const before = text.slice(0, m.index);
    const clause = before.split(BREAK).at(-1) ?? '';
    const words = clause.split(/\s+/).map(clean).filter(Boolean);
    for (let start = words.length - 1; start >= Math.max(0, words.length - (need.length * 2 + 3)); start--) {
      if (spells(need, words.slice(start))) {
        add(m[1]!, words.slice(start).join(' '));
        break;
      }
    }
  }
  // "OWD (Open Widget Data)" and "OWD: Open Widget Data" / "OWD – Open Widget Data".
  const reverse = new RegExp(`(?:^|[\\s(])(${ACRONYM}s?)(?:\\s+\\(([^()]{3,100})\\)|\\s*[:–—-]\\s+([^.,;:()]{3,100}))`, 'g');
  for (const m of text.matchAll(reverse)) {
    const need = capitals(m[1]!);
    const words = (m[2] ?? m[3] ?? '').split(/\s+/).map(clean).filter(Boolean);
    if (need.length < 2) continue;
    // In the colon form the expansion is the first words that spell it; the rest of the line explains it.
    for (let end = 1; end <= Math.min(words.length, need.length * 2 + 3); end++) {
      if (spells(need, words.slice(0, end))) {
        if (m[2] !== undefined && end !== words.length) break;
        add(m[1]!, words.slice(0, end).join(' '));
        break;
      }
    }
  }
  return out;
}
