// Latin and Greek plurals ("indices", "criteria", "analyses") are the plurals of the pack's words, not other words
// that share their first letters ("indices" is not "indicators").
import { describe, expect, it } from 'vitest';
import { workshop, writeSmallPack } from './helpers.js';

describe('irregular plurals', () => {
  const { answerer } = workshop(
    writeSmallPack('plurals', { title: 'Port Scores', workshop: 'Harbour Data Week 2025' }, [
      {
        id: 'scores',
        title: 'Scores',
        units: [
          { id: 'index', kind: 'fact', text: 'Every port gets a Berth Index score and a Crane Index score once a year.', keywords: [] },
          { id: 'indicators', kind: 'fact', text: 'The port authority tracks 40 indicators of safety at every port.', keywords: [] },
          { id: 'analysis', kind: 'fact', text: 'A cost analysis of each new quay is published before building starts.', keywords: [] },
        ],
      },
    ]),
  );

  it('reads "indices" as the plural of "index"', () => {
    expect(answerer.answer('which indices does every port get a score on?').text).toContain('Berth Index');
  });

  it('reads "analyses" as the plural of "analysis"', () => {
    expect(answerer.answer('are cost analyses published for new quays?').text).toContain('cost analysis');
  });
});
