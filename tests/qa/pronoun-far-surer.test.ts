// "How much did it all cost?" after "who chairs the steering committee?" names its own topic; read with the last
// one it is far less sure than alone, so it is read alone, and the next follow-up ("who paid?") leans on the cost,
// not on the committee.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('pronoun-far-surer', { title: 'Ferries Online', workshop: 'Coastal Transport Forum 2027', location: 'Port Ellis, Norland' }, [
    {
      id: 'money',
      title: 'Money',
      units: [
        { id: 'money-cost', kind: 'statistic', text: 'The booking app was budgeted at 2.1 million euros for 2021-2024 and cost 1.8 million. The Harbour Trust paid 60% and a bank loan the rest.', keywords: [] },
        { id: 'money-run', kind: 'statistic', text: 'Running the app costs about 300,000 euros a year, including hosting and a six-person help desk.', keywords: [] },
      ],
    },
    {
      id: 'build',
      title: 'Building the app',
      units: [{ id: 'build-who', kind: 'fact', text: 'The app was built by Coralbyte Systems, a local firm, between 2021 and 2022.', keywords: [] }],
    },
    {
      id: 'people',
      title: 'People',
      units: [
        { id: 'people-chair', kind: 'fact', text: 'The steering committee is chaired by Rafa Dunmore of the port authority and meets every month.', keywords: [] },
        { id: 'people-lead', kind: 'fact', text: 'The project is managed by Lena Holt, head of digital services at the Ferry Office.', keywords: [] },
      ],
    },
  ]);

describe('a question with a pronoun that is far surer alone', () => {
  const { answerer } = workshop(writePack());

  it('is read alone, and the next follow-up leans on it', () => {
    let topic = answerer.answer('who chairs the steering comittee').topic;
    const cost = answerer.answer('how much did it all cost', topic);
    expect(cost.text).not.toMatch(/not certain/);
    topic = cost.topic ?? topic;
    const paid = answerer.answer('who paid', topic);
    expect(paid.text).toContain('The Harbour Trust paid 60%');
  });
});
