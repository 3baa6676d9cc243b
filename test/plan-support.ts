/** Shared helpers for the planner tests: real SR24 data, the bundled pantry, real HiGHS. */
import { nutrientPer100g, type FoodIndex } from '../src/core/foods.js';
import {
  makePlan,
  type PantryItem,
  type PlanRequest,
  type PlanResult,
} from '../src/core/plan/index.js';
import type { Profile } from '../src/core/profile.js';
import { screenProfile } from '../src/core/safety/index.js';
import { computeTargets } from '../src/core/targets/index.js';
import { loadFoodIndex } from '../src/data/load-foods.js';
import { loadPantry } from '../src/data/pantry.js';
import { parseProfile } from '../src/schemas/profile.js';
import { HighsSolver } from '../src/solver/highs.js';

let loaded: { foods: FoodIndex; pantry: PantryItem[] } | undefined;

export function data(): { foods: FoodIndex; pantry: PantryItem[] } {
  if (!loaded) {
    const foods = loadFoodIndex();
    loaded = { foods, pantry: loadPantry(foods) };
  }
  return loaded;
}

export function profileOf(json: unknown): Profile {
  const parsed = parseProfile(json, 'test.json');
  if (!parsed.ok) throw new Error(`fixture profile: ${parsed.error.message}`);
  return parsed.value;
}

export async function plan(
  profile: Profile,
  days = 1,
  extra: Partial<PlanRequest> = {},
): Promise<PlanResult> {
  const { pantry } = data();
  const run = await makePlan(
    {
      profile,
      targets: computeTargets(profile),
      findings: screenProfile(profile),
      pantry,
      days,
      ...extra,
    },
    new HighsSolver(),
  );
  return run.result;
}

/** A nutrient's total for a day recomputed from the food data (known values only). */
export function recompute(
  result: PlanResult,
  day: number,
  nutrient: Parameters<typeof nutrientPer100g>[1],
): number {
  const { foods } = data();
  let sum = 0;
  for (const item of result.days[day]?.items ?? []) {
    if (item.change === 'removed') continue;
    const food = foods.get(item.foodId);
    if (!food) throw new Error(`unknown food ${item.foodId}`);
    sum += ((nutrientPer100g(food, nutrient)?.per100g ?? 0) * item.grams) / 100;
  }
  return sum;
}
