// "How do I get one?" asks how to do something: numbered steps answer it, not the unit that says what the thing
// is. "One" at the end of a short follow-up is one of the thing just talked about.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('procedures', { title: 'The Port Ellis Ferry Pass', workshop: 'Harbour Services Week 2027' }, [
    {
      id: 'pass',
      title: 'The digital ferry pass',
      units: [
        { id: 'what', kind: 'definition', text: 'The ferry pass is a digital season ticket held in the HarbourGo app; it shows the holder\u2019s photo and a QR code that crew scan at the gangway.', keywords: [] },
        { id: 'fraud', kind: 'fact', text: 'To stop screenshot fraud, the ferry pass shows a moving wave that changes when the phone is tilted.', keywords: [] },
        { id: 'fees', kind: 'fact', text: 'The ferry pass costs the same as the paper season ticket and can be renewed in the app.', keywords: [] },
      ],
    },
    {
      id: 'apply',
      title: 'Getting a pass',
      units: [{ id: 'steps', kind: 'list', text: 'To add the ferry pass: (1) install HarbourGo; (2) log in with the national eID; (3) take a live selfie; (4) pay for the season; the pass appears within two minutes.', keywords: [] }],
    },
  ]);

describe('how to do something', () => {
  const { answerer } = workshop(writePack());

  it('is answered by the steps', () => {
    const a = answerer.answer('how do i get the ferry pass?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('(1) install HarbourGo');
  });

  it('is answered by the steps when asked of "one" after what it is', () => {
    const first = answerer.answer('what is the ferry pass?');
    expect(first.text).toContain('The ferry pass is a digital season ticket');
    const a = answerer.answer('how do i get one?', first.topic);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('(1) install HarbourGo');
  });
});
