// What a follow-up sends, read from the trainer's own wording, wherever the kind stands.
import { describe, expect, it } from 'vitest';
import { readFollowup } from '../../src/followups/followup-drafts.js';
import { readWhat } from '../../src/followups/what.js';

describe('readWhat', () => {
  it('finds a readiness re-check or a quiz of N questions in natural wording', () => {
    expect(readWhat('a readiness re-check')).toEqual({ kind: 'readiness', text: '' });
    expect(readWhat('readiness')).toEqual({ kind: 'readiness', text: '' });
    expect(readWhat('send everyone the readiness self-assessment again')).toEqual({ kind: 'readiness', text: '' });
    expect(readWhat('quiz 10')).toEqual({ kind: 'quiz', quizLength: 10, text: '' });
    expect(readWhat('a 10-question quiz')).toEqual({ kind: 'quiz', quizLength: 10, text: '' });
    expect(readWhat('another knowledge quiz of 8 questions')).toEqual({ kind: 'quiz', quizLength: 8, text: '' });
    expect(readWhat('quiz')).toEqual({ kind: 'quiz', text: '' });
  });

  it('keeps a note after the kind', () => {
    expect(readWhat('quiz Before Monday, please.')).toEqual({ kind: 'quiz', text: 'Before Monday, please.' });
    expect(readWhat('readiness re-check: see how far you have come')).toEqual({ kind: 'readiness', text: 'see how far you have come' });
    expect(readWhat('quiz 5, with the note Bring your notes')).toEqual({ kind: 'quiz', quizLength: 5, text: 'Bring your notes' });
  });

  it('reads a message as a message, and one that names a quiz or check as either, to be asked', () => {
    expect(readWhat('Remember to bring your national strategy.')).toEqual({ kind: 'message', text: 'Remember to bring your national strategy.' });
    expect(readWhat('Reminder: the follow-up session starts on Monday.')).toEqual({ kind: 'message', text: 'Reminder: the follow-up session starts on Monday.' });
    expect(readWhat('Please finish the readiness check before Friday')).toEqual({
      kind: 'message',
      text: 'Please finish the readiness check before Friday',
      alternative: { kind: 'readiness' },
    });
    expect(readWhat('Thanks for taking the quiz today!').alternative).toEqual({ kind: 'quiz' });
  });
});

describe('readFollowup', () => {
  // Wednesday 2 December 2026, 03:42 in Port Moresby.
  const NOW = new Date('2026-12-01T17:42:00Z');
  const PNG = 'Pacific/Port_Moresby';

  it('takes the time before or after the kind', () => {
    const a = readFollowup('in 2 weeks a readiness re-check', NOW, PNG);
    const b = readFollowup('a readiness re-check in 2 weeks', NOW, PNG);
    for (const r of [a, b]) expect(r).toMatchObject({ ok: true, at: new Date('2026-12-15T23:00:00Z'), what: { kind: 'readiness', text: '' }, guess: { kind: 'no-hour' } });
    expect(readFollowup('quiz 10 on friday 3pm', NOW, PNG)).toMatchObject({ ok: true, at: new Date('2026-12-04T05:00:00Z'), what: { kind: 'quiz', quizLength: 10 } });
    expect(readFollowup('friday 3pm quiz 10', NOW, PNG)).toMatchObject({ ok: true, at: new Date('2026-12-04T05:00:00Z'), what: { kind: 'quiz', quizLength: 10, text: '' } });
    expect(readFollowup('friday 3pm quiz 10', NOW, PNG)).not.toHaveProperty('guess');
  });

  it('says what is missing or wrong', () => {
    expect(readFollowup('whenever quiz', NOW, PNG)).toMatchObject({ ok: false, problem: 'no-time' });
    expect(readFollowup('tomorrow 9am', NOW, PNG)).toMatchObject({ ok: false, problem: 'no-what' });
    expect(readFollowup('friday 3pm quiz 50', NOW, PNG)).toMatchObject({ ok: false, problem: 'quiz-length' });
    expect(readFollowup('yesterday 9am quiz', NOW, PNG)).toMatchObject({ ok: false, problem: 'past' });
  });
});
