import { describe, expect, it } from 'vitest';
import { makeFood } from '../test-support/make-food.js';
import { createFoodSearch } from './food-search.js';

// Real USDA SR24 names and NDB numbers (../shared/data/sr24/sr24_foods.csv), with their groups.
const DAIRY = 'Dairy and Egg Products';
const VEG = 'Vegetables and Vegetable Products';
const rows: [string, string, string][] = [
  ['11233', 'Kale, raw', VEG],
  ['11234', 'Kale, cooked, boiled, drained, without salt', VEG],
  ['11235', 'Kale, frozen, unprepared', VEG],
  ['11622', 'Kale, scotch, raw', VEG],
  ['11236', 'Kale, frozen, cooked, boiled, drained, without salt', VEG],
  ['01077', 'Milk, whole, 3.25% milkfat, with added vitamin D', DAIRY],
  ['01107', 'Milk, human, mature, fluid', DAIRY],
  ['01090', 'Milk, dry, whole, with added vitamin D', DAIRY],
  ['19120', 'Candies, milk chocolate', 'Sweets'],
  ['19093', 'Candies, SYMPHONY Milk Chocolate Bar', 'Sweets'],
  ['01009', 'Cheese, cheddar', DAIRY],
  ['01168', 'Cheese, low fat, cheddar or colby', DAIRY],
  [
    '06383',
    "CAMPBELL Soup Company, CAMPBELL'S CHUNKY Soups, Baked Potato with Cheddar & Bacon Bits Soup",
    'Soups, Sauces, and Gravies',
  ],
  ['11090', 'Broccoli, raw', VEG],
  ['11091', 'Broccoli, cooked, boiled, drained, without salt', VEG],
  ['06584', 'Soup, broccoli cheese, canned, condensed, commercial', 'Soups, Sauces, and Gravies'],
  ['01123', 'Egg, whole, raw, fresh', DAIRY],
  ['01125', 'Egg, yolk, raw, fresh', DAIRY],
  ['11209', 'Eggplant, raw', VEG],
  ['12061', 'Nuts, almonds', 'Nut and Seed Products'],
  ['12195', 'Nuts, almond butter, plain, without salt added', 'Nut and Seed Products'],
  ['04529', 'Oil, almond', 'Fats and Oils'],
  ['01116', 'Yogurt, plain, whole milk, 8 grams protein per 8 ounce', DAIRY],
  [
    '16056',
    'Chickpeas (garbanzo beans, bengal gram), mature seeds, raw',
    'Legumes and Legume Products',
  ],
  [
    '16057',
    'Chickpeas (garbanzo beans, bengal gram), mature seeds, cooked, boiled, without salt',
    'Legumes and Legume Products',
  ],
  ['11477', 'Squash, summer, zucchini, includes skin, raw', VEG],
  ['15149', 'Crustaceans, shrimp, mixed species, raw', 'Finfish and Shellfish Products'],
  ['11165', 'Coriander (cilantro) leaves, raw', VEG],
  ['11959', 'Arugula, raw', VEG],
  ['16113', 'Natto', 'Legumes and Legume Products'],
  ['09003', 'Apples, raw, with skin', 'Fruits and Fruit Juices'],
  ['09040', 'Bananas, raw', 'Fruits and Fruit Juices'],
  ['11457', 'Spinach, raw', VEG],
  ['15076', 'Fish, salmon, Atlantic, wild, raw', 'Finfish and Shellfish Products'],
];
const foods = rows.map(([ndb, name, group]) => makeFood({ id: `sr24:${ndb}`, name, group }));
const search = createFoodSearch(foods);
const names = (query: string, options?: { limit?: number; group?: string }) =>
  search.search(query, options).map((hit) => hit.name);

