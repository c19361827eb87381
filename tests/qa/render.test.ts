// One answer renderer for the chat and for `workshop-bot ask`: the body, then the questions offered on a decline.
import { describe, expect, it } from 'vitest';
import { answerParts, renderAnswer } from '../../src/qa/format.js';
import type { Answer } from '../../src/qa/types.js';

const answered: Answer = { question: 'q', answered: true, text: 'It is so. (Source: Slide 3)', sources: [], score: 0.9, suggestions: ['ignored?'] };
const declined: Answer = { question: 'q', answered: false, text: "Sorry, I can't find that.", sources: [], score: 0.1, suggestions: ['What is A?', 'What is B?'] };

describe('renderAnswer', () => {
  it('gives an answer as it is, and a decline with the questions it offers', () => {
    expect(renderAnswer(answered)).toBe('It is so. (Source: Slide 3)');
    expect(renderAnswer(declined)).toBe("Sorry, I can't find that.\n\nYou could ask:\n• What is A?\n• What is B?");
    expect(renderAnswer(declined, '  - ')).toBe("Sorry, I can't find that.\n\nYou could ask:\n  - What is A?\n  - What is B?");
    expect(renderAnswer({ ...declined, suggestions: [] })).toBe("Sorry, I can't find that.");
  });

  it('splits an answer into its parts (what adapters with richer layouts could render)', () => {
    expect(answerParts(answered)).toEqual({ body: answered.text, offered: [] });
    expect(answerParts(declined)).toEqual({ body: declined.text, offered: ['What is A?', 'What is B?'] });
  });
});
