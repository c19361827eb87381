// What a document's text holds, read from the form of its words: a person, a date, a place, a figure, a list,
// a definition, a reason. Questions ask for one of these ("who", "when", "where", "how many", "what are").
import { escapeRegExp } from '../content/text.js';
import type { SearchDoc } from './docs.js';
import { wordMap, wordSet } from './word-lists.js';

export type Feature =
  | 'person' // a named person or a role ("Ana Lopez", "a chief data officer")
  | 'org' // an organisation ("the Widget Foundation", "WXF")
  | 'year' // a year
  | 'date' // a day, a month or a year
  | 'duration' // how long something lasts: "a 45-minute session", "three years"
  | 'frequency' // how often something happens: "every two years", "annually"
  | 'age' // an age: "at 9 months", "aged 16", "65 and over", "the age of 18"
  | 'day' // a day or a month, not only a year
  | 'money' // an amount of money
  | 'ranking' // says which is most or first ("greatest in X", "made the most progress")
  | 'numbered' // a numbered position: "second", "14th"
  | 'place' // a place the pack names
  | 'number' // a figure or a quantity in words
  | 'percent' // a share
  | 'list' // an enumeration
  | 'definition' // says what something is
  | 'reason' // says why, or what something brings about
  | 'advice' // says what to do: "should", "start with", "first steps"
  | 'steps' // steps in order: "(1) install the app; (2) log in", "Step 1: ..."
  | 'start' // is where to begin, by its heading or section: "First steps for a council", "Where should we begin?"
  | 'own-advice' // opens as someone's advice: "The presenter's advice: ...", "Dr Reis's tips: ..."
  | 'example' // names instances of something: "such as", "for example", "e.g.", "including"
  | 'why' // is itself a "why", by its heading or its opening question: "Why meters matter", "Why a register? ..."
  | 'ordinal'; // a position: first, second, top, 14th

