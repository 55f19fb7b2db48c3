import { describe, expect, it } from 'vitest';
import { scoreBars } from './feedback.js';

describe('scoreBars', () => {
  it('gives each score its share of all ratings', () => {
    expect(scoreBars([1, 1, 0, 0, 2]).map((b) => b.percent)).toEqual([25, 25, 0, 0, 50]);
  });
  it('shows no share when nobody rated', () => {
    expect(scoreBars([0, 0, 0, 0, 0]).every((b) => b.percent === 0 && b.count === 0)).toBe(true);
  });
});
