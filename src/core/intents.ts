// Sentences that mean a command: "I want to join D5SNJS" is /join D5SNJS.

/** Words that may stand between "join" and the code; never a code themselves ("join a cohort", "join please"). */
const BETWEEN = ['the', 'a', 'my', 'our', 'your', 'this', 'cohort', 'group', 'class', 'workshop', 'with', 'code', 'using', 'please', 'pls', 'now'];

/** "join D5SNJS", "join the cohort D5SNJS", "joining with code d5snjs"; "my code is D5SNJS", "cohort: D5SNJS". */
const JOIN_SENTENCES = [
  new RegExp(`\\bjoin(?:ing)?\\s+(?:(?:${BETWEEN.join('|')})\\s+){0,4}([A-Za-z0-9]{6})\\b`, 'i'),
  /\b(?:join|cohort|invite|invitation)\s+code\s*(?:is|:|=|-)?\s*([A-Za-z0-9]{6})\b/i,
  /\bmy\s+(?:cohort\s+)?code\s*(?:is|:|=|-)?\s*([A-Za-z0-9]{6})\b/i,
];

/**
 * The join code in a sentence that asks to join with it, or undefined. `sure` when it has a digit or is typed in
 * capitals; six lower-case letters may be a word ("join my friend"), so the caller checks such a code exists.
 */
export function joinCodeInSentence(text: string): { code: string; sure: boolean } | undefined {
  for (const pattern of JOIN_SENTENCES) {
    const code = pattern.exec(text)?.[1];
    if (code && !BETWEEN.includes(code.toLowerCase())) return { code, sure: /\d/.test(code) || /^[A-Z]{6}$/.test(code) };
  }
  return undefined;
}
