import { describe, expect, it } from 'vitest';
import { nutrientPer100g } from '../foods.js';
import type { Consequence } from '../policy/types.js';
import type { Profile } from '../profile.js';
import { rollUpRecipe, rollUpRecipes, type Recipe, type RecipeRollUp } from '../recipes.js';
import { sr24Source } from '../sources.js';
import { makeFood, makeFoodIndex } from '../test-support/make-food.js';
import { groupAmount, planSpec } from './model.js';
import { dayTotals } from './plan.js';
import { recipeDish, recipeDishes } from './recipe-dishes.js';
import type { PantryItem } from './types.js';

const lentils = makeFood({
  id: 'sr24:16070',
  name: 'Lentils, cooked',
  nutrients: { energy: 116, protein: 9, sodium: 2, potassium: 369 },
});
const peanutButter = makeFood({
  id: 'sr24:16398',
  name: 'Peanut butter',
  nutrients: { energy: 590, protein: 25, sodium: 17, sugars: 6 },
});
// No sodium value: towards the sodium cap it counts the highest in its group.
const grapefruit = makeFood({
  id: 'sr24:09112',
  name: 'Grapefruit, raw',
  nutrients: { energy: 42, potassium: 135 },
});
const orange = makeFood({
  id: 'sr24:09200',
  name: 'Oranges, raw',
  nutrients: { energy: 47, sodium: 6, potassium: 181 },
});
const salmon = makeFood({
  id: 'sr24:15076',
  name: 'Fish, salmon',
  nutrients: { energy: 142, protein: 20, sodium: 44 },
});
const oats = makeFood({ id: 'sr24:08121', name: 'Cereals, oats', nutrients: { energy: 71 } });
const milk = makeFood({ id: 'sr24:01079', name: 'Milk', nutrients: { energy: 50 } });
const own = makeFood({ id: 'custom:kimchi', name: 'Kimchi, home made', nutrients: { energy: 20 } });
const foods = makeFoodIndex([lentils, peanutButter, grapefruit, orange, salmon, oats, milk, own]);

const ALL = ['vegan', 'vegetarian', 'pescatarian', 'omnivore'] as const;
function pantryItem(food: PantryItem['food'], extra: Partial<PantryItem>): PantryItem {
  return {
    food,
    group: 'legumes',
    meals: ['lunch', 'dinner'],
    stepG: 50,
    minG: 50,
    maxG: 200,
    allergens: [],
    patterns: [...ALL],
    sweetened: false,
    ...extra,
  };
}
const pantry: PantryItem[] = [
  pantryItem(lentils, {}),
  pantryItem(peanutButter, {
    group: 'nuts-seeds',
    meals: ['breakfast', 'snack'],
    allergens: ['peanut'],
    sweetened: true,
  }),
  pantryItem(grapefruit, { group: 'fruit', tags: ['grapefruit'] }),
  pantryItem(orange, { group: 'fruit', meals: ['breakfast', 'lunch'] }),
  pantryItem(salmon, { group: 'fish', allergens: ['fish'], patterns: ['pescatarian', 'omnivore'] }),
  pantryItem(oats, { group: 'grains', meals: ['breakfast'] }),
  pantryItem(milk, {
    group: 'dairy',
    meals: ['breakfast', 'snack'],
    allergens: ['dairy'],
    patterns: ['vegetarian', 'pescatarian', 'omnivore'],
  }),
];

