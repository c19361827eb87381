// The two question-by-question flows: the readiness self-assessment and the knowledge quiz.
import type { Indicator } from '../content/schema.js';
import {
  READINESS_CHOICES,
  formatReadinessResult,
  isReadinessValue,
  noReadinessText,
  parseReadinessAnswer,
  readinessAnswersFromSession,
  readinessIntro,
  readinessPrompt,
  scoreReadiness,
  type ReadinessValue,
} from '../quiz/readiness.js';
import {
  checkAnswer,
  formatFeedback,
  formatQuizSummary,
  knowledgeBank,
  parseChoice,
  pickQuiz,
  presentQuestion,
  type KnowledgeQuestion,
  type QuizOutcome,
} from '../quiz/knowledge.js';
import { renderReadinessChart } from '../quiz/chart.js';
import { nearChoices, statesChoice } from '../quiz/near-miss.js';
import type { SessionRecord } from '../store/types.js';
import type { BotServices } from './context.js';
import { newId } from './ids.js';
import { text, type Choice, type Outgoing } from './messages.js';

export const DEFAULT_QUIZ_LENGTH = 5;
export const MAX_QUIZ_LENGTH = 20;

/** Button values: `<r|q>:<session id>:<question index>:<answer>`, well under Telegram's 64 bytes. */
export function parseAction(value: string): { kind: 'readiness' | 'quiz'; sessionId: string; index: number; answer: string } | undefined {
  const m = /^([rq]):([A-Za-z0-9_-]{1,24}):(\d{1,3}):([a-z0-9]{1,12})$/.exec(value);
  if (!m) return undefined;
  const [, kind, sessionId = '', index, answer = ''] = m;
  return { kind: kind === 'r' ? 'readiness' : 'quiz', sessionId, index: Number(index), answer };
}

const actionValue = (s: SessionRecord, answer: string) => `${s.kind === 'readiness' ? 'r' : 'q'}:${s.id}:${s.index}:${answer}`;

export class Flows {
  private bankCache?: Map<string, KnowledgeQuestion>;

  constructor(private readonly s: BotServices) {}

  private get bank(): Map<string, KnowledgeQuestion> {
    this.bankCache ??= new Map(knowledgeBank(this.s.content).map((q) => [q.id, q]));
    return this.bankCache;
  }

  private indicator(id: string | undefined): Indicator {
    const found = this.s.content.indicators.find((i) => i.id === id);
    if (!found) throw new Error(`unknown indicator ${id}`);
    return found;
  }

  // ---- starting -------------------------------------------------------------------------------

  async startReadiness(userKey: string, note?: string): Promise<Outgoing[]> {
    const items = this.s.content.indicators.map((i) => i.id);
    if (!items.length) return [...(note ? [text(note)] : []), text(noReadinessText(this.s.content, this.bank.size > 0))];
    const session = await this.s.store.createSession({ id: newId(), userKey, kind: 'readiness', items }, this.s.clock.now());
    return [...(note ? [text(note)] : []), text(readinessIntro(this.s.content)), this.prompt(session)];
  }

  async startQuiz(userKey: string, length = DEFAULT_QUIZ_LENGTH, note?: string): Promise<Outgoing[]> {
    const missedBefore = await this.missedLastTime(userKey);
    const picked = pickQuiz([...this.bank.values()], Math.min(Math.max(1, length), MAX_QUIZ_LENGTH), { rng: Math.random, missedBefore });
    if (!picked.length) {
      const instead = `${this.s.content.indicators.length ? 'Try /readiness, or ask' : 'Ask'} me anything about "${this.s.content.meta.title}".`;
      return [...(note ? [text(note)] : []), text(`This workshop has no quiz questions yet. ${instead}`)];
    }
    const session = await this.s.store.createSession(
      { id: newId(), userKey, kind: 'quiz', items: picked.map((q) => q.id) },
      this.s.clock.now(),
    );
    // How to answer is each platform's to say: buttons on Telegram, Slack and Teams; the console says type.
    const intro = `Knowledge quiz: ${picked.length} question${picked.length === 1 ? '' : 's'}. /stop ends the quiz.`;
    return [...(note ? [text(note)] : []), text(intro), this.prompt(session)];
  }

  // ---- asking ---------------------------------------------------------------------------------