const YEAR = /\b(1[89]\d\d|20\d\d)\b/;
/** Steps in order: "(1) ... (2) ...", "1) ... 2) ...", "Step 1 ... step 2". */
const STEPS = /(?:^|\s)\(?1\)\s[\s\S]*\s\(?2\)\s|\bstep (?:1|one)\b[\s\S]*\bstep (?:2|two)\b/i;
/** A figure that is not a year (a year dates a fact; it does not count anything). */
const NUMBER = /(?<![A-Za-z])\d+(?![A-Za-z])/;
const withoutYears = (text: string): string => text.replace(/\b(1[89]\d\d|20\d\d)(-\d{2,4})?\b/g, ' ');
/** A list's item numbers, "(1) why change; (2) ...": they order the items, they are no figure. */
const withoutItemNumbers = (text: string): string => text.replace(/\(\d{1,2}\)/g, ' ');
const PERCENT = /%|\bper ?cent\b|\bpercentage\b/i;
/** Two or more capitalised words in a row inside a sentence: a name ("Ana Lopez", "Widget Foundation"). */
const NAME = /(?<![.:!?]\s|^)\b[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)+\b/;
/** An acronym in capitals ("WXF", "ABC"): most often an organisation or a programme. */
const ACRONYM = /\b[A-Z]{2,6}\b/;
const DEFINITION = /\b(is|are) (a|an|the|one|how|what|when)\b|\brefers? to\b|\bmeans?\b|\bdenotes?\b|\bdefined as\b|\bstands? for\b|\bknown as\b/i;
/** Names instances of what it speaks of. */
const EXAMPLES = /\b(?:such as|for example|for instance|e\.g\.|includ(?:e|es|ed|ing)|among them|examples? (?:is|are)|as did)\b/i;
const ORDINAL = /\b\d+(st|nd|rd|th)\b/i;
/** A heading that says its section is where to begin: "First steps for a council", "Where do councils start?". */
const STARTS = /\b(first steps?|where (?:(?:to|do|does|should|can|would) )?(?:\w+ ){0,2}(?:start|begin)|(do|done) first|getting started|starting points?|how to (start|begin))\b/i;
/** A unit that opens by saying it is where to begin ("Five first steps for a council: ...", "Where to start: ..."). */
const OPENS_AS_START = new RegExp(String.raw`^(?:\w+ ){0,2}${STARTS.source}`, 'i');
/** Opens as someone's advice: "The presenter's advice: ...", "Dr Reis's tips: ...". */
const ADVICE_OPENING = /^(?:[\w.-]+ ){0,3}[\w-]+['’]s? (?:advice|tips|recommendations?)\b/i;
/** Says what to do: "governments should...", "start with...", "five first steps", "we recommend". */
const ADVISES = /\b(should|must|first steps?|start (with|by)|begin (with|by)|recommend\w*|advice|advises?|tips?|best practices?)\b/i;
/** A month's name, whole or short (the lexicon's), for the spans of dates below. */
const MONTH = `(${[...wordSet('month')].join('|')})`;
/** A length of time: a figure or a number word, then a unit of time ("45-minute", "two years"). */
const DURATION = new RegExp(
  [
    // "45-minute", "three years", "two and a half years", "5 working days"
    String.raw`\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|several|few)( and a half)?[- ]((working|business|calendar|full|school)[- ])?(second|minute|hour|day|week|month|year|decade)s?\b`,
    // "in under an hour", "within a week", "for about a year"
    String.raw`\b(within|under|over|about|nearly|almost|less than|more than|for) (a|an) (second|minute|hour|day|week|month|year|decade)\b`,
    // "from 2019 to 2024", "the 2021-2025 plan": a span of years
    String.raw`\bfrom (19|20)\d\d (to|until|till) (19|20)\d\d\b|\b(19|20)\d\d ?[-\u2013] ?((19|20)\d\d|\d\d)\b`,
    // "ran from 3 October 2022 to 31 March 2023", "between March and June 2024": a span of dates
    String.raw`\b(from|between) (\d{1,2} )?${MONTH}( \d{1,2})?,?( (19|20)\d\d)? (to|until|till|through|and) (\d{1,2} )?${MONTH}\b`,
  ].join('|'),
  'i',
);
/** A number in figures or in the lexicon's words ("9", "nine"), as a pattern to build others from. */
const COUNT_WORD = String.raw`(\d+|${[...wordMap('number-word').keys()].join('|')})`;
/** An age: "at 9 months", "at six years of age", "aged 16", "16-year-olds", "65 and over", "from the age of 18", "under-5s". */
const AGE = new RegExp(
  [
    String.raw`\b(at|from|by|before|after|until|under|over|below|above) (the )?(age of )?${COUNT_WORD}[- ](day|week|month|year)s?\b`,
    String.raw`\b(aged?|ages|age of) ${COUNT_WORD}\b`,
    String.raw`\b\d+[- ](day|week|month|year)s?[- ]old\b|\b(under|over)[- ]\d+s\b|\b\d+ (and|or) (over|above|older|under|younger)\b|\b(older|younger) than \d+\b|\bof age\b`,
  ].join('|'),
  'i',
);
/** How often something happens: "every two years", "each month", "twice a year", "annually", "every second Tuesday". */
const FREQUENCY = new RegExp(
  // ("3 free messages a week", "two visits a month": a number of things in each period.)
  String.raw`\b${COUNT_WORD}( [a-z]+){0,3} a (year|month|week|day)\b|` +
  String.raw`\b(every|each|once a|twice a|per) (\w+ )?(year|month|week|day|hour|minute|decade|quarter|${[...wordSet('weekday')].join('|')}|weekday|weekend|morning|evening|night)s?\b|\b(annual(ly)?|yearly|monthly|weekly|daily|hourly|biennial(ly)?|quarterly|biannual(ly)?|triennial(ly)?)\b`,
  'i',
);

/** A currency sign next to a figure: "$5", "€ 2.5 million", "R$10", "5€", "₹300". */
const CURRENCY_SIGN = /\p{Sc}\s?\d|\d\s?\p{Sc}/u;
/** A figure, then perhaps a scale ("2.5 billion", "300 million", "40bn"). */
const FIGURE = String.raw`\d[\d.,]*\s?(?:thousand|million|billion|trillion|crore|lakh|bn|mn|m|k)?`;
const CODE_THEN_FIGURE = /\b([A-Z]{3})\s?\d/g;
/** A year where a figure begins ("ALL 2024" names no amount of Albanian lek). */
const YEAR_AT = /^(1[89]|20)\d\d(?!\d)/;
/** A figure, then a word, perhaps after one more ("100 CFA francs", "5 million Kenyan shillings"). */
const FIGURE_THEN_WORD = new RegExp(`${FIGURE}\\s?(?:[A-Za-z]+\\s)?([A-Za-z\u00C0-\u024F]{3,})\\b`, 'g');

let currencies: { codes: Set<string>; names: Set<string> } | undefined;
/**
 * Every currency the runtime knows (ISO 4217, from Intl): its code ("INR") and the last word of its English
 * name, one and many ("rupee", "rupees", "naira", "reals"). A pack may count money in any of them.
 */
function knownCurrencies(): { codes: Set<string>; names: Set<string> } {
  if (currencies) return currencies;
  // (Codes in X are not money a government spends: gold, silver, drawing rights, test codes.)
  const codes = new Set(Intl.supportedValuesOf('currency').filter((c) => !c.startsWith('X')));
  const names = new Set<string>();
  for (const code of codes) {
    for (const n of [1, 2]) {
      const said = new Intl.NumberFormat('en', { style: 'currency', currency: code, currencyDisplay: 'name', maximumFractionDigits: 0 }).format(n);
      const last = said.toLowerCase().match(/[a-z\u00C0-\u024F]+$/)?.[0];
      if (last && last.length >= 3) names.add(last);
    }
  }
  return (currencies = { codes, names });
}

/**
 * A figure that what something cost says is money, whatever its currency is called: "cost 19 million crowns",
 * "saved about 190 million", "a fee of KD 5" (not a year, "paid in 2019", nor a share, "savings of 12 per cent").
 */
const PRICED = /\b(?:costs?|costing|spent|spends?|paid|pays?|priced at|budget of|savings? of|saved|worth|invested|investment of|(?:fares?|fees?|prices?|charges?|tolls?) (?:is|was|are|were|of|at|stays at|rose to|fell to))\s+(?:(?:about|around|some|over|almost|nearly|roughly|just|up to|an estimated|a total of|only|under|less than|more than)\s+)*(?:[a-z]{1,3} ?)?(?!(?:1[89]|20)\d\d(?![\d.,]))\d[\d.,]*(?![\d.,]|\s*(?:%|per ?cent\b|percent\b))/i;

/** The text gives an amount of money, in any currency: a sign, a code or a currency's name next to a figure. */
export function namesMoney(text: string): boolean {
  if (CURRENCY_SIGN.test(text) || PRICED.test(text)) return true;
  const { codes, names } = knownCurrencies();
  for (const m of text.matchAll(CODE_THEN_FIGURE)) if (codes.has(m[1]!) && !YEAR_AT.test(text.slice(m.index + 3).trimStart())) return true;
  for (const m of text.matchAll(FIGURE_THEN_WORD)) {
    const w = m[1]!;
    if ((w.length === 3 && codes.has(w.toUpperCase()) && w === w.toUpperCase()) || names.has(w.toLowerCase())) return true;
  }
  return false;
}

/**
 * The pack's own currency, as its glossary names it ("SVS: Sarovian shilling, the national currency"): a test
 * for a figure next to its code ("SVS 250", "96 million KM") or name ("60,000 shillings"). A code in capitals
 * counts only in capitals ("5 km" is no money in a pack that counts in KM). Undefined when the glossary names none.
 */
export function ownCurrency(glossary: readonly { term: string; expansion: string; synonyms: readonly string[] }[]): ((text: string) => boolean) | undefined {
  const all = glossary.filter((g) => /\bcurrenc(?:y|ies)\b/i.test(g.expansion)).flatMap((g) => [g.term, ...g.synonyms]).map((n) => n.trim());
  const said = all.filter((n) => n.length >= 2);
  // (A one-letter code counts only written against its figure: "V50", "V3.2 million".)
  const letters = all.filter((n) => /^[A-Z]$/.test(n));
  if (!said.length && !letters.length) return undefined;
  const near = (names: string[], flags: string) => {
    const alt = names.map(escapeRegExp).join('|');
    return new RegExp(`\\b(?:${alt})\\s?\\d|${FIGURE}\\s?(?:[A-Za-z]+\\s)?(?:${alt})\\b`, flags);
  };
  const codes = said.filter((n) => n === n.toUpperCase());
  const names = said.filter((n) => n !== n.toUpperCase());
  const tests = [...(codes.length ? [near(codes, '')] : []), ...(names.length ? [near(names, 'i')] : []), ...(letters.length ? [new RegExp(`\\b[${letters.join('')}]\\d`)] : [])];
  return (text) => tests.some((t) => t.test(text));
}

const lowerWords = (text: string): string[] => text.toLowerCase().match(/[a-z]+/g) ?? [];

/** Someone or something the text names: "Ana Lopez", "the Widget Foundation", "WXF". */
export interface Actor {
  /** Its words, lower case. */
  words: string[];
  /** An organisation (an acronym, or a name with "agency", "ministry"...), else a person. */
  org: boolean;
}

const NAMES = new RegExp(NAME.source, 'g');
const ACRONYMS = new RegExp(ACRONYM.source, 'g');

/** The people and organisations a text names, places left out: who may have done what a "who" question asks. */
export function actorsIn(text: string, places: ReadonlySet<string>): Actor[] {
  const out: Actor[] = [];
  for (const m of text.matchAll(NAMES)) {
    const name = m[0].toLowerCase();
    if (places.has(name)) continue;
    const words = lowerWords(name);
    out.push({ words, org: words.some((w) => wordSet('organisation').has(w)) });
  }
  for (const m of text.matchAll(ACRONYMS)) if (!places.has(m[0].toLowerCase())) out.push({ words: [m[0].toLowerCase()], org: true });
  return out;
}

/** Who the text names as having done something, and the verb: "written by Ana Lopez", "chaired by the Harbour Board". */
export interface Agent {
  verb: string;
  org: boolean;
}
export function agentsIn(text: string, places: ReadonlySet<string>): Agent[] {
  const out: Agent[] = [];
  for (const m of text.matchAll(AGENT)) {
    const name = m[2]!.toLowerCase();
    if (places.has(name)) continue;
    out.push({ verb: m[1]!.toLowerCase(), org: lowerWords(name).some((w) => wordSet('organisation').has(w)) });
  }
  return out;
}
const AGENT = /\b([a-z]+) by (?:the )?(?:(?:Dr|Prof|Mr|Ms|Mrs)\.? )?([A-Z][a-zA-Z'-]+(?:[ -](?:(?:of|for|and) )?(?:[A-Z]\.|[A-Z][a-zA-Z'-]+))*)/g;

