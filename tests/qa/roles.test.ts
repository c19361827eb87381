// A pack's irregular verbs ("taught", "written") bridge to the question's words like any other; and "who were
// the *authors* of X?" asks who wrote X, which a deck may say without the role's word ("written by Ana Lopez").
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () => {
  const dir = writeSmallPack('roles', { title: 'Measuring Harbour Services', workshop: 'Harbour Data Week 2025', presenter: 'Iris Vane' }, [
    {
      id: 'report',
      title: 'The first harbour report',
      units: [
        { id: 'report-message', kind: 'fact', text: "The first Harbour Services Report's key message is that harbours need shared booking systems before new apps.", keywords: [] },
        { id: 'report-regions', kind: 'fact', text: 'The first Harbour Services Report found the largest gaps in Northern Province and Coastal District.', keywords: [] },
        { id: 'report-origin', kind: 'fact', text: 'The first Harbour Services Report, "Open Berths", was written by Mara Okoye and Tomas Lind and published by the Harbour Board in 2021.', keywords: [] },
        { id: 'report-release', kind: 'fact', text: 'The first Harbour Services Report was released online in June 2021 by the Harbour Board.', keywords: [] },
        { id: 'review', kind: 'fact', text: 'The Berth Safety Review was commissioned by Dr Lena Sand in 2022 and presented to the council by Piet Mol.', keywords: [] },
        { id: 'ethics', kind: 'fact', text: 'The Harbour Ethics Board is chaired by the Ministry of Justice and meets four times a year.', keywords: [] },
        { id: 'unemployment', kind: 'statistic', text: 'Unemployment among harbour workers stood at 7% in 2023.', keywords: [] },
        { id: 'launch', kind: 'fact', text: "The 2020 HSI report was first released on the Harbour Board's web page in June 2021 and relaunched as a formal publication in September 2021, with a launch event on 16 September 2021.", keywords: [] },
      ],
    },
    {
      id: 'petitions',
      title: 'Harbour petitions',
      units: [
        { id: 'petitions-site', kind: 'fact', text: 'On the Harbour Parliament petitions website, the Government responds to every e-petition that reaches 500 signatures, and the Petitions Committee considers holding a debate on any e-petition that reaches 5,000.', keywords: [] },
        { id: 'petitions-count', kind: 'statistic', text: 'In 2023 the harbour petitions website received 1,200 petitions.', keywords: [] },
      ],
    },
    {
      id: 'works',
      title: 'Harbour works',
      units: [
        { id: 'pilots', kind: 'fact', text: 'The first harbour pilots were taught by Captain Ruth Amsel in 2018.', keywords: [] },
        { id: 'quays', kind: 'fact', text: 'Two new quays were built in 2019 with money from the harbour levy.', keywords: [] },
        { id: 'quays-board', kind: 'fact', text: 'The quay works board is chaired by Councillor Ana Ruiz.', keywords: [] },
      ],
    },
  ]);
  // (The committee is a term of the pack's glossary: a name the question asks about as a whole.)
  writeFileSync(join(dir, 'glossary.json'), JSON.stringify([{ term: 'PC', expansion: 'Petitions Committee: the parliament committee that hears petitions.', synonyms: [] }]));
  return dir;
};

describe('irregular verbs of the pack', () => {
  const { answerer } = workshop(writePack());

  it('answers "who instructed X?" from a pack that says who taught them', () => {
    const a = answerer.answer('who instructed the first harbour pilots?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('Ruth Amsel');
  });
});

describe('who, by role', () => {
  const { answerer } = workshop(writePack());

  it('answers "who were the authors of X?" from the unit saying who wrote it', () => {
    const a = answerer.answer('who were the authors of the first harbour services report?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('Mara Okoye');
  });

  it('gives no names for a role the deck never fills ("who were the translators of X?")', () => {
    expect(answerer.answer('who were the translators of the first harbour services report?').text).not.toContain('Mara Okoye');
  });
});

describe('who holds a post', () => {
  const { answerer } = workshop(writePack());

  it('declines "who chairs X?" when the deck only names X, not who chairs it', () => {
    const a = answerer.answer('who chairs the harbour petitions committee?');
    expect(a.answered, a.text).toBe(false);
  });

  it('still names who chairs a committee when the deck says so', () => {
    expect(answerer.answer('who chairs the quay works board?').text).toContain('Ana Ruiz');
  });
});

describe('roles and verbs, guarded', () => {
  const { answerer } = workshop(writePack());

  it('does not take who commissioned or presented a report for its authors', () => {
    const a = answerer.answer('who were the authors of the berth safety review?');
    expect(a.text).not.toMatch(/^The Berth Safety Review was commissioned/);
  });

  it('answers "who chairs X?" with the body that chairs it', () => {
    expect(answerer.answer('who chairs the harbour ethics board?').text).toContain('chaired by the Ministry of Justice');
  });

  it('reads an irregular verb of the pack as a verb only ("stood" is no "stance")', () => {
    expect(answerer.answer('what is the stance on unemployment among harbour workers?').text).not.toMatch(/^Unemployment among harbour workers stood/);
  });

  it('declines "who spoke at X?" when the deck names no one who spoke', () => {
    const a = answerer.answer('who spoke at the launch event in sept 2021?');
    expect(a.answered, a.text).toBe(false);
  });

  it('still names the presenter as who spoke at the session', () => {
    expect(answerer.answer('who spoke at this session?').text).toContain('Iris Vane');
  });
});

describe('"which organisation...?" asks who', () => {
  const { answerer } = workshop(
    writeSmallPack('which-org', { title: 'Accessible Port Websites', workshop: 'Harbour Data Week 2025', presenter: 'Ana Ruiz', organisation: 'Port Skills Academy' }, [
      {
        id: 'guidelines',
        title: 'Web guidelines',
        units: [
          { id: 'hwg', kind: 'definition', text: 'The Harbour Web Guidelines are the common standard for accessible port websites, developed by the Harbour Web Consortium (HWC).', keywords: [] },
          { id: 'levels', kind: 'list', text: 'The Harbour Web Guidelines have three levels of conformance: A, AA and AAA.', keywords: [] },
        ],
      },
      {
        id: 'berths',
        title: 'Berths',
        units: [{ id: 'master', kind: 'fact', text: 'The harbour master is responsible for the berth list of each port organisation.', keywords: [] }],
      },
    ]),
  );

  it('answers "which organisation is responsible for the harbour web guidelines?" with the body, and is sure of it', () => {
    const a = answerer.answer('which organisation is responsible for the harbour web guidelines?');
    expect(a.text).toMatch(/^The Harbour Web Guidelines are the common standard/);
    expect(a.text).toContain('Harbour Web Consortium');
  });

  it('answers "which organisation does she work for?" after "who is presenting?" with her organisation', () => {
    const first = answerer.answer("hi, who's giving the port websites session today?");
    expect(first.text).toContain('Ana Ruiz');
    expect(answerer.answer('which organisation does she work for?', first.topic).text).toContain('Port Skills Academy');
  });
});