function rolled(recipe: Omit<Recipe, 'id'> & { id?: string }): RecipeRollUp {
  const result = rollUpRecipe({ id: 'recipe:test', ...recipe } as Recipe, foods);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const g = (food: string, amount: number) => ({ food, amount, unit: 'g' });
const byId = new Map(pantry.map((item) => [item.food.id as string, item]));

describe('recipeDish', () => {
  it('is eaten by the serving: one serving is the step and the minimum, two the maximum', () => {
    const dish = recipeDish(
      rolled({ name: 'Stew', servings: 4, cookedGrams: 800, ingredients: [g('sr24:16070', 600)] }),
      byId,
      pantry,
    );
    if (!dish.ok) throw new Error(dish.reason);
    expect(dish.item).toMatchObject({
      group: 'dishes',
      stepG: 200,
      minG: 200,
      maxG: 400,
      portion: { name: 'serving', grams: 200 },
      meals: ['lunch', 'dinner'],
    });
    // Values per 100 g of the cooked dish: 600 g lentils in 800 g.
    expect(dish.item.food.nutrients.protein?.per100g).toBeCloseTo((9 * 600) / 800);
  });

  it('takes the union of the allergens, the intersection of the patterns and the union of the tags', () => {
    const dish = recipeDish(
      rolled({
        name: 'Salmon, peanut and grapefruit bowl',
        servings: 2,
        ingredients: [
          g('sr24:16070', 200),
          g('sr24:16398', 30),
          g('sr24:09112', 100),
          g('sr24:15076', 120),
        ],
      }),
      byId,
      pantry,
    );
    if (!dish.ok) throw new Error(dish.reason);
    expect(dish.item.allergens).toEqual(['fish', 'peanut']);
    expect(dish.item.patterns).toEqual(['pescatarian', 'omnivore']);
    expect(dish.item.tags).toEqual(['grapefruit']);
    expect(dish.item.sweetened).toBe(true);
    expect(dish.item.parts?.map((p) => p.item.food.id)).toEqual([
      'sr24:16070',
      'sr24:16398',
      'sr24:09112',
      'sr24:15076',
    ]);
  });

  it('is a breakfast dish only when every ingredient is a breakfast food', () => {
    const porridge = recipeDish(
      rolled({
        name: 'Porridge',
        servings: 1,
        ingredients: [g('sr24:08121', 40), g('sr24:01079', 200), g('sr24:09200', 50)],
      }),
      byId,
      pantry,
    );
    expect(porridge.ok && porridge.item.meals).toEqual(['breakfast']);
    const withLentils = recipeDish(
      rolled({
        name: 'Odd porridge',
        servings: 1,
        ingredients: [g('sr24:08121', 40), g('sr24:16070', 50)],
      }),
      byId,
      pantry,
    );
    expect(withLentils.ok && withLentils.item.meals).toEqual(['lunch', 'dinner']);
  });

  it('is not offered with an ingredient outside the curated pantry, naming it', () => {
    const dish = recipeDish(
      rolled({
        name: 'Kimchi stew',
        servings: 2,
        ingredients: [g('sr24:16070', 300), g('custom:kimchi', 100)],
      }),
      byId,
      pantry,
    );
    expect(dish.ok).toBe(false);
    expect(!dish.ok && dish.reason).toMatch(
      /Kimchi, home made \(custom:kimchi\) is not in the curated pantry/,
    );
  });

  it("counts an ingredient without a value at its group's highest towards caps, and only known amounts towards minimums", () => {
    const r = rolled({
      name: 'Lentils with grapefruit',
      servings: 2,
      ingredients: [g('sr24:16070', 300), g('sr24:09112', 100)],
    });
    const dish = recipeDish(r, byId, pantry);
    if (!dish.ok) throw new Error(dish.reason);
    // The roll-up's sodium is a lower bound (grapefruit has none): 300 g × 2 mg/100 g over 400 g.
    expect(dish.item.food.nutrients.sodium?.per100g).toBeCloseTo(1.5);
    expect(dish.item.food.nutrients.sodium?.coverage?.share).toBeCloseTo(0.75);
    // Towards the cap the grapefruit counts the fruit group's highest known sodium (oranges, 6).
    expect(dish.item.capPer100g?.sodium).toBeCloseTo((300 * 2 + 100 * 6) / 400);
    // Potassium is known for both: nothing cautious about it.
    expect(dish.item.capPer100g?.potassium).toBeUndefined();
    // Coverage in the day's totals counts only the covered share of the dish's weight.
    const totals = dayTotals([{ food: dish.item.food, grams: 200 }]);
    expect(totals.sodium?.coverage).toBe(0.75);
    expect(totals.potassium?.coverage).toBe(1);
  });
});

describe('recipeDishes', () => {
  it('offers recipes inside recipes after them and reports those not offered with the reason', () => {
    const recipes: Recipe[] = [
      { id: 'recipe:base', name: 'Lentil base', servings: 2, ingredients: [g('sr24:16070', 400)] },
      {
        id: 'recipe:bowl',
        name: 'Bowl',
        servings: 1,
        ingredients: [{ food: 'recipe:base', amount: 1, unit: 'serving' }, g('sr24:09200', 100)],
      },
      {
        id: 'recipe:kimchi',
        name: 'Kimchi stew',
        servings: 1,
        ingredients: [g('custom:kimchi', 100)],
      },
      { id: 'recipe:gone', name: 'Gone', servings: 1, ingredients: [g('sr24:99999', 100)] },
    ];
    const { rolled: r, failed } = rollUpRecipes(recipes, foods);
    const { dishes, unused } = recipeDishes(r.values(), pantry, failed);
    expect(dishes.map((d) => d.food.id)).toEqual(['recipe:base', 'recipe:bowl']);
    expect(unused.map((u) => u.id)).toEqual(['recipe:kimchi', 'recipe:gone']);
    expect(unused[1]?.reason).toMatch(/cannot be rolled up: unknown food/);
  });
});

describe('planSpec with dishes', () => {
  const profile: Profile = {
    age: 50,
    sex: 'female',
    lifeStage: 'none',
    smoker: false,
    conditions: [],
    medications: [],
    supplements: [],
    pattern: 'omnivore',
    exclude: ['peanut'],
    dislikes: [],
    targets: {},
  };
  const targets = {
    energyKcal: 2000,
    energySource: 'profile' as const,
    authority: 'nasem' as const,
    targets: [],
    context: [],
  };
  const source = sr24Source('16070');
  const dish = (ingredients: ReturnType<typeof g>[]) => {
    const made = recipeDish(rolled({ name: 'Dish', servings: 2, ingredients }), byId, pantry);
    if (!made.ok) throw new Error(made.reason);
    return made.item;
  };

  it('leaves a dish out with an allergen of the person, or an ingredient a finding excludes', () => {
    const peanut = dish([g('sr24:16070', 300), g('sr24:16398', 30)]);
    // 100 g of grapefruit in 2 kg: the dish itself is far below the threshold per 100 g.
    const diluted = dish([g('sr24:16070', 1900), g('sr24:09112', 100)]);
    const plain = dish([g('sr24:16070', 300)]);
    const byTag: Consequence = {
      type: 'exclude-tag',
      tag: 'grapefruit',
      findingId: 'test-finding',
      reason: 'test',
      source,
    };
    const spec = planSpec(profile, targets, [], [...pantry, peanut, diluted, plain], undefined, [
      byTag,
    ]);
    expect(spec.candidates.includes(plain)).toBe(true);
    expect(spec.candidates.includes(peanut)).toBe(false);
    expect(spec.candidates.includes(diluted)).toBe(false);
  });

  it('leaves a dish out when a threshold per 100 g hits an ingredient the dish dilutes', () => {
    const diluted = dish([g('sr24:15076', 50), g('sr24:09112', 1950)]);
    // Salmon's protein (20 g/100 g) reaches the threshold; the dish (0.5 g/100 g) does not.
    expect(diluted.food.nutrients.protein?.per100g).toBeLessThan(1);
    const threshold: Consequence = {
      type: 'exclude',
      nutrient: 'protein',
      atLeastPer100g: 15,
      findingId: 'test-finding',
      reason: 'test',
      source,
    };
    const spec = planSpec(profile, targets, [], [...pantry, diluted], undefined, [threshold]);
    expect(spec.candidates.includes(diluted)).toBe(false);
    // Salmon, peanut butter and the dish.
    expect(spec.excluded.safety).toBe(3);
  });
});

describe('groupAmount', () => {
  it('counts a dish by its ingredients: grams per gram of dish, nested dishes included', () => {
    const fruit = { name: 'fruit', label: 'fruit', weights: { fruit: 1 }, min: 240 };
    const energy = (item: PantryItem) => nutrientPer100g(item.food, 'energy')?.per100g ?? 0;
    const bowl = recipeDish(
      rolled({
        name: 'Bowl',
        servings: 2,
        cookedGrams: 500,
        ingredients: [g('sr24:16070', 300), g('sr24:09200', 100)],
      }),
      byId,
      pantry,
    );
    if (!bowl.ok) throw new Error(bowl.reason);
    // 100 g of oranges in 500 g of dish: 0.2 g of fruit per gram.
    expect(groupAmount(fruit, bowl.item, energy)).toBeCloseTo(0.2);
    expect(groupAmount(fruit, byId.get('sr24:16070') as PantryItem, energy)).toBeUndefined();
    const nested: PantryItem = { ...bowl.item, parts: [{ item: bowl.item, share: 0.5 }] };
    expect(groupAmount(fruit, nested, energy)).toBeCloseTo(0.1);
  });
});
