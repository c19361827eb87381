// Rules that bridge a question to the pack's words must not reach too far: a general verb's hundreds of
// narrower verbs, an idiom with another sense, a setting dropped when the asking itself names a topic, a
// "this" that opens its own noun phrase, a clipping the pack does not spell out.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('broad-rules', { title: 'Registers for Suppliers', workshop: 'Procurement Week 2025' }, [
    {
      id: 'portal',
      title: 'The supplier portal',
      units: [
        { id: 'moved', kind: 'fact', text: 'The supplier portal was moved to the national cloud in 2022.', keywords: [] },
        { id: 'app', kind: 'fact', text: 'The registry app was developed by a local start-up in 2021.', keywords: [] },
        { id: 'fee', kind: 'fact', text: 'The reg fee for suppliers is 50 dollars a year.', keywords: [] },
        { id: 'e-tender', kind: 'fact', text: 'E-tendering lets suppliers send bids online, and every bid is opened at the same time.', keywords: [] },
      ],
    },
    {
      id: 'steps',
      title: 'First steps for a government',
      units: [{ id: 'list', kind: 'list', text: 'Publish every tender online, keep one register of suppliers, and open bids in public.', keywords: [] }],
    },
  ]);

describe('rules that must not reach too far', () => {
  const { answerer } = workshop(writePack());

  it('does not take "runs" for a way of moving (a verb as general as "move" stands for no narrower one)', () => {
    expect(answerer.answer('who runs the supplier portal?').text).not.toContain('moved to the national cloud');
  });

  it('reads "came up with" as "developed" only after "who"', () => {
    expect(answerer.answer('what issues came up with the registry app?').text).not.toMatch(/^The registry app was developed/);
  });

  it('does not give the first steps when the asking names a topic the pack lacks', () => {
    expect(answerer.answer('We are a small municipality. Where should we start with blockchain?').answered).toBe(false);
  });

  it('reads "is this workshop recorded?" after another question as about the workshop, not the last topic', () => {
    const first = answerer.answer('how does e-tendering work?');
    expect(first.text).toContain('send bids online');
    expect(answerer.answer('is this workshop recorded?', first.topic).text).not.toContain('send bids online');
  });

  it('keeps a clipping the pack writes itself ("reg fee") rather than reading it as a word the pack lacks', () => {
    const a = answerer.answer('what is the reg fee for suppliers?');
    expect(a.text).toMatch(/^The reg fee for suppliers is 50 dollars/);
  });
});