/** An enumeration: a "list" unit, or three or more items separated by commas or semicolons. */
function isList(doc: SearchDoc): boolean {
  if (doc.unitKind === 'list') return true;
  const separators = (doc.text.match(/[,;]/g) ?? []).length;
  return separators >= 2 && /\b(and|or)\b|;/.test(doc.text);
}

export function docFeatures(doc: SearchDoc, places: ReadonlySet<string>): Set<Feature> {
  const f = new Set<Feature>();
  const text = doc.text;
  const lower = lowerWords(text);
  const has = (list: string) => lower.some((w) => wordSet(list).has(w));
  if (YEAR.test(text)) f.add('year').add('date');
  if (has('month') || has('weekday')) f.add('date').add('day');
  if (NUMBER.test(withoutItemNumbers(withoutYears(text))) || lower.some((w) => wordMap('number-word').has(w)) || has('quantity')) f.add('number');
  if (PERCENT.test(text)) f.add('percent').add('number');
  if (DURATION.test(text)) f.add('duration');
  if (AGE.test(text)) f.add('age');
  if (FREQUENCY.test(text)) f.add('frequency');
  if (ADVISES.test(text)) f.add('advice');
  // (Its own opening words, or its section's title when it is the section's first unit: not a passing mention
  // of a first step, nor every unit of a section about where to begin.)
  if (doc.kind === 'unit' && (OPENS_AS_START.test(text) || (doc.position === 0 && OPENS_AS_START.test(doc.title)))) f.add('start');
  if (doc.kind === 'unit' && ADVICE_OPENING.test(text)) f.add('own-advice');
  // (A currency's code or name next to a figure is looked for only when a question asks what something
  // costs: see `namesMoney`, which loads every currency's name on first use.)
  if (CURRENCY_SIGN.test(text) || has('currency')) f.add('money');
  if (has('role')) f.add('person');
  if (NAME.test(text)) {
    const name = NAME.exec(text)![0].toLowerCase();
    if (!places.has(name)) f.add(lowerWords(name).some((w) => wordSet('organisation').has(w)) ? 'org' : 'person');
  }
  if (has('organisation') || ACRONYM.test(text)) f.add('org');
  for (const p of places) if (text.toLowerCase().includes(p)) f.add('place');
  if (isList(doc)) f.add('list');
  if (doc.unitKind === 'definition' || DEFINITION.test(text) || /^[^:.]{2,60}:/.test(text)) f.add('definition');
  if (has('reason')) f.add('reason');
  if (EXAMPLES.test(text)) f.add('example');
  if (STEPS.test(text)) f.add('steps');
  if (/^why\b/i.test(doc.title) || /^why\b[^.?!]{0,80}\?/i.test(text)) f.add('why');
  if (has('ordinal') || ORDINAL.test(text)) f.add('ordinal');
  if (has('ranking')) f.add('ranking');
  if (has('ordinal-number') || ORDINAL.test(text)) f.add('numbered');
  for (const cue of doc.cues) {
    if (cue === 'who') f.add('person').add('org');
    if (cue === 'when') f.add('date');
    if (cue === 'where') f.add('place');
  }
  return f;
}

/** Numbers a text states, as digits ("six" -> "6", "1,200" -> "1200"): matched to numbers a question names. */
export function numbersIn(text: string): Set<string> {
  const out = new Set<string>();
  // Figures stand alone: "9Qs" and "X20" name things, they count nothing.
  for (const m of text.matchAll(/(?<![A-Za-z\d])\d[\d,]*(?:\.\d+)?(?![A-Za-z])/g)) out.add(m[0].replace(/,(?=\d{3})/g, '').replace(/,$/, ''));
  return addNumberWords(text, out);
}

function addNumberWords(text: string, out: Set<string>): Set<string> {
  for (const w of lowerWords(text)) {
    const n = wordMap('number-word').get(w);
    if (n) out.add(n);
  }
  return out;
}
