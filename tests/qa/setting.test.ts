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
