import { describe, expect, it } from 'vitest';
import type { Analysis } from '../analysis/types.js';
import { makeFood, makeFoodIndex } from '../test-support/make-food.js';
import { dashGuidance, estimateMedasFromAnalysis } from './index.js';

const foods = makeFoodIndex([
  makeFood({
    id: 'sr24:04053',
    name: 'Oil, olive, salad or cooking',
    group: 'Fats and Oils',
    portions: [{ name: 'tablespoon', amount: 1, grams: 13.5 }],
  }),
  makeFood({ id: 'sr24:11233', name: 'Kale, raw' }),
  makeFood({ id: 'sr24:11091', name: 'Broccoli, cooked, boiled, drained, without salt' }),
  makeFood({ id: 'sr24:11674', name: 'Potatoes, baked, flesh and skin, without salt' }),
  makeFood({
    id: 'sr24:09003',
    name: 'Apples, raw, with skin',
    group: 'Fruits and Fruit Juices',
    portions: [{ name: 'medium (3" dia)', amount: 1, grams: 182 }],
  }),
  makeFood({
    id: 'sr24:09040',
    name: 'Bananas, raw',
    group: 'Fruits and Fruit Juices',
    portions: [{ name: 'medium (7" to 7-7/8" long)', amount: 1, grams: 118 }],
  }),
  makeFood({
    id: 'sr24:09206',
    name: 'Orange juice, raw',
    group: 'Fruits and Fruit Juices',
    portions: [{ name: 'cup', amount: 1, grams: 248 }],
  }),
  makeFood({
    id: 'sr24:23572',
    name: 'Beef, ground, 85% lean meat / 15% fat, patty, cooked, broiled',
    group: 'Beef Products',
  }),
  makeFood({ id: 'sr24:01001', name: 'Butter, salted', group: 'Dairy and Egg Products' }),
  makeFood({
    id: 'sr24:14400',
    name: 'Carbonated beverage, cola, contains caffeine',
    group: 'Beverages',
  }),
  makeFood({
    id: 'sr24:16070',
    name: 'Lentils, mature seeds, cooked, boiled, without salt',
    group: 'Legumes and Legume Products',
  }),
  makeFood({
    id: 'sr24:16098',
    name: 'Peanut butter, smooth style, without salt',
    group: 'Legumes and Legume Products',
  }),
  makeFood({
    id: 'sr24:15237',
    name: 'Fish, salmon, Atlantic, farmed, cooked, dry heat',
    group: 'Finfish and Shellfish Products',
  }),
  makeFood({
    id: 'sr24:15150',
    name: 'Crustaceans, shrimp, mixed species, raw',
    group: 'Finfish and Shellfish Products',
  }),
  makeFood({ id: 'sr24:12061', name: 'Nuts, almonds', group: 'Nut and Seed Products' }),
  makeFood({
    id: 'sr24:18159',
    name: 'Cookies, chocolate chip, commercially prepared, regular, higher fat, enriched',
    group: 'Baked Products',
  }),
  makeFood({
    id: 'sr24:18160',
    name: 'Cookies, chocolate chip, prepared from recipe, made with margarine',
    group: 'Baked Products',
  }),
]);

function analysis(days: [string, number][][]): Analysis {
  return {
    days: days.map((entries, index) => ({
      date: `2026-11-${String(20 + index)}`,
      entries: entries.map(([foodId, grams]) => ({
        foodId,
        name: foods.get(foodId)!.name,
        amount: grams,
        unit: 'g',
        grams,
      })),
      totals: {},
    })),
    average: {},
    contributors: {},
  };
}

