// The question-answering contract shared by the CLI, the chat core and the benchmarks.

export interface AnswerSource {
  /** Section id (or indicator id) the answer comes from. */
  id: string;
  /** Human-readable citation: section title, slide or figure. */
  title: string;
}

export interface Answer {
  question: string;
  /** False when the content does not answer the question (the bot says so). */
  answered: boolean;
  /** At most 600 characters; states the fact and cites its source. On decline: says so, suggests. */
  text: string;
  sources: AnswerSource[];
  /**
   * How well the best match fits the question: the score the decision to answer rests on. Answered from
   * CALIBRATION.answer up (below CALIBRATION.sure with "I'm not certain"); a declined answer's score is how
   * close it came, always below CALIBRATION.answer (0 when nothing matched).
   */
  score: number;
  /** Two or three questions the bot can answer, offered when it declines. */
  suggestions: string[];
  /** What the answer was about, for a follow-up ("tell me more", "and X?"); kept per conversation. */
  topic?: Topic;
}

/** The subject of a conversation's last answer: enough to read the next question in its light. */
export interface Topic {
  /** The question that was answered (after any follow-up was read into it). */
  question: string;
  /** Refs of the documents the answer gave, first the main one. */
  refs: string[];
  /** Every ref the conversation has given in this section (answers and runs of "more"), so "more" neither repeats nor ends too soon. */
  shown?: string[];
}

export interface Answerer {
  /** Answers a question; `previous` is the conversation's last topic, for follow-ups. */
  answer(question: string, previous?: Topic): Answer;
  /** Does this question lean on the last topic ("tell me more", "and X?")? Only then is it worth fetching. */
  needsTopic?(question: string): boolean;
}

/** A stored topic, checked: anything else (an old or damaged record) is no topic. */
export function asTopic(value: unknown): Topic | undefined {
  const v = value as Partial<Topic> | null | undefined;
  if (!v || typeof v.question !== 'string' || !isRefs(v.refs)) return undefined;
  return isRefs(v.shown) ? { question: v.question, refs: v.refs, shown: v.shown } : { question: v.question, refs: v.refs };
}
const isRefs = (v: unknown): v is string[] => Array.isArray(v) && v.every((r) => typeof r === 'string');
