import { describe, expect, it } from 'vitest';
import { analyzeDiary } from './analysis/index.js';
import { amountToGrams, nutrientPer100g, type Food } from './foods.js';
import { rollUpRecipe, rollUpRecipes, type Recipe } from './recipes.js';
import { makeFood, makeFoodIndex } from './test-support/make-food.js';

const kale = makeFood({
  id: 'sr24:11233',
  name: 'Kale, raw',
  nutrients: { energy: 49, calcium: 150, 'vitamin-k1': 704.8 },
  portions: [{ name: 'cup, chopped', amount: 1, grams: 67 }],
});
const rice = makeFood({
  id: 'sr24:20045',
  name: 'Rice, white, cooked',
  group: 'Cereal Grains and Pasta',
  nutrients: { energy: 130, calcium: 10 },
  portions: [{ name: 'cup', amount: 1, grams: 158 }],
});
const natto = makeFood({
  id: 'sr24:16113',
  name: 'Natto',
  group: 'Legumes and Legume Products',
  nutrients: { energy: 212, calcium: 217, mk7: 939, 'vitamin-k1': 23.1 },
});
const foods = makeFoodIndex([kale, rice, natto]);

const bowl: Recipe = {
  id: 'recipe:natto-bowl',
  name: 'Natto rice bowl',
  servings: 2,
  ingredients: [
    { food: 'sr24:20045', amount: 2, unit: 'cup' }, // 316 g
    { food: 'sr24:16113', amount: 100, unit: 'g' }, // 100 g
    { food: 'sr24:11233', amount: 1, unit: 'cup, chopped' }, // 67 g
  ],
};

