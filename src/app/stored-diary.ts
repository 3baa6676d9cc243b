import type { Diary } from '../core/diary/types.js';
import type { Food, FoodId, FoodIndex } from '../core/foods.js';
import type { DateRange, Store } from '../store/store.js';
import { withOwnerRecipes } from './recipes.js';

/**
 * The stored entries of a date range as a diary (each entry located by its id), and the food
 * index it resolves against: the bundled foods with the owner's own and imported foods over them.
 * Shared by the CLI (`analyze --db`, `check --db`, `plan --db`) so it reads what the web app does.
 */
export async function loadStoredDiary(
  deps: { store: Pick<Store, 'listEntries' | 'listCustomFoods' | 'listRecipes'>; foods: FoodIndex },
  owner: string,
  range: DateRange = {},
): Promise<{ diary: Diary; foods: FoodIndex; entries: number }> {
  const entries = await deps.store.listEntries(owner, range);
  const days = new Map<string, Diary['days'][number]>();
  for (const entry of entries) {
    let day = days.get(entry.date);
    if (!day) days.set(entry.date, (day = { date: entry.date, entries: [] }));
    day.entries.push({
      food: entry.food,
      amount: entry.amount,
      unit: entry.unit,
      location: `diary entry ${entry.id}`,
    });
  }
  const foods = await ownerFoods(deps, owner);
  return { diary: { days: [...days.values()] }, foods, entries: entries.length };
}

/** The bundled foods with the owner's own and imported foods over them, and recipes as foods. */
export async function ownerFoods(
  deps: { store: Pick<Store, 'listCustomFoods' | 'listRecipes'>; foods: FoodIndex },
  owner: string,
): Promise<FoodIndex> {
  const custom = await deps.store.listCustomFoods(owner);
  let foods: FoodIndex = deps.foods;
  if (custom.length > 0) {
    const merged = new Map<FoodId, Food>(deps.foods);
    for (const food of custom) merged.set(food.id, food);
    foods = merged;
  }
  return withOwnerRecipes(deps.store, owner, foods);
}