  /** The current question of a session, with its buttons. */
  prompt(session: SessionRecord): Outgoing {
    const id = session.items[session.index];
    if (session.kind === 'readiness') {
      const choices: Choice[] = READINESS_CHOICES.map((c) => ({ label: c.label, value: actionValue(session, c.value) }));
      return text(readinessPrompt(this.s.content, this.indicator(id), session.index, session.items.length), choices);
    }
    const q = this.question(id);
    const shown = presentQuestion(q, session.id);
    const choices = shown.choices.map((label, i) => ({ label, value: actionValue(session, String(i)) }));
    return text(`Question ${session.index + 1} of ${session.items.length}\n${q.question}`, choices);
  }

  private question(id: string | undefined): KnowledgeQuestion {
    const q = id === undefined ? undefined : this.bank.get(id);
    if (!q) throw new Error(`unknown quiz item ${id}`);
    return q;
  }

  /** Where the person stands, for a resumed conversation; undefined when nothing is in progress. */
  async resume(userKey: string): Promise<Outgoing[] | undefined> {
    const session = await this.s.store.getActiveSession(userKey);
    if (!session) return undefined;
    if (session.index >= session.items.length) return this.finish(session);
    const what = session.kind === 'readiness' ? 'readiness self-assessment' : 'knowledge quiz';
    return [text(`Welcome back. Your ${what} is where you left it (/stop to end it).`), this.prompt(session)];
  }

  // ---- answering ------------------------------------------------------------------------------

  /** Typed text while a session is active: the answer, or undefined when the text is not one. */
  parseTyped(session: SessionRecord, typed: string): string | undefined {
    // A readiness answer by word or by its number (1-4 in READINESS_CHOICES' order): the quiz module reads both.
    if (session.kind === 'readiness') return parseReadinessAnswer(typed);
    const shown = presentQuestion(this.question(session.items[session.index]), session.id);
    const i = parseChoice(typed, shown.choices);
    return i === undefined ? undefined : String(i);
  }

  /**
   * Text close to more than one choice of the current quiz question ("data" for two "Data, ..." choices): which
   * ones, to ask. Undefined when it is not close to several (an answer, a question or anything else).
   */
  whichChoice(session: SessionRecord, typed: string): Outgoing | undefined {
    if (session.kind !== 'quiz') return undefined;
    const shown = presentQuestion(this.question(session.items[session.index]!), session.id);
    const near = nearChoices(typed, shown.choices);
    if (near.length < 2) return undefined;
    const listed = near.map((i) => `${i + 1}. ${shown.choices[i]}`).join(' or ');
    return text(`That fits more than one answer: ${listed}? Type its number, or more of the answer.`);
  }

  /** Would this reply give away the answer to the quiz question now waiting? */
  revealsAnswer(session: SessionRecord, reply: readonly Outgoing[]): boolean {
    if (session.kind !== 'quiz') return false;
    const shown = presentQuestion(this.question(session.items[session.index]!), session.id);
    const right = shown.choices[shown.answer]!;
    return reply.some((m) => m.kind === 'text' && statesChoice(m.text, right));
  }

  /** Records an answer to question `index` of a session; a stale or repeated answer changes nothing. */
  async answer(userKey: string, sessionId: string, index: number, answer: string): Promise<Outgoing[]> {
    const before = await this.s.store.getSession(sessionId);
    if (before && before.userKey !== userKey) {
      // In a group chat anyone can see the buttons; only the person who started the flow may answer.
      const what = before.kind === 'readiness' ? '/readiness' : '/quiz';
      return [text(`Those buttons belong to someone else's ${before.kind === 'readiness' ? 'self-assessment' : 'quiz'}. Start your own with ${what}.`)];
    }
    if (!before || !this.validAnswer(before, index, answer)) {
      return [text("That answer doesn't match a question I asked. Send /quiz or /readiness to start again.")];
    }
    const after = await this.s.store.recordAnswer(sessionId, index, answer, this.s.clock.now());
    // Lost a race (the same press delivered twice at once): describe the session as it is now.
    if (!after) return this.stale((await this.s.store.getSession(sessionId)) ?? before, index);
    const out: Outgoing[] = [{ kind: 'update', text: this.answeredText(before, index, answer) }];
    if (after.kind === 'quiz') out.push(text(this.feedback(after, index, answer)));
    if (after.index < after.items.length) out.push(this.prompt(after));
    else out.push(...(await this.finish(after)));
    return out;
  }

  private validAnswer(s: SessionRecord, index: number, answer: string): boolean {
    if (index < 0 || index >= s.items.length) return false;
    if (s.kind === 'readiness') return isReadinessValue(answer);
    const n = Number(answer);
    return Number.isInteger(n) && n >= 0 && n < presentQuestion(this.question(s.items[index]), s.id).choices.length;
  }

