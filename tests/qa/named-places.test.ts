// A name the pack itself calls a place ("Osterby district"), though no dictionary knows it, is a place: a question
// about it is answered only by a unit that names it, as for a country. The session's own setting is not: every
// unit speaks of it, named or not.
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

const writePack = () =>
  writeSmallPack('named-places', { title: 'Water for Farms in Valmora', workshop: 'Rural Services Week 2027', location: 'Valmora City' }, [
    {
      id: 'opening',
      title: 'Water for Farms in Valmora',
      units: [{ id: 'opening-title', kind: 'title', text: 'Water for Farms in Valmora is presented by Ines Caldera of the Valmora Irrigation Office.', keywords: [] }],
    },
    {
      id: 'pilot',
      title: 'The pilot',
      units: [
        { id: 'pilot-where', kind: 'fact', text: 'The pilot ran in Ralvik and Osterby districts from 2024, with 40 pumps in each.', keywords: [] },
        { id: 'pilot-ralvik', kind: 'statistic', text: 'In Ralvik district 80 per cent of farms now have irrigation, up from 35 per cent in 2023.', keywords: [] },
        { id: 'pilot-cost', kind: 'statistic', text: 'Each pump cost 2,300 dollars, and the programme paid for 80 of them.', keywords: [] },
      ],
    },
  ]);

describe('places a pack names', () => {
  const { answerer } = workshop(writePack());

  it('a figure for one district does not answer for another', () => {
    const a = answerer.answer('how many farms in Osterby district have irrigation?');
    expect(a.answered, a.text).toBe(false);
  });

  it('the district the figure is for still answers', () => {
    const a = answerer.answer('how many farms in Ralvik have irrigation?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('80 per cent of farms');
  });

  it("the session's own setting need not be named by the unit", () => {
    const a = answerer.answer('what did each pump cost in Valmora?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('2,300 dollars');
  });
});
