// How an indicator's figure is said: its count or share, what it is out of, and the year once.
import { describe, expect, it } from 'vitest';
import { describeFigure } from '../../src/content/figures.js';
import type { Content, Indicator } from '../../src/content/schema.js';

const pack = (population?: { count: number; label: string }) => ({ indicatorSet: { population } }) as unknown as Content;
const indicator = (global: Indicator['global']) => ({ id: 'x', name: 'X', global }) as unknown as Indicator;

describe('an indicator figure', () => {
  it('names its population and year', () => {
    expect(describeFigure(pack({ count: 150, label: 'partner towns' }), indicator({ count: 120, year: 2021, source: 'S' }))).toBe('120 of the 150 partner towns in 2021');
  });

  it('gives the year once when the population already names it', () => {
    expect(describeFigure(pack({ count: 194, label: 'countries assessed in 2024' }), indicator({ count: 132, year: 2024, source: 'S' }))).toBe('132 of the 194 countries assessed in 2024');
  });

  it('uses its own population over the set one, and a share as given', () => {
    expect(describeFigure(pack({ count: 150, label: 'towns' }), indicator({ source: 'S', share: 40, of: { count: 33, label: 'countries assessed in 2019' } }))).toBe('40% of the 33 countries assessed in 2019');
  });

  it('writes large counts the way people read them', () => {
    expect(describeFigure(pack({ count: 8100000000, label: 'people worldwide' }), indicator({ count: 5500000000, source: 'S' }))).toBe('5,500,000,000 of the 8,100,000,000 people worldwide');
  });
});
