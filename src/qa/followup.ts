// Recognises questions that only make sense after the one before: "tell me more", "and X?", "why is that?".

export type Followup =
  /** "tell me more", "go on", "any other reasons?", "and the rest?": the next part of the same topic. */
  | { kind: 'more' }
  /** "and X?", "what about X?": the last question again, about X. */
  | {
      kind: 'instead';
      rest: string;
      /** "And how many people use *it*?": a question of its own after "and", pointing back with a pronoun. */
      pointing: boolean;
    }
  /** "why does it matter?", "by when?": leans on the last topic through a pronoun or an ellipsis. */
  | { kind: 'leaning' }
  /** "source?", "where is that from?", "who said that?": where the last answer comes from. */
  | { kind: 'source' };

const MORE =
  /^(?:(?:ok(?:ay)?|and|so|great|thanks|cool|nice)[,!.]?\s+)?(?:(?:can|could|would) you\s+)?(?:please\s+)?(?:(?:tell|say|give|show)(?: me| us)?(?: some| a (?:bit|little))? more(?: about (?:it|that|this|those|them|these))?|(?:some |a bit |a little )?more(?: please| info(?:rmation)?| details?)?|go on|continue|keep going|carry on|elaborate|expand(?: on (?:it|that|this))?|what else|anything else|and then|more on (?:it|that|this)|(?:are there |were there )?any (?:other|more)(?: [a-z]+)?|(?:what about |and )?the (?:rest|others)(?: of (?:them|it|the list))?|(?:any )?others)(?: please)?\W*$/i;

/** One way of asking where the last answer comes from. */
const FROM = String.raw`(?:what(?:'?s| is| was| are)? (?:the |your |its |their )?(?:sources?|references?|citations?)(?: for (?:that|this|it|those|these))?|sources?|references?|citations?|(?:where|who)(?:'?s| is| does| did| do)? (?:that|this|it|(?:the|this|that|these|those) (?:data|figures?|numbers?|info(?:rmation)?|stats|statistics))(?: come)? from|who (?:said|says|wrote) (?:that|this|so|it)|says who|according to (?:who|whom|what)|how do (?:you|we) know(?: that)?)`;
const SOURCE = new RegExp(String.raw`^(?:(?:ok(?:ay)?|and|so|but|hmm)[,]?\s+)?${FROM}(?:\W+(?:and\s+)?${FROM})*\W*$`, 'i');

const INSTEAD = /^(?:(?:ok(?:ay)?|so|and)[,]?\s+)?(?:and what about|and how about|what about for|how about for|same question for|what about|how about|what of|same for|and for|and)\s+(.+?)\W*$/i;
const TOO = /^(.+?)\s+(?:too|as well|also)\W*$/i;
/** "And how many...?", "and who...?": a question of its own after "and" (not "and what about X?"). */
const OWN_QUESTION = /^(?:(?:ok(?:ay)?|so)[,]?\s+)?and\s+(?!(?:what|how) about\b|what of\b)(?:what|which|who|whom|when|where|why|how)\b/i;
/** A pronoun that stands for something said before. */
const ANAPHOR = /\b(?:it|its|they|them|their)\b/i;

/** Words that point back at the last topic. */
const POINTING = /\b(it|its|it's|that|this|they|them|their|those|these|there|he|she|him|her|his|such|the same|which one'?s?|which ones)\b/i;
/** "The first one", "the latest version": one of the things just talked about, by its place among them. */
const ONE_OF_THEM = /\bthe (?:very )?(?:first|second|third|last|latest|newest|earliest|next|previous|original|current|other|newer|older) (?:one|ones|version|versions|edition|editions)\b/i;
/** "How do I get one?", "do I need one": "one" at the end, after a verb, is one of the thing just talked about. */
const ONE_LIKE_IT = /\b(?!(?:no|each|every|any|which|the|number|only)\b)[a-z]+ one\W*$/i;
/** (In a short question only: "how many countries have one" in a longer one points at a thing it names itself.) */
const ONE_LIKE_IT_WORDS = 6;
/**
 * A question that is only a question word ("why?", "how come?", "by when?", "by how much?", "by what year?", "in
 * percent?", "who?"), or asks the same of what was just said ("out of how many?", "why so late?").
 */
const BARE = /^(?:(?:and|but|so|ok(?:ay)?)[,]?\s+)?(?:why|how|when|where|who|how come|by when|since when|how so|how often|how frequently|how long|for how long|in what way|what for|which one|how many|how much|by how (?:much|many)|(?:out )?of how many|out of what(?: total)?|why so [a-z]+|(?:(?:by|in|from|since|until|till) )?(?:what|which) (?:year|date|day|month|percentage|share|number)|(?:in|as an?) (?:percent|per cent|percentage|share|proportion))\W*$/i;

/**
 * A question word and a verb, nothing said of what: "who paid?" or "who decided?" after the cost of something
 * asks it of that.
 */
const ELLIPTIC = /^(?:(?:and|but|so|ok(?:ay)?)[,]?\s+)?(?:who|when|where|why|how)\s+(?:(?:did|does|do|was|is|were|are|has|have|had|will|would|can|could)\s+)?[a-z]+\W*$/i;

/** "Examples?", "give me some examples", "like what?", "such as?": instances of what was just said. */
const EXAMPLES = /^(?:(?:and|but|so|ok(?:ay)?)[,]?\s+)?(?:(?:can|could) you\s+)?(?:(?:give|show|tell)(?: me| us)?\s+)?(?:(?:some|any|an|a few|more|other)\s+)?(?:examples?|instances?|like what|such as|for (?:example|instance))(?:\s+(?:please|pls|plz))?\W*$/i;

/** "Why so late?", "and why so slow?": a bare "why" with a word that judges what was just said (one of BARE's). */
const WHY_SO = /^\W*(?:(?:and|but|so|ok(?:ay)?)[,]?\s+)?why so [a-z]+\W*$/i;
export const isWhySo = (text: string): boolean => WHY_SO.test(text.trim());

/** Nothing but a question phrase: it asks, of something said before ("Do women go online less? *By how much?*"). */
export const isBareQuestion = (text: string): boolean => BARE.test(text.trim());

export function readFollowup(question: string): Followup | undefined {
  const q = question.trim();
  if (MORE.test(q)) return { kind: 'more' };
  if (SOURCE.test(q)) return { kind: 'source' };
  const instead = INSTEAD.exec(q) ?? TOO.exec(q);
  // ("And how many people use *it*?": a question of its own that points back, perhaps not the last question about X.)
  if (instead && instead[1]!.split(/\s+/).length <= 6) return { kind: 'instead', rest: instead[1]!, pointing: OWN_QUESTION.test(q) && ANAPHOR.test(instead[1]!) };
  const length = q.split(/\s+/).length;
  if (isBareQuestion(q) || EXAMPLES.test(q) || ELLIPTIC.test(q) || ((POINTING.test(q) || ONE_OF_THEM.test(q)) && length <= 12) || (ONE_LIKE_IT.test(q) && length <= ONE_LIKE_IT_WORDS)) return { kind: 'leaning' };
  return undefined;
}