describe('createFoodSearch', () => {
  it('ranks the plain raw form first: "kale" gives "Kale, raw"', () => {
    expect(names('kale')[0]).toBe('Kale, raw');
    expect(names('kale')).toHaveLength(5);
  });

  it('gives plain milk before milk chocolate', () => {
    const result = names('milk');
    expect(result[0]).toBe('Milk, whole, 3.25% milkfat, with added vitamin D');
    expect(result.indexOf('Candies, milk chocolate')).toBeGreaterThan(
      result.indexOf('Milk, human, mature, fluid'),
    );
  });

  it('matches word prefixes: "ched" finds cheddar, the plain cheese first', () => {
    const result = names('ched');
    expect(result[0]).toBe('Cheese, cheddar');
    expect(result).toContain('Cheese, low fat, cheddar or colby');
  });

  it('forgives typos on longer words', () => {
    expect(names('brocoli')[0]).toBe('Broccoli, raw');
    expect(names('chedar')[0]).toBe('Cheese, cheddar');
    expect(names('spinnach')[0]).toBe('Spinach, raw');
  });

  it('does not invent typo matches for short unrelated words', () => {
    expect(names('xyzq')).toEqual([]);
  });

  it('meets plural and singular', () => {
    // The whole egg first; the yolk alone is a part, ranked below unless asked for.
    expect(names('eggs')[0]).toBe('Egg, whole, raw, fresh');
    expect(names('eggs')).toContain('Egg, yolk, raw, fresh');
    expect(names('egg yolk')[0]).toBe('Egg, yolk, raw, fresh');
    // "egg" is also a prefix of "eggplant": allowed, but ranked below the whole egg.
    const eggs = names('eggs');
    if (eggs.includes('Eggplant, raw')) expect(eggs.indexOf('Eggplant, raw')).toBeGreaterThan(0);
    expect(names('almond')).toContain('Nuts, almonds');
    expect(names('apple')[0]).toBe('Apples, raw, with skin');
    expect(names('banana')[0]).toBe('Bananas, raw');
  });

  it.each([
    ['yoghurt', 'Yogurt, plain, whole milk, 8 grams protein per 8 ounce'],
    // Cooked before dry: people log chickpeas as eaten.
    [
      'garbanzo',
      'Chickpeas (garbanzo beans, bengal gram), mature seeds, cooked, boiled, without salt',
    ],
    ['aubergine', 'Eggplant, raw'],
    ['courgette', 'Squash, summer, zucchini, includes skin, raw'],
    ['prawns', 'Crustaceans, shrimp, mixed species, raw'],
    ['coriander', 'Coriander (cilantro) leaves, raw'],
    ['cilantro', 'Coriander (cilantro) leaves, raw'],
    ['rocket', 'Arugula, raw'],
  ])('understands the synonym "%s"', (query, expected) => {
    expect(names(query)[0]).toBe(expected);
  });

  it('needs every query word: "cheddar soup" finds the soup, not the cheese', () => {
    expect(names('cheddar soup')[0]).toContain('Cheddar & Bacon Bits Soup');
    expect(names('cheddar soup')).not.toContain('Cheese, cheddar');
  });

  it('falls back to partial matches when no food has every word, best share first', () => {
    const hits = search.search('kale salad');
    expect(hits[0]!.name).toBe('Kale, raw');
    expect(hits[0]!.score).toBeLessThan(search.search('kale')[0]!.score);
  });

  it('filters by food group, case-insensitively and by part of the name', () => {
    expect(names('broccoli', { group: 'vegetables' })).toEqual([
      'Broccoli, raw',
      'Broccoli, cooked, boiled, drained, without salt',
    ]);
    expect(names('broccoli', { group: 'Soups' })).toEqual([
      'Soup, broccoli cheese, canned, condensed, commercial',
    ]);
    expect(names('broccoli', { group: 'no such group' })).toEqual([]);
  });

  it('returns scores between 0 and 1, best first, and respects the limit', () => {
    const hits = search.search('raw', { limit: 4 });
    expect(hits).toHaveLength(4);
    for (const hit of hits) {
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.score).toBeLessThanOrEqual(1);
    }
    const scores = hits.map((hit) => hit.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(hits[0]).toMatchObject({
      id: expect.stringMatching(/^sr24:/),
      group: expect.any(String),
    });
  });

  it('returns nothing for an empty or punctuation-only query', () => {
    expect(search.search('')).toEqual([]);
    expect(search.search(' ,;- ')).toEqual([]);
  });

  it('ignores case and diacritics', () => {
    expect(names('NATTŌ')[0]).toBe('Natto');
  });
});
