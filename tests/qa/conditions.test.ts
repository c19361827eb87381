// "When is it worth consulting people?" asks in which cases, not for a date; "why bother with X?" is answered
// by the unit that opens by asking why ("Why a register? It shows...").
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('conditions', { title: 'Asking Residents', workshop: 'Local Democracy Week 2025' }, [
    {
      id: 'consult',
      title: 'Consulting residents',
      units: [
        { id: 'guide', kind: 'fact', text: 'The national consultation guide was published in March 2021 and sets out eight steps for a consultation.', keywords: [] },
        { id: 'cases', kind: 'fact', text: 'The guide advises consulting residents only when there is a real choice to make, time to listen, and money to act on what they say.', keywords: [] },
      ],
    },
    {
      id: 'registers',
      title: 'Open registers of council decisions',
      units: [
        { id: 'launch', kind: 'fact', text: 'In May 2022 three councils launched open registers of their decisions, the first in the country, with a public event in the capital.', keywords: [] },
        { id: 'purpose', kind: 'fact', text: 'Why a register? It shows residents which decisions a council has taken, who took them and how to object.', keywords: [] },
      ],
    },
  ]);

describe('conditions and reasons', () => {
  const { answerer } = workshop(writePack());

  it('reads "when is it actually worth consulting residents?" as asking in which cases', () => {
    const a = answerer.answer('when is it actually worth consulting residents, according to the guide?');
    expect(a.text).toContain('only when there is a real choice to make');
  });

  it('answers "why would a council bother with an open register?" from the unit that asks why', () => {
    const a = answerer.answer("why would a council even bother publishing an open register? what's the point");
    expect(a.text).toMatch(/^Why a register\? It shows residents/);
  });

  it('reads "tell me more, why ...?" as asking why, the "more" being no topic word', () => {
    const a = answerer.answer('tell me more, why would a busy council bother with open registers?');
    expect(a.text).toMatch(/^Why a register\? It shows residents/);
  });
});
