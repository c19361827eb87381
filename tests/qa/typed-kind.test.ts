// "What services should the team offer?" names the kind of answer it wants; the unit that answers lists the
// services without saying "services", so that word counts only half against it.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('typed-kind', { title: 'Safe Harbours', workshop: 'Harbour Data Week 2027' }, [
    {
      id: 'report',
      title: 'The harbour security report',
      units: [
        { id: 'warns', kind: 'fact', text: 'The 2024 harbour security report warns of ransomware, phishing of port staff and attacks on crane control systems.', keywords: [] },
        { id: 'who', kind: 'fact', text: 'The report is written every two years by the Port Security Office, which also runs the ferry services.', keywords: [] },
      ],
    },
    {
      id: 'team',
      title: 'The harbour response team',
      units: [{ id: 'minimum', kind: 'fact', text: 'At a minimum, the harbour response team should offer incident handling, alerts and warnings, and a 24-hour hotline for port operators.', keywords: [] }],
    },
  ]);

describe('the kind of answer a question names', () => {
  const { answerer } = workshop(writePack());

  it('need not be repeated by the unit that answers: no hedge for it', () => {
    const a = answerer.answer('what services should the harbour response team give ferry operators at minimum?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^At a minimum, the harbour response team should offer incident handling/);
  });
});
