// Cutting text to a length without splitting a character: a cut between the halves of a surrogate pair leaves
// a broken character that platforms show as '�' (or refuse).

/** `text` cut to at most `max` UTF-16 units, never inside a surrogate pair (so at a code point boundary). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = max > 0 && /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, Math.max(0, end));
}
