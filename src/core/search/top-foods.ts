import { nutrientPer100g, type Food, type FoodId, type Portion } from '../foods.js';
import { getNutrient, type NutrientId, type NutrientUnit } from '../nutrients.js';
import type { DietPattern } from '../profile.js';
import { fitsPattern } from './diet-pattern.js';

export type TopFoodsBasis = '100g' | 'serving' | '100kcal';

export interface TopFoodsOptions {
  /** What the amount is per (default 100 g). `serving` is the food's first household portion. */
  per?: TopFoodsBasis;
  pattern?: DietPattern;
  /** Maximum rows (default 10). */
  limit?: number;
}

export interface TopFood {
  id: FoodId;
  name: string;
  group: string;
  /** Amount per the chosen basis, in the nutrient's canonical unit. */
  amount: number;
  unit: NutrientUnit;
  per: TopFoodsBasis;
  /** The portion used when `per` is `serving`. */
  portion?: Portion;
  /** A derived value whose components were not all known (vitamin-k without K2, …). */
  partial?: boolean;
}

/**
 * Foods richest in a nutrient. Foods without a known value are left out (unknown is not zero);
 * `serving` needs a household portion, `100kcal` a known energy above zero.
 * @example topFoods(foods, 'vitamin-k1', { per: 'serving', pattern: 'vegan', limit: 5 })
 */
export function topFoods(
  foods: readonly Food[],
  nutrient: NutrientId,
  options: TopFoodsOptions = {},
): TopFood[] {
  const per = options.per ?? '100g';
  const limit = Math.max(1, Math.floor(options.limit ?? 10));
  const unit = getNutrient(nutrient).unit;
  const rows: TopFood[] = [];
  for (const food of foods) {
    if (options.pattern && !fitsPattern(food, options.pattern)) continue;
    const value = nutrientPer100g(food, nutrient);
    if (!value) continue;
    const row: TopFood = {
      id: food.id,
      name: food.name,
      group: food.group,
      amount: value.per100g,
      unit,
      per,
    };
    if (per === 'serving') {
      const portion = food.portions[0];
      if (!portion) continue;
      row.amount = (value.per100g * portion.grams) / 100;
      row.portion = portion;
    } else if (per === '100kcal') {
      const energy = food.nutrients.energy?.per100g;
      if (energy === undefined || energy <= 0) continue;
      row.amount = (value.per100g * 100) / energy;
    }
    if (value.partial) row.partial = true;
    rows.push(row);
  }
  rows.sort((a, b) => b.amount - a.amount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows.slice(0, limit);
}
