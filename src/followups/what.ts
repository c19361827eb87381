// What a trainer's follow-up sends, read from natural wording: a readiness re-check, a quiz of N questions, or a message.
import type { FollowupKind } from '../store/types.js';

export interface WhatKind {
  kind: FollowupKind;
  /** Questions in a quiz, when the trainer said ("quiz 10", "a 10-question quiz"). */
  quizLength?: number;
}

export interface WhatReading extends WhatKind {
  /** The message (kind 'message'), or the note that goes with a quiz or re-check ('' for none). */
  text: string;
  /**
   * Set when the wording names a quiz or re-check inside a message of its own ("Please finish the readiness
   * check before Friday"): it may be either, so the trainer is asked; `kind` is then 'message'.
   */
  alternative?: WhatKind;
}

/** "a 10-question quiz", "quiz 10", "knowledge quiz of 10 questions", "quiz". */
const QUIZ = /\b(?:(\d{1,3})[\s-]*(?:questions?|qs?)\s+)?(?:knowledge\s+)?quiz(?:zes)?\b(?:\s+(?:of\s+|with\s+)?(\d{1,3})(?![\d:.]|\s*(?:am|pm|h)\b)(?:\s*(?:questions?|qs?)\b)?)?/i;
/** "readiness", "a readiness re-check", "the readiness self-assessment", "re-check". */
const READINESS = /\b(?:readiness(?:\s+(?:self[\s-]?assessment|assessment|re[\s-]?check|check|test|survey))?|re[\s-]?check|self[\s-]?assessment)\b/i;

/** Words that may stand around a kind without making the text a message of its own ("send everyone the quiz again"). */
const FILLER = new Set(
  (
    'a an the another new short quick same send sent give run start do take them everyone everybody all members participants people ' +
    'cohort group to for with of again one more up follow-up followup their as questions question knowledge check'
  ).split(' '),
);

const words = (s: string): string[] => s.toLowerCase().match(/[a-z0-9'-]+/g) ?? [];
const onlyFiller = (s: string): boolean => words(s).every((w) => FILLER.has(w));

/** A note after the kind: "readiness: see how far you've come", "quiz, with the note Bring your notes". */
export const noteOf = (after: string): string =>
  onlyFiller(after)
    ? ''
    : after
        .replace(/^\s*[:,;|–—-]?\s*/, '')
        .replace(/^(?:with\s+)?(?:the\s+|a\s+)?note\s*[:,-]?\s*/i, '')
        .trim();

interface Found extends WhatKind {
  index: number;
  length: number;
}

/** The first quiz or re-check named in `text`. */
function findKind(text: string): Found | undefined {
  const quiz = QUIZ.exec(text);
  const readiness = READINESS.exec(text);
  const first = [quiz, readiness].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  if (!first) return undefined;
  if (first === quiz) {
    const n = first[1] ?? first[2];
    return { kind: 'quiz', index: first.index, length: first[0].length, ...(n ? { quizLength: Number(n) } : {}) };
  }
  return { kind: 'readiness', index: first.index, length: first[0].length };
}

/**
 * A quiz or re-check at the start, with nothing but filler before it ("a readiness re-check in 2 weeks"), and
 * the text after it; undefined otherwise. Lets the time come after the kind.
 */
export function leadingKind(text: string): (WhatKind & { after: string }) | undefined {
  const found = findKind(text);
  if (!found || !onlyFiller(text.slice(0, found.index))) return undefined;
  const { index, length, ...kind } = found;
  return { ...kind, after: text.slice(index + length) };
}

/** Reads WHAT (the text after the time). */
export function readWhat(what: string): WhatReading {
  const text = what.trim();
  const found = findKind(text);
  if (!found) return { kind: 'message', text };
  const { index, length, ...kind } = found;
  const before = text.slice(0, index);
  const after = text.slice(index + length);
  // Named first ("quiz Before Monday, please.") or with only filler around it: that kind, the rest its note.
  if (onlyFiller(before)) return { ...kind, text: noteOf(after) };
  // Words of the trainer's own around it: a message that mentions a quiz, or a quiz asked for in a sentence.
  return { kind: 'message', text, alternative: kind };
}

/** "a readiness re-check", "a 10-question knowledge quiz", "a message". */
export function describeKind(k: WhatKind): string {
  if (k.kind === 'readiness') return 'a readiness re-check';
  if (k.kind === 'quiz') return k.quizLength ? `a ${k.quizLength}-question knowledge quiz` : 'a knowledge quiz';
  return 'a message';
}
