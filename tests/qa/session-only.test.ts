// Questions about the session itself in everyday words: "the overall workshop", "who do I email later",
// "which session is this one" after another question about the session.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

describe('the session asked about in everyday words', () => {
  const { answerer } = workshop(
    writeSmallPack(
      'session-only',
      {
        title: 'Open Harbours',
        workshop: 'Harbour Data Week 2025: Ports for Everyone',
        session: 'Session 3: Open Data at Sea',
        date: 'Tuesday, 4 March 2025',
        presenter: 'Ana Lopez',
        contact: 'ana.lopez@example.org',
        location: 'Port Ellis',
      },
      [
        { id: 'berths', title: 'Open berths', units: [{ id: 'berths-1', kind: 'fact', text: 'Open berth data lets shippers see which berths are free.', keywords: [] }] },
      ],
    ),
  );

  it('names the overall workshop', () => {
    const a = answerer.answer('whats the name of the overall workshop');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('Ports for Everyone');
  });

  it('gives the address to write to later', () => {
    const a = answerer.answer('if I have more questions later who do I email');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('ana.lopez@example.org');
  });

  it('answers a bare "which session is this?" after a question on something else', () => {
    const berths = answerer.answer('what does open berth data do?');
    const which = answerer.answer('which session is this?', berths.topic);
    expect(which.text).toContain('Session 3');
  });

  it('reads "which session is this one" as about the session, not the last answer', () => {
    const where = answerer.answer('where is the workshop held?');
    expect(where.text).toContain('Port Ellis');
    const which = answerer.answer('which session of the workshop is this one', where.topic);
    expect(which.text).toContain('Session 3');
  });
});

describe('"later" in a pack that uses the word', () => {
  const { answerer } = workshop(
    writeSmallPack('later-used', { title: 'Open Harbours', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'portal',
        title: 'How the portal grew',
        units: [
          { id: 'portal-launch', kind: 'fact', text: 'The harbour data portal launched in 2019 with berth schedules only.', keywords: [] },
          { id: 'portal-later', kind: 'fact', text: 'Later, in 2022, the portal added live tide readings and a cargo feed.', keywords: [] },
        ],
      },
    ]),
  );

  it('still reads "later" as asked when the pack itself uses it', () => {
    const launch = answerer.answer('when did the portal launch?');
    expect(launch.text).toContain('2019');
    const later = answerer.answer('and later?', launch.topic);
    expect(later.answered, later.text).toBe(true);
    expect(later.text).toContain('in 2022');
  });
});