function rolled(recipe: Recipe) {
  const result = rollUpRecipe(recipe, foods);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('rollUpRecipe', () => {
  it('sums known amounts over the ingredients and divides by their weight', () => {
    const { food, ingredientGrams, totalGrams, servingGrams } = rolled(bowl);
    expect(ingredientGrams).toBe(483);
    expect(totalGrams).toBe(483);
    expect(servingGrams).toBe(241.5);
    // energy: 316 × 1.30 + 100 × 2.12 + 67 × 0.49 = 410.8 + 212 + 32.83 = 655.63 kcal in 483 g
    expect(food.nutrients.energy?.per100g).toBeCloseTo((655.63 / 483) * 100, 6);
    expect(food.nutrients.energy?.coverage).toEqual({ share: 1, known: 3, of: 3 });
    expect(nutrientPer100g(food, 'energy')?.partial).toBe(false);
    expect(food.nutrients.energy?.source.kind).toBe('derived');
    expect(food.nutrients.energy?.source.note).toContain('sr24:20045 (USDA SR24)');
    expect(food.group).toBe('Recipes');
  });

  it('marks a nutrient some ingredients lack as a lower bound, with its coverage by weight', () => {
    const { food } = rolled(bowl);
    // MK-7: natto only (100 of 483 g); rice and kale have no value, which is not zero.
    const mk7 = food.nutrients.mk7!;
    expect(mk7.per100g).toBeCloseTo((939 / 483) * 100, 6);
    expect(mk7.coverage).toEqual({ share: 100 / 483, known: 1, of: 3 });
    expect(mk7.source.note).toContain('lower bound');
    expect(nutrientPer100g(food, 'mk7')?.partial).toBe(true);
    // The derived K2 and K totals carry the partial mark on.
    expect(nutrientPer100g(food, 'vitamin-k2')).toEqual({ per100g: mk7.per100g, partial: true });
    expect(nutrientPer100g(food, 'vitamin-k')?.partial).toBe(true);
    // K1: natto and kale known (167 g), rice not.
    expect(food.nutrients['vitamin-k1']?.coverage).toEqual({ share: 167 / 483, known: 2, of: 3 });
  });

  it('leaves a nutrient no ingredient has a value for unknown, never zero', () => {
    const { food } = rolled(bowl);
    expect(food.nutrients['vitamin-d']).toBeUndefined();
    expect(nutrientPer100g(food, 'vitamin-d')).toBeUndefined();
  });

  it('divides by the cooked weight when given, and serves total weight ÷ servings', () => {
    const cooked = rolled({ ...bowl, cookedGrams: 400, servings: 4 });
    expect(cooked.totalGrams).toBe(400);
    expect(cooked.servingGrams).toBe(100);
    expect(cooked.food.nutrients.energy?.per100g).toBeCloseTo((655.63 / 400) * 100, 6);
    expect(cooked.food.nutrients.energy?.source.note).toContain('400 g cooked weight');
    const serving = amountToGrams(cooked.food, 1, 'serving');
    expect(serving).toEqual({ ok: true, value: 100 });
    // One serving holds a quarter of the whole recipe, whatever the cooked weight.
    const energy = (cooked.food.nutrients.energy!.per100g * 100) / 100;
    expect(energy).toBeCloseTo(655.63 / 4, 6);
  });

  it('names the field at fault: unknown food, unknown unit, bad amount, itself', () => {
    const bad = (ingredients: Recipe['ingredients']) => {
      const result = rollUpRecipe({ ...bowl, ingredients }, foods);
      return result.ok ? undefined : result.error;
    };
    expect(bad([...bowl.ingredients, { food: 'sr24:99999', amount: 1, unit: 'g' }])).toMatchObject({
      code: 'INVALID_RECIPE',
      field: 'ingredients[3].food',
    });
    expect(
      bad([bowl.ingredients[0]!, { food: 'sr24:11233', amount: 1, unit: 'slice' }]),
    ).toMatchObject({ code: 'UNKNOWN_UNIT', field: 'ingredients[1].unit' });
    expect(bad([{ food: 'sr24:11233', amount: 0, unit: 'g' }])).toMatchObject({
      code: 'INVALID_AMOUNT',
      field: 'ingredients[0].amount',
    });
    expect(bad([{ food: 'recipe:natto-bowl', amount: 1, unit: 'serving' }])).toMatchObject({
      code: 'INVALID_RECIPE',
      field: 'ingredients[0].food',
    });
    expect(bad([])).toMatchObject({ field: 'ingredients' });
    const zero = rollUpRecipe({ ...bowl, servings: 0 }, foods);
    expect(zero.ok ? undefined : zero.error.field).toBe('servings');
  });
});

describe('rollUpRecipes', () => {
  it('rolls a recipe that uses another recipe after it, with nested coverage by weight', () => {
    const side: Recipe = {
      id: 'recipe:side',
      name: 'Side',
      servings: 1,
      ingredients: [
        { food: 'recipe:natto-bowl', amount: 1, unit: 'serving' }, // 241.5 g
        { food: 'sr24:11233', amount: 241.5, unit: 'g' },
      ],
    };
    const { rolled: all, failed, foods: index } = rollUpRecipes([side, bowl], foods);
    expect(failed.size).toBe(0);
    const food = index.get('recipe:side')!;
    // MK-7 known for natto's share of the bowl (100/483) of half the weight, kale lacks it.
    expect(food.nutrients.mk7?.coverage?.share).toBeCloseTo((100 / 483) * 0.5, 9);
    expect(food.nutrients.mk7?.coverage?.known).toBe(1);
    expect(food.nutrients.energy?.coverage?.share).toBe(1);
    expect(all.get('recipe:side')?.totalGrams).toBe(483);
  });

  it('reports a cycle through other recipes instead of rolling it', () => {
    const a: Recipe = {
      ...bowl,
      id: 'recipe:a',
      ingredients: [{ food: 'recipe:b', amount: 10, unit: 'g' }],
    };
    const b: Recipe = {
      ...bowl,
      id: 'recipe:b',
      ingredients: [{ food: 'recipe:a', amount: 10, unit: 'g' }],
    };
    const { failed, rolled: ok } = rollUpRecipes([a, b], foods);
    expect(ok.size).toBe(0);
    expect([...failed.keys()].sort()).toEqual(['recipe:a', 'recipe:b']);
  });

  it('gives the diary analysis a partial total when logged', () => {
    const { foods: index } = rollUpRecipes([bowl], foods);
    const food = index.get('recipe:natto-bowl') as Food;
    const analysis = analyzeDiary({
      days: [{ date: '2026-01-05', entries: [{ food, amount: 1, unit: 'serving', grams: 241.5 }] }],
    });
    const total = analysis.days[0]!.totals.mk7!;
    expect(total.amount).toBeCloseTo(939 / 2, 6);
    expect(total.partial).toBe(1);
    expect(analysis.days[0]!.totals.energy?.amount).toBeCloseTo(655.63 / 2, 6);
    expect(analysis.days[0]!.totals.energy?.partial).toBeUndefined();
  });
});
