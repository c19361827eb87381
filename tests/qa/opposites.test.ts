// "Is it mandatory?" is answered by a unit that says it is voluntary; "is it allowed?" by one that says it is
// banned. WordNet pairs "mandatory" with "optional" only, and "allowed" with nothing; the lexicon pairs the rest.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('opposites', { title: 'Safe Ferries', workshop: 'Harbour Services Week 2025' }, [
    {
      id: 'rules',
      title: 'Ferry rules',
      units: [
        { id: 'course', kind: 'fact', text: 'The ferry safety course is voluntary for deckhands, though most operators pay for it.', keywords: [] },
        { id: 'phones', kind: 'fact', text: 'Skippers using a phone at the wheel is banned on every route, with a fine for each offence.', keywords: [] },
        { id: 'course-length', kind: 'fact', text: 'The ferry safety course takes two days at the harbour school, with a test at the end.', keywords: [] },
        { id: 'phones-use', kind: 'fact', text: 'Skippers use a phone to call the harbour master before they leave the wharf.', keywords: [] },
        { id: 'jackets', kind: 'fact', text: 'Every ferry carries one life jacket per seat, checked before each trip.', keywords: [] },
      ],
    },
  ]);

describe('yes or no, answered by the opposite', () => {
  const { answerer } = workshop(writePack());

  it('answers "is it compulsory?" with the unit that says it is voluntary', () => {
    const a = answerer.answer('is the course compulsory?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('voluntary for deckhands');
  });

  it('answers "is it allowed?" with the unit that says it is banned', () => {
    const a = answerer.answer('are skippers allowed to use a phone at the wheel in port?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('is banned on every route');
  });
});
