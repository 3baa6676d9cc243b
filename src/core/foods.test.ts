import { describe, expect, it } from 'vitest';
import { amountToGrams, findPortion, nutrientPer100g, type Food } from './foods.js';
import { MENAQUINONE_IDS, vitaminDIuToUg, vitaminDUgToIu } from './nutrients.js';
import { sr24Source } from './sources.js';

const source = sr24Source('15086');

const salmon: Food = {
  id: 'sr24:15086',
  name: 'Fish, salmon, sockeye, cooked, dry heat',
  group: 'Finfish and Shellfish Products',
  nutrients: { 'vitamin-d': { per100g: 13.15, source } },
  portions: [
    { name: 'fillet', amount: 0.5, grams: 198 },
    { name: 'oz', amount: 3, grams: 85 },
  ],
};

describe('amountToGrams', () => {
  it('resolves "0.5 fillet = 198 g" to 396 g per fillet', () => {
    expect(amountToGrams(salmon, 1, 'fillet')).toEqual({ ok: true, value: 396 });
    expect(amountToGrams(salmon, 0.5, 'Fillet')).toEqual({ ok: true, value: 198 });
  });

  it('converts mass units exactly', () => {
    expect(amountToGrams(salmon, 2, 'kg')).toEqual({ ok: true, value: 2000 });
    expect(amountToGrams(salmon, 1, 'lb')).toEqual({ ok: true, value: 453.59237 });
    const oz = amountToGrams(salmon, 4, 'oz');
    expect(oz.ok && oz.value).toBeCloseTo(113.398, 3);
  });

  it('prefers the mass unit over a portion with the same name', () => {
    // SR24 lists "3 oz = 85 g" portions; "oz" as a unit means the mass unit (28.35 g).
    const result = amountToGrams(salmon, 1, 'oz');
    expect(result.ok && result.value).toBeCloseTo(28.3495, 4);
  });

  it('rejects negative, zero and non-numeric amounts with a coded error naming the field', () => {
    for (const amount of [-1, 0, Number.NaN, Number.POSITIVE_INFINITY]) {
      const result = amountToGrams(salmon, amount, 'g');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_AMOUNT');
        expect(result.error.field).toBe('amount');
      }
    }
  });

  it('rejects a unit the food does not have and lists the ones it has', () => {
    const result = amountToGrams(salmon, 1, 'cup');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('UNKNOWN_UNIT');
      expect(result.error.message).toContain('fillet');
    }
  });

  it('finds portions case- and space-insensitively', () => {
    expect(findPortion(salmon, '  FILLET ')?.grams).toBe(198);
  });
});

describe('vitamin D units', () => {
  it('converts 40 IU to 1 µg and back', () => {
    expect(vitaminDIuToUg(526)).toBeCloseTo(13.15, 10);
    expect(vitaminDUgToIu(25)).toBe(1000);
  });
});

