import { describe, expect, it } from 'vitest';
import { supplementAmount } from './profile-facts.js';
import { getNutrient, MENAQUINONE_IDS, NUTRIENT_IDS } from './nutrients.js';

describe('vitamin K registry', () => {
  it('lists MK-4 to MK-13 as the menaquinones K2 sums, each its own µg nutrient', () => {
    expect(MENAQUINONE_IDS).toEqual([
      'mk4',
      'mk5',
      'mk6',
      'mk7',
      'mk8',
      'mk9',
      'mk10',
      'mk11',
      'mk12',
      'mk13',
    ]);
    for (const id of MENAQUINONE_IDS) {
      expect(NUTRIENT_IDS, id).toContain(id);
      expect(getNutrient(id).unit, id).toBe('µg');
      expect(getNutrient(id).derivedFrom, id).toBeUndefined();
    }
    expect(getNutrient('vitamin-k2').derivedFrom).toEqual(MENAQUINONE_IDS);
  });

  it('keeps dihydrophylloquinone its own nutrient, outside K1, K2 and the vitamin K total', () => {
    const dk = getNutrient('dihydrophylloquinone');
    expect(dk.unit).toBe('µg');
    expect(dk.derivedFrom).toBeUndefined();
    expect(getNutrient('vitamin-k').derivedFrom).toEqual(['vitamin-k1', 'vitamin-k2']);
    expect(getNutrient('vitamin-k2').derivedFrom).not.toContain('dihydrophylloquinone');
    // The note says why and where that comes from.
    expect(dk.note).toMatch(/Booth 2001/);
    expect(dk.note).toMatch(/PMID 11722960/);
  });
});

describe('vitamin K supplements', () => {
  const profile = {
    supplements: [
      { nutrient: 'vitamin-k1' as const, amount: 100, unit: 'µg' },
      { nutrient: 'mk7' as const, amount: 180, unit: 'µg' },
      { nutrient: 'mk11' as const, amount: 10, unit: 'µg' },
      { nutrient: 'dihydrophylloquinone' as const, amount: 50, unit: 'µg' },
    ],
  };

  it('counts every menaquinone toward K2 and K, and dihydrophylloquinone toward neither', () => {
    expect(supplementAmount(profile, 'vitamin-k2')).toBe(190);
    expect(supplementAmount(profile, 'vitamin-k')).toBe(290);
    expect(supplementAmount(profile, 'vitamin-k1')).toBe(100);
    expect(supplementAmount(profile, 'dihydrophylloquinone')).toBe(50);
  });
});
