import type { Food, Portion } from '../foods.js';
import type { NutrientId } from '../nutrients.js';
import { sr24Source } from '../sources.js';

/**
 * Builds a Food for tests. Nutrients are given as plain per-100 g numbers and get an SR24
 * source naming the food's record, so provenance is never missing even in fixtures.
 * @example makeFood({ id: 'sr24:11233', name: 'Kale, raw', nutrients: { 'vitamin-k1': 704.8 } })
 */
export function makeFood(spec: {
  id: string;
  name: string;
  group?: string;
  nutrients?: Partial<Record<NutrientId, number>>;
  portions?: Portion[];
}): Food {
  const record = spec.id.includes(':') ? spec.id.slice(spec.id.indexOf(':') + 1) : spec.id;
  const nutrients: Food['nutrients'] = {};
  for (const [id, per100g] of Object.entries(spec.nutrients ?? {})) {
    if (per100g !== undefined)
      nutrients[id as NutrientId] = { per100g, source: sr24Source(record) };
  }
  return {
    id: spec.id,
    name: spec.name,
    group: spec.group ?? 'Vegetables and Vegetable Products',
    nutrients,
    portions: spec.portions ?? [],
  };
}

/** A FoodIndex (Map by id) from foods. */
export function makeFoodIndex(foods: readonly Food[]): ReadonlyMap<string, Food> {
  return new Map(foods.map((food) => [food.id, food]));
}
