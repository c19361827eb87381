// Sentences that mean a command: "I want to join D5SNJS" is /join D5SNJS.

/** "join D5SNJS", "join the cohort D5SNJS", "joining with code d5snjs"; "my code is D5SNJS", "cohort: D5SNJS". */
const JOIN_SENTENCES = [
  /\bjoin(?:ing)?\s+(?:(?:the|a|my|our|your|this|cohort|group|class|workshop|with|code|using|please|pls|now)\s+){0,4}([A-Za-z0-9]{6})\b/i,
  /\b(?:join|cohort|invite|invitation)\s+code\s*(?:is|:|=|-)?\s*([A-Za-z0-9]{6})\b/i,
  /\bmy\s+(?:cohort\s+)?code\s*(?:is|:|=|-)?\s*([A-Za-z0-9]{6})\b/i,
];

/**
 * The join code in a sentence that asks to join with it, or undefined. A code is 6 letters and digits with a
 * digit in it or typed in capitals, so that six-letter words ("joining up public services") are never one.
 */
export function joinCodeInSentence(text: string): string | undefined {
  for (const pattern of JOIN_SENTENCES) {
    const code = pattern.exec(text)?.[1];
    if (code && (/\d/.test(code) || /^[A-Z]{6}$/.test(code))) return code;
  }
  return undefined;
}
