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
  /** Confidence of the best match (0 when declined for lack of any match). */
  score: number;
  /** Two or three questions the bot can answer, offered when it declines. */
  suggestions: string[];
}

export interface Answerer {
  answer(question: string): Answer;
}
