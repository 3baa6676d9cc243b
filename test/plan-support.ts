/** Shared helpers for the planner tests: real SR24 data, the bundled pantry, real HiGHS. */
import type { Analysis } from '../src/core/analysis/types.js';
import { nutrientPer100g, type FoodIndex } from '../src/core/foods.js';
import {
  makePlan,
  type PantryItem,
  type PlanRequest,
  type PlanResult,
} from '../src/core/plan/index.js';
import type { Profile } from '../src/core/profile.js';
import { assess } from '../src/core/policy/index.js';
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
  extra: Partial<PlanRequest> & { history?: Analysis } = {},
): Promise<PlanResult> {
  const { pantry } = data();
  // As the CLI and the server build it: one policy (targets with consequences applied).
  const assessment = assess(profile, extra.history ? { analysis: extra.history } : {});
  const run = await makePlan(
    {
      profile,
      targets: assessment.targets,
      findings: assessment.findings,
      consequences: assessment.consequences,
      pantry,
      days,
      ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'history')),
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
