import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from './edit-distance.js';
import { stemWord, tokenize } from './normalize.js';

describe('stemWord', () => {
  it.each([
    ['eggs', 'egg'],
    ['berries', 'berry'],
    ['berry', 'berry'],
    ['tomatoes', 'tomato'],
    ['peaches', 'peach'],
    ['cookies', 'cooky'],
    ['cookie', 'cooky'],
    ['leaves', 'leaf'],
    ['hummus', 'hummus'],
    ['asparagus', 'asparagus'],
    ['swiss', 'swiss'],
    ['oats', 'oat'],
  ])('%s → %s', (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });

  it('tokenizes names on punctuation, lower-cased, without diacritics', () => {
    expect(tokenize('Crème fraîche, 3.25% milkfat')).toEqual([
      'creme',
      'fraiche',
      '3',
      '25',
      'milkfat',
    ]);
  });
});

describe('boundedEditDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions', () => {
    expect(boundedEditDistance('brocoli', 'broccoli', 2)).toBe(1);
    expect(boundedEditDistance('kael', 'kale', 2)).toBe(1);
    expect(boundedEditDistance('chedar', 'cheddar', 2)).toBe(1);
    expect(boundedEditDistance('spinich', 'spinach', 2)).toBe(1);
    expect(boundedEditDistance('brocolli', 'broccoli', 2)).toBe(2);
  });

  it('stops at the bound with max + 1', () => {
    expect(boundedEditDistance('ched', 'raw', 1)).toBe(2);
    expect(boundedEditDistance('cheese', 'banana', 2)).toBe(3);
  });
});
