// A "why" question tells the event in the asker's words; the unit that gives the reason tells it in its own.
// What the reason unit lacks of the asker's telling ("sending questionnaires") must not make the bot decline.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('why-retold', { title: 'Ferries Online: Port Ellis Timetables', workshop: 'Harbour Services Week 2027' }, [
    {
      id: 'intro',
      title: 'About this session',
      units: [{ id: 'scope', kind: 'fact', text: 'This session tells how the Port Ellis harbour board put ferry timetables and tickets online.', keywords: [] }],
    },
    {
      id: 'survey',
      title: 'How the 2020 survey was run',
      units: [
        { id: 'remote', kind: 'fact', text: 'Because the harbour offices were closed during the storms of 2020, the ferry survey was collected remotely from the operators\u2019 websites, using measures anyone could check online.', keywords: [] },
        { id: 'later', kind: 'fact', text: 'The 2022 survey went back to questionnaires filled in by each ferry operator, checked by the harbour board.', keywords: [] },
      ],
    },
    {
      id: 'tickets',
      title: 'Tickets',
      units: [{ id: 'share', kind: 'statistic', text: 'By 2023, 71 per cent of ferry tickets in Port Ellis were bought online.', keywords: [] }],
    },
  ]);

describe('why, told in other words', () => {
  const { answerer } = workshop(writePack());

  it('is answered by the unit that gives the reason', () => {
    const a = answerer.answer('why did they collect the 2020 survey from websites rather than sending questionnaires?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('Because the harbour offices were closed');
  });

  it('still declines a why the material does not answer', () => {
    expect(answerer.answer('why did the ferry fares go up in 2023?').answered).toBe(false);
  });
});
