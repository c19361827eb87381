// A message that tells who asks before it asks ("I work for the Ruritanian government. How did our region, East
// Asia, do?"): the asking clause says what it is about; a name in the setting only says who asks, unless the
// question names nothing of its own ("I work in Ruritania. What was our score?").
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

describe('the setting of a question', () => {
  const { answerer } = workshop(
    writeSmallPack('setting', { title: 'The Harbour Index', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'regions',
        title: 'Regions',
        units: [
          { id: 'east-asia', kind: 'statistic', text: 'In the 2024 Harbour Index, East Asia and Pacific averaged 0.61, above the world average of 0.55.', keywords: [] },
          { id: 'europe', kind: 'statistic', text: 'In the 2024 Harbour Index, Europe averaged 0.72.', keywords: [] },
        ],
      },
    ]),
  );

  it('answers about the region the question names, whoever asks', () => {
    const a = answerer.answer('I work for the Ruritanian government. How did our region, East Asia and the Pacific, do compared with the world average?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('0.61');
  });

  it('declines when the setting names the place asked about and the pack does not', () => {
    const a = answerer.answer('I work for the Ruritanian government. What was our score in the 2024 Harbour Index?');
    expect(a.answered, a.text).toBe(false);
  });
});

describe('who asks on whose behalf', () => {
  const { answerer } = workshop(
    writeSmallPack('asker', { title: 'The Harbour Index', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'laws',
        title: 'Harbour laws',
        units: [
          { id: 'pilotage', kind: 'statistic', text: '132 ports (68 per cent) have rules guaranteeing free pilotage for small fishing boats.', keywords: [] },
          { id: 'own-berths', kind: 'fact', text: 'Separate berths may be needed for ferries, old fishing boats or boats serving remote islands.', keywords: [] },
          { id: 'evidence', kind: 'fact', text: 'Berth plans for small island ports should be based on evidence drawn from tide records broken down by season.', keywords: [] },
        ],
      },
    ]),
  );

  it('reads "I\'m from X, my boss wants to know..." as who asks', () => {
    const a = answerer.answer("hi i'm from the dept of customs & excise, my boss wants to know how many ports guarantee free pilotage for small boats");
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('132 ports');
  });

  it('reads "my boss at the X asks" as who asks', () => {
    const a = answerer.answer('my boss at the office of island transport development asks what evidence berth plans for small island ports should be based on');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('tide records');
  });

  it('reads "which boats need their own berths?" as asked, after who asks', () => {
    const a = answerer.answer('I work with dockers unions - which boats does the board say might need their own berths?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('ferries');
  });

  it('still reads "how many of our ports asked for it?" as the question', () => {
    expect(answerer.answer('how many of our ports asked for free pilotage for cruise ships?').answered).toBe(false);
  });

  it('still declines "which have their own?" about something only the setting names', () => {
    expect(answerer.answer('We manage the fuel barges in the bay - which ports have their own?').answered).toBe(false);
  });
});

describe('a setting, then a question about its own subject', () => {
  const { answerer } = workshop(
    writeSmallPack('own-subject', { title: 'The Harbour Index', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'portals',
        title: 'What port websites link to',
        units: [
          { id: 'local-links', kind: 'statistic', text: '74% of ports link to the websites of their local harbour councils from their main website.', keywords: [] },
          { id: 'ministry-links', kind: 'statistic', text: '90% of ports link to their transport ministry from their main website.', keywords: [] },
          { id: 'tide-tables', kind: 'statistic', text: '61% of ports publish tide tables on their website.', keywords: [] },
        ],
      },
    ]),
  );

  it('reads "their" after the ports it belongs to as theirs, not as pointing back at the setting', () => {
    const q = "In Ruritania our district harbour council sites aren't linked from the port website. What share of ports link to local harbour councils from their main website?";
    const a = answerer.answer(q);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('74% of ports link to the websites of their local harbour councils');
  });
});
