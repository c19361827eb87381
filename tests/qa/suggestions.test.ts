// When the bot declines it offers two or three questions it can answer: a pack's own example that it cannot
// answer is no suggestion, and neither is the question just asked.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

function writePack(): string {
  const meta = {
    title: 'Quays for Everyone',
    workshop: 'Harbour Data Week 2025',
    // (The second example asks what no unit says.)
    examples: ['How many harbours have step-free boarding?', 'Which harbour has the tallest crane?', 'Who audits the harbours?'],
  };
  const dir = writeSmallPack('suggestions', meta, [
    {
      id: 'access',
      title: 'Harbour accessibility',
      questions: ['How many harbours have step-free boarding?'],
      units: [
        { id: 'stepfree', kind: 'statistic', text: '31 of the 52 harbours have step-free boarding.', keywords: [] },
        { id: 'audit', kind: 'fact', text: 'Every harbour is audited for accessibility every three years by an island disability council.', keywords: [] },
      ],
    },
  ]);
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta));
  return dir;
}

describe('suggestions on a decline', () => {
  const { answerer } = workshop(writePack());

  it('offers only questions the bot answers', () => {
    const a = answerer.answer('what will the weather be tomorrow?');
    expect(a.answered).toBe(false);
    expect(a.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(a.suggestions).not.toContain('Which harbour has the tallest crane?');
    for (const s of a.suggestions) expect(answerer.answer(s).answered, s).toBe(true);
  });

  it('never offers back the question it could not answer', () => {
    const a = answerer.answer('Which harbour has the tallest crane?');
    expect(a.answered).toBe(false);
    expect(a.suggestions).not.toContain('Which harbour has the tallest crane?');
  });
});