  private stale(session: SessionRecord, index: number): Outgoing[] {
    if (session.status !== 'active') {
      const what = session.kind === 'readiness' ? 'self-assessment' : 'quiz';
      return [text(`That ${what} has already ended, so this answer changes nothing. Send /${session.kind} to start a new one.`)];
    }
    if (index < session.index) {
      return [text(`You already answered question ${index + 1}; I kept your first answer. Here is where you are:`), this.prompt(session)];
    }
    return [text("That question isn't the current one. Here is where you are:"), this.prompt(session)];
  }

  private answeredText(session: SessionRecord, index: number, answer: string): string {
    const id = session.items[index];
    if (session.kind === 'readiness') {
      const label = READINESS_CHOICES.find((c) => c.value === answer)?.label ?? answer;
      return `${readinessPrompt(this.s.content, this.indicator(id), index, session.items.length)}\nYour answer: ${label}`;
    }
    const q = this.question(id);
    const shown = presentQuestion(q, session.id);
    return `Question ${index + 1} of ${session.items.length}\n${q.question}\nYour answer: ${shown.choices[Number(answer)]}`;
  }

  private feedback(session: SessionRecord, index: number, answer: string): string {
    const shown = presentQuestion(this.question(session.items[index]), session.id);
    return formatFeedback(shown, Number(answer));
  }

  // ---- finishing ------------------------------------------------------------------------------

  private async finish(session: SessionRecord): Promise<Outgoing[]> {
    return session.kind === 'readiness' ? this.finishReadiness(session) : this.finishQuiz(session);
  }

  private readinessAnswers(session: SessionRecord): Record<string, ReadinessValue> {
    return readinessAnswersFromSession(session.items, session.answers);
  }

  private async finishReadiness(session: SessionRecord): Promise<Outgoing[]> {
    const result = scoreReadiness(this.s.content, this.readinessAnswers(session));
    const history = await this.s.store.listSessions(session.userKey, 'readiness');
    const earlier = history.filter((h) => h.status === 'done' && h.id !== session.id).pop();
    await this.s.store.finishSession(session.id, result.score, this.s.clock.now());
    const previous = earlier
      ? {
          result: scoreReadiness(this.s.content, this.readinessAnswers(earlier)),
          at: earlier.finishedAt ?? earlier.updatedAt,
          timeZone: this.s.timeZone,
        }
      : undefined;
    const out: Outgoing[] = formatReadinessResult(this.s.content, result, previous).map((t) => text(t));
    try {
      const png = await renderReadinessChart(this.s.content, result);
      out.push({ kind: 'image', png, alt: `Your readiness profile against global adoption: ${result.score}/${result.max}`, filename: 'readiness-profile.png' });
    } catch (err) {
      // The result text stands on its own; a chart failure must not lose it.
      this.s.logger.warn({ err }, 'readiness chart failed');
    }
    return out;
  }

  private quizOutcomes(session: SessionRecord): QuizOutcome[] {
    return session.items.flatMap((id, i) => {
      const q = this.bank.get(id);
      if (!q) return [];
      const a = session.answers[i];
      const correct = a !== null && a !== undefined && checkAnswer(presentQuestion(q, session.id), Number(a)).correct;
      return [{ question: q, correct }];
    });
  }

  private quizScore(session: SessionRecord): number {
    return this.quizOutcomes(session).filter((o) => o.correct).length;
  }

  private async finishQuiz(session: SessionRecord): Promise<Outgoing[]> {
    const outcomes = this.quizOutcomes(session);
    await this.s.store.finishSession(session.id, outcomes.filter((o) => o.correct).length, this.s.clock.now());
    return [text(formatQuizSummary(outcomes))];
  }

  private async missedLastTime(userKey: string): Promise<string[]> {
    const last = (await this.s.store.listSessions(userKey, 'quiz')).filter((q) => q.status === 'done').pop();
    return last ? this.quizOutcomes(last).filter((o) => !o.correct).map((o) => o.question.id) : [];
  }

  /** A one-line summary of each finished session, for /results. */
  describe(session: SessionRecord): string {
    const when = (session.finishedAt ?? session.updatedAt).toISOString().slice(0, 10);
    if (session.kind === 'readiness') {
      const r = scoreReadiness(this.s.content, this.readinessAnswers(session));
      return `${when} · readiness ${r.score}/${r.max} (${r.level.name})`;
    }
    return `${when} · knowledge quiz ${this.quizScore(session)}/${session.items.length}`;
  }
}
