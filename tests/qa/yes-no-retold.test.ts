// A yes/no question tells a claim in the asker's words ("do they still sell tickets on the boat?"); the unit that
// settles it says it in its own ("crews no longer sell tickets on board"), so what it lacks of the telling counts
// less against it. Something the pack never speaks of is still declined.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('yes-no-retold', { title: 'Ferries Online in Port Ellis', workshop: 'Harbour Services Week 2027' }, [
    {
      id: 'tickets',
      title: 'Tickets',
      units: [
        { id: 'onboard', kind: 'fact', text: 'Since 2024 crews no longer sell tickets on board: every ticket is bought in the HarbourGo app or at a quay kiosk, and travellers without a ticket pay a 20-crown surcharge.', keywords: [] },
        { id: 'app', kind: 'fact', text: 'The HarbourGo app shows sailings, delays and the queue at each quay.', keywords: [] },
      ],
    },
    {
      id: 'pets',
      title: 'Pets and bikes',
      units: [{ id: 'pets', kind: 'fact', text: 'Dogs travel free on the outer deck; bikes need a bike ticket, sold with the passenger ticket.', keywords: [] }],
    },
  ]);

describe('a yes/no question in the asker\'s words', () => {
  const { answerer } = workshop(writePack());

  it('is answered by the unit that settles it, said otherwise', () => {
    const a = answerer.answer('do they still sell tickets on the boat?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('crews no longer sell tickets on board');
  });

  it('is still declined when the pack never speaks of it', () => {
    expect(answerer.answer('can i bring my horse on the ferry?').answered).toBe(false);
    expect(answerer.answer('do they serve food on the ferry?').answered).toBe(false);
  });
});
