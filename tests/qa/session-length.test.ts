// "How long is the session?" of a pack whose opening part calls it something else ("this 75-minute walkthrough"):
// the session's own opening speaks of it, by whatever name.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('session-length', { title: 'Ferry Passes in Port Ellis', workshop: 'Harbour Services Week 2027' }, [
    {
      id: 'intro',
      title: 'Introduction',
      units: [
        { id: 'scope', kind: 'fact', text: 'This 75-minute walkthrough follows Port Ellis as it moved ferry passes from paper to phones, from the pilot to the rollout.', keywords: [] },
        { id: 'agenda', kind: 'list', text: 'It covers the pilot, the rollout, the numbers and the lessons.', keywords: [] },
      ],
    },
    {
      id: 'passes',
      title: 'The pass',
      units: [{ id: 'validity', kind: 'fact', text: 'A monthly ferry pass lasts 30 days from the first trip.', keywords: [] }],
    },
  ]);

describe('the length of the session', () => {
  const { answerer } = workshop(writePack());

  it('is what its opening part says', () => {
    const a = answerer.answer('how long is the session?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('75-minute walkthrough');
  });

  it("is not another thing's length", () => {
    expect(answerer.answer('how long does a monthly pass last?').text).toContain('30 days');
  });
});
