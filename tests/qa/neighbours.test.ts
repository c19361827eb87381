// An answer split over two adjacent units is given from both, within 600 characters: when the two are too
// long together, the neighbour's sentence that holds the question stands for it.
import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHARS } from '../../src/qa/format.js';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('neighbours', { title: 'Paying for the Harbour', workshop: 'Ports Finance Day 2025' }, [
    {
      id: 'levy',
      title: 'The harbour levy',
      units: [
        {
          id: 'what',
          kind: 'fact',
          text: 'The harbour levy is a charge on every container landed at the port, set by the Ports Board each spring after a public hearing. It pays for dredging the channel, repairing the sea wall and running the pilot boats, and the board publishes how each year\'s levy was spent in its annual report to parliament, with a table by project and a note on any dredging that ran late or over budget.',
          keywords: [],
        },
        {
          id: 'history',
          kind: 'fact',
          text: 'The harbour levy was first charged in 1998, at a flat rate per container, after a long dispute with the shipping lines over landing fees that went as far as the high court. Since 2015 small fishing boats pay nothing.',
          keywords: [],
        },
      ],
    },
    {
      id: 'other',
      title: 'Other port income',
      units: [{ id: 'rent', kind: 'fact', text: 'Warehouse rents bring the port about a fifth of its income.', keywords: [] }],
    },
  ]);

describe('adjacent units', () => {
  const { answerer } = workshop(writePack());

  it('answers from both units, the neighbour cut to its sentence on the question', () => {
    const a = answerer.answer('how is the harbour levy charged on containers?');
    expect(a.text).toMatch(/^The harbour levy is a charge on every container landed at the port, set by the Ports Board each spring after a public hearing\. The harbour levy was first charged in 1998/);
    expect(a.text).not.toContain('annual report');
    expect(a.text.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
  });

});

describe('a neighbour that is a list', () => {
  const { answerer } = workshop(
    writeSmallPack('neighbour-list', { title: 'Rules for Risky Systems', workshop: 'Digital Regulation Forum 2025' }, [
      {
        id: 'risk',
        title: 'High-risk systems',
        units: [
          {
            id: 'areas',
            kind: 'list',
            text: 'Annex 3 lists eight high-risk areas: biometrics; critical infrastructure; education; employment; essential public services; law enforcement; migration and border control; and the administration of justice.',
            keywords: [],
          },
          {
            id: 'duties',
            kind: 'fact',
            text: 'High-risk systems must meet strict requirements before use, including risk management, good-quality data, technical documentation, human oversight, accuracy and robustness. Their providers must register them in a public database before they are sold, and the bodies that deploy them must keep the logs for at least six months and tell the people affected that such a system is being used.',
            keywords: [],
          },
        ],
      },
      { id: 'other', title: 'Chatbots', units: [{ id: 'bots', kind: 'fact', text: 'Chatbots must tell people they are talking to a machine.', keywords: [] }] },
    ]),
  );

  it('is never cut after the first item of its list', () => {
    const a = answerer.answer('high-risk systems: what is required?');
    expect(a.text).toContain('strict requirements before use');
    expect(a.text).not.toMatch(/areas: biometrics\./);
  });
});