describe('nutrientPer100g', () => {
  const natto: Food = {
    id: 'sr24:16113',
    name: 'Natto',
    group: 'Legumes and Legume Products',
    nutrients: {
      'vitamin-k1': { per100g: 23.1, source },
      mk7: { per100g: 939, source },
      mk8: { per100g: 84, source },
    },
    portions: [],
  };

  it('derives K2 as the sum of reported menaquinones and K as K1 + K2', () => {
    expect(nutrientPer100g(natto, 'vitamin-k2')).toEqual({ per100g: 1023, partial: false });
    expect(nutrientPer100g(natto, 'vitamin-k')?.per100g).toBeCloseTo(1046.1, 6);
    expect(nutrientPer100g(natto, 'vitamin-k')?.partial).toBe(false);
  });

  it('keeps unknown unknown: no menaquinone reported means K2 undefined, not 0', () => {
    expect(nutrientPer100g(salmon, 'vitamin-k2')).toBeUndefined();
    expect(nutrientPer100g(salmon, 'vitamin-k')).toBeUndefined();
    expect(nutrientPer100g(salmon, 'epa-dha')).toBeUndefined();
  });

  it('sums every reported form into K2, MK-11 to MK-13 included, and nothing else', () => {
    const cheese: Food = {
      ...salmon,
      nutrients: {
        'vitamin-k1': { per100g: 2, source },
        mk9: { per100g: 8, source },
        mk11: { per100g: 1.5, source },
        mk12: { per100g: 0.25, source },
        mk13: { per100g: 0, source },
      },
    };
    expect(nutrientPer100g(cheese, 'vitamin-k2')).toEqual({ per100g: 9.75, partial: false });
    expect(nutrientPer100g(cheese, 'vitamin-k')).toEqual({ per100g: 11.75, partial: false });
    // A measured 0 is a known 0: MK-13 alone still makes K2 known.
    const onlyMk13: Food = { ...salmon, nutrients: { mk13: { per100g: 0, source } } };
    expect(nutrientPer100g(onlyMk13, 'vitamin-k2')).toEqual({ per100g: 0, partial: false });
    for (const id of MENAQUINONE_IDS) {
      const one: Food = { ...salmon, nutrients: { [id]: { per100g: 3, source } } };
      expect(nutrientPer100g(one, 'vitamin-k2')?.per100g, id).toBe(3);
    }
  });

  it('keeps dihydrophylloquinone out of K1, K2 and the vitamin K total', () => {
    const margarine: Food = {
      ...salmon,
      nutrients: {
        'vitamin-k1': { per100g: 50, source },
        dihydrophylloquinone: { per100g: 40, source },
      },
    };
    expect(nutrientPer100g(margarine, 'dihydrophylloquinone')?.per100g).toBe(40);
    expect(nutrientPer100g(margarine, 'vitamin-k1')?.per100g).toBe(50);
    expect(nutrientPer100g(margarine, 'vitamin-k2')).toBeUndefined();
    expect(nutrientPer100g(margarine, 'vitamin-k')).toEqual({ per100g: 50, partial: true });
    // dK alone leaves every vitamin K value unknown, not 0.
    const dkOnly: Food = {
      ...salmon,
      nutrients: { dihydrophylloquinone: { per100g: 40, source } },
    };
    expect(nutrientPer100g(dkOnly, 'vitamin-k1')).toBeUndefined();
    expect(nutrientPer100g(dkOnly, 'vitamin-k2')).toBeUndefined();
    expect(nutrientPer100g(dkOnly, 'vitamin-k')).toBeUndefined();
  });

  it('takes a stated K2 total (a label naming no form) only when no form is known', () => {
    const label: Food = {
      ...salmon,
      nutrients: {
        'vitamin-k1': { per100g: 5, source },
        'vitamin-k2': { per100g: 12, source },
      },
    };
    expect(nutrientPer100g(label, 'vitamin-k2')).toEqual({ per100g: 12, partial: false });
    expect(nutrientPer100g(label, 'vitamin-k')).toEqual({ per100g: 17, partial: false });
    // Measured forms win over a stated total: the sum is what was measured.
    const both: Food = {
      ...label,
      nutrients: { ...label.nutrients, mk7: { per100g: 3, source } },
    };
    expect(nutrientPer100g(both, 'vitamin-k2')).toEqual({ per100g: 3, partial: false });
    expect(nutrientPer100g(both, 'vitamin-k')?.per100g).toBe(8);
    // A stated vitamin K total with no K1 and no K2 counts as stated; with K1 known it does not.
    const totalOnly: Food = { ...salmon, nutrients: { 'vitamin-k': { per100g: 40, source } } };
    expect(nutrientPer100g(totalOnly, 'vitamin-k')).toEqual({ per100g: 40, partial: false });
    expect(nutrientPer100g(totalOnly, 'vitamin-k2')).toBeUndefined();
    const stated: Food = {
      ...salmon,
      nutrients: { 'vitamin-k1': { per100g: 5, source }, 'vitamin-k': { per100g: 40, source } },
    };
    expect(nutrientPer100g(stated, 'vitamin-k')).toEqual({ per100g: 5, partial: true });
  });

  it('marks vitamin K partial when K2 is unknown', () => {
    const kale: Food = { ...salmon, nutrients: { 'vitamin-k1': { per100g: 817, source } } };
    expect(nutrientPer100g(kale, 'vitamin-k')).toEqual({ per100g: 817, partial: true });
  });
});
