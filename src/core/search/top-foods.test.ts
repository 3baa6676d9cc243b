import { describe, expect, it } from 'vitest';
import { makeFood } from '../test-support/make-food.js';
import { fitsPattern } from './diet-pattern.js';
import { topFoods } from './top-foods.js';

// Energy and K1 per 100 g from USDA SR24 (kale 11233, natto 16113, cheddar 01009); natto's MK-7
// figure is a test value.
const kale = makeFood({
  id: 'sr24:11233',
  name: 'Kale, raw',
  nutrients: { energy: 50, 'vitamin-k1': 817 },
  portions: [{ name: 'cup, chopped', amount: 1, grams: 67 }],
});
const natto = makeFood({
  id: 'sr24:16113',
  name: 'Natto',
  group: 'Legumes and Legume Products',
  nutrients: { energy: 212, 'vitamin-k1': 23.1, mk7: 939 },
  portions: [{ name: 'cup', amount: 1, grams: 175 }],
});
const cheddar = makeFood({
  id: 'sr24:01009',
  name: 'Cheese, cheddar',
  group: 'Dairy and Egg Products',
  nutrients: { energy: 403, 'vitamin-k1': 2.8 },
  portions: [{ name: 'oz', amount: 1, grams: 28.35 }],
});
const noEnergy = makeFood({ id: 'custom:1', name: 'Herb mix', nutrients: { 'vitamin-k1': 100 } });
const unknownK = makeFood({ id: 'custom:2', name: 'Water', nutrients: { energy: 0 } });
const foods = [kale, natto, cheddar, noEnergy, unknownK];

describe('topFoods', () => {
  it('ranks per 100 g and leaves out foods with an unknown value', () => {
    const rows = topFoods(foods, 'vitamin-k1');
    expect(rows.map((row) => row.id)).toEqual([
      'sr24:11233',
      'custom:1',
      'sr24:16113',
      'sr24:01009',
    ]);
    expect(rows[0]).toMatchObject({ amount: 817, unit: 'µg', per: '100g' });
  });

  it('per serving uses the first household portion', () => {
    const rows = topFoods(foods, 'vitamin-k1', { per: 'serving' });
    // kale: 817 × 67/100 = 547.39; natto 23.1 × 1.75 = 40.425; cheddar 2.8 × 0.2835 = 0.7938
    expect(rows.map((row) => row.id)).toEqual(['sr24:11233', 'sr24:16113', 'sr24:01009']);
    expect(rows[0]!.amount).toBeCloseTo(547.39, 6);
    expect(rows[0]!.portion).toEqual({ name: 'cup, chopped', amount: 1, grams: 67 });
  });

  it('per 100 kcal needs a known energy above zero', () => {
    const rows = topFoods(foods, 'vitamin-k1', { per: '100kcal' });
    expect(rows.map((row) => row.id)).toEqual(['sr24:11233', 'sr24:16113', 'sr24:01009']);
    expect(rows[0]!.amount).toBeCloseTo(1634, 6);
  });

  it('ranks derived nutrients: vitamin K2 is known only where a menaquinone is', () => {
    const rows = topFoods(foods, 'vitamin-k2');
    expect(rows).toEqual([expect.objectContaining({ id: 'sr24:16113', amount: 939 })]);
  });

  it('filters by pattern and limit', () => {
    const vegan = topFoods(foods, 'vitamin-k1', { pattern: 'vegan', limit: 10 });
    expect(vegan.map((row) => row.id)).not.toContain('sr24:01009');
    expect(topFoods(foods, 'vitamin-k1', { limit: 2 })).toHaveLength(2);
  });
});

describe('fitsPattern (approximate, from group and name)', () => {
  const food = (name: string, group: string) => makeFood({ id: 'x:1', name, group });
  it.each([
    [
      'Cheese, cheddar',
      'Dairy and Egg Products',
      { vegan: false, vegetarian: true, pescatarian: true },
    ],
    [
      'Fish, salmon, Atlantic, wild, raw',
      'Finfish and Shellfish Products',
      { vegan: false, vegetarian: false, pescatarian: true },
    ],
    [
      'Chicken, broilers or fryers, breast, meat only, raw',
      'Poultry Products',
      { vegan: false, vegetarian: false, pescatarian: false },
    ],
    [
      'Soup, chicken noodle, canned, condensed',
      'Soups, Sauces, and Gravies',
      { vegan: false, vegetarian: false, pescatarian: false },
    ],
    ['Honey', 'Sweets', { vegan: false, vegetarian: true, pescatarian: true }],
    [
      'Peanut butter, smooth style, with salt',
      'Legumes and Legume Products',
      { vegan: true, vegetarian: true, pescatarian: true },
    ],
    [
      'Soymilk, original and vanilla, unfortified',
      'Legumes and Legume Products',
      { vegan: true, vegetarian: true, pescatarian: true },
    ],
    [
      'Eggplant, raw',
      'Vegetables and Vegetable Products',
      { vegan: true, vegetarian: true, pescatarian: true },
    ],
    [
      'Beans, kidney, all types, mature seeds, raw',
      'Legumes and Legume Products',
      { vegan: true, vegetarian: true, pescatarian: true },
    ],
    [
      'Noodles, egg, dry, enriched',
      'Cereal Grains and Pasta',
      { vegan: false, vegetarian: true, pescatarian: true },
    ],
  ])('%s', (name, group, expected) => {
    const item = food(name, group);
    expect(fitsPattern(item, 'omnivore')).toBe(true);
    expect(fitsPattern(item, 'vegan')).toBe(expected.vegan);
    expect(fitsPattern(item, 'vegetarian')).toBe(expected.vegetarian);
    expect(fitsPattern(item, 'pescatarian')).toBe(expected.pescatarian);
  });
});