describe('estimateMedasFromAnalysis', () => {
  // Two days; every expected value below is worked out by hand from the screener's serving sizes.
  const twoDays = analysis([
    [
      ['sr24:04053', 54],
      ['sr24:11233', 300],
      ['sr24:11091', 200],
      ['sr24:11674', 300],
      ['sr24:09003', 364],
      ['sr24:09040', 118],
      ['sr24:23572', 120],
      ['sr24:01001', 10],
      ['sr24:14400', 355],
      ['sr24:16070', 150],
      ['sr24:15237', 150],
      ['sr24:12061', 30],
      ['sr24:18159', 30],
      ['sr24:18160', 30],
    ],
    [
      ['sr24:04053', 27],
      ['sr24:11233', 100],
      ['sr24:09003', 182],
      ['sr24:09206', 248],
      ['sr24:16098', 32],
    ],
  ]);
  const estimate = estimateMedasFromAnalysis(twoDays, foods);
  const item = (n: number) => estimate.items.find((i) => i.number === n)!;

  it('returns the items a diary cannot answer as not derivable, never guessed', () => {
    expect(estimate.notDerivable.map((i) => i.number)).toEqual([1, 13, 14]);
    for (const n of [1, 13, 14]) expect(item(n).point).toBeNull();
  });

  it('olive oil: 81 g / 13.5 g per tablespoon / 2 days = 3 tbsp a day → 0', () => {
    expect(item(2)).toMatchObject({ status: 'estimated', value: 3, point: 0 });
  });

  it('vegetables: 600 g (potatoes excluded) / 2 days / 200 g = 1.5 servings → 0', () => {
    expect(item(3)).toMatchObject({ value: 1.5, point: 0 });
  });

  it('fruit: 4 pieces in 2 days is a lower bound of 2 with unconvertible juice → undetermined', () => {
    expect(item(4)).toMatchObject({ status: 'undetermined', value: 2, point: null });
  });

  it('red meat 60 g/day → 1; butter 5 g/day → 1; one cola in 2 days → 1; no wine → 0', () => {
    expect(item(5)).toMatchObject({ value: 0.6, point: 1 });
    expect(item(6)).toMatchObject({ value: 0.42, point: 1 });
    expect(item(7)).toMatchObject({ value: 0.5, point: 1 });
    expect(item(8)).toMatchObject({ value: 0, point: 0 });
  });

  it('legumes 3.5 a week (peanut butter not counted), fish 3.5–5.25 a week, nuts 3.5 a week → 1 each', () => {
    expect(item(9)).toMatchObject({ value: 3.5, point: 1 });
    expect(item(10)).toMatchObject({ value: 5.25, point: 1 });
    expect(item(12)).toMatchObject({ value: 3.5, point: 1 });
  });

  it('commercial sweets: one entry in 2 days = 3.5 a week → 0 (the homemade cookie is not counted)', () => {
    expect(item(11)).toMatchObject({ value: 3.5, point: 0 });
  });

  it('totals 6 known points, at most 10 with the open items, so no band yet', () => {
    expect(estimate.total).toBe(6);
    expect(estimate.possibleMax).toBe(10);
    expect(estimate.band).toBeNull();
    expect(estimate.days).toBe(2);
  });

  it('leaves red meat and fish undetermined inside the serving-size ambiguity', () => {
    const ambiguous = estimateMedasFromAnalysis(
      analysis([
        [
          ['sr24:23572', 120],
          ['sr24:15237', 60],
        ],
      ]),
      foods,
    );
    const find = (n: number) => ambiguous.items.find((i) => i.number === n)!;
    // 120 g/day: 1.2 servings at 100 g, 0.8 at 150 g.
    expect(find(5)).toMatchObject({ status: 'undetermined', point: null });
    // 60 g/day = 420 g/week: 4.2 servings at 100 g, 2.8 at 150 g.
    expect(find(10)).toMatchObject({ status: 'undetermined', point: null });
    // Shellfish has one serving size (200 g): 60 g/day = 2.1 a week → 0.
    const shrimp = estimateMedasFromAnalysis(analysis([[['sr24:15150', 60]]]), foods);
    expect(shrimp.items.find((i) => i.number === 10)).toMatchObject({ value: 2.1, point: 0 });
  });

  it('gives a band when every possible total falls in one band', () => {
    const empty = estimateMedasFromAnalysis(analysis([[['sr24:23572', 200]]]), foods);
    // 200 g red meat → 0. Points for no butter, no drinks, no sweets = 3; items 1, 13, 14 open → at most 6.
    expect(empty.total).toBe(3);
    expect(empty.possibleMax).toBe(6);
    expect(empty.band?.id).toBe('low');
  });
});

describe('dashGuidance', () => {
  it('does not score, lists the eight Fung 2008 components and says what is not implemented', () => {
    const guidance = dashGuidance();
    expect(guidance.scored).toBe(false);
    expect(guidance.components).toHaveLength(8);
    expect(guidance.components.filter((c) => c.better === 'less').map((c) => c.component)).toEqual([
      'Sodium',
      'Red and processed meats',
      'Sweetened beverages',
    ]);
    expect(guidance.source.doi).toBe('10.1001/archinte.168.7.713');
    expect(guidance.notImplemented.join(' ')).toMatch(/Mellen/);
  });
});
