import type { Food, FoodId, FoodIndex } from '../core/foods.js';
import type { PantryItem } from '../core/plan/index.js';
import { createFoodSearch, type FoodSearch } from '../core/search/index.js';
import { loadFoodCommonness } from '../data/food-commonness.js';
import { loadFoodIndex } from '../data/load-foods.js';
import { loadPantry } from '../data/pantry.js';
import type { FoodCatalog } from './deps.js';

/**
 * A catalog over a food index; the search index and the pantry are built when first asked for.
 * Search ranks everyday foods up by the pantry's commonness (data/pantry/meal-tags.csv).
 */
export function foodCatalog(index: FoodIndex): FoodCatalog {
  let list: Food[] | undefined;
  let search: FoodSearch | undefined;
  let pantry: PantryItem[] | undefined;
  return {
    index,
    get list() {
      return (list ??= [...index.values()]);
    },
    get search() {
      return (search ??= createFoodSearch(this.list, { commonness: loadFoodCommonness() }));
    },
    get pantry() {
      return (pantry ??= loadPantry(index));
    },
  };
}

let bundled: FoodCatalog | undefined;

/** The bundled foods (data/), read once per process. */
export function bundledFoods(): FoodCatalog {
  return (bundled ??= foodCatalog(loadFoodIndex()));
}

/**
 * A FoodIndex that sees a person's custom foods beside the bundled ones. Copies the map only
 * when there are custom foods (a few hundred microseconds for the bundled data).
 */
export function overlayFoods(base: FoodIndex, custom: readonly Food[]): FoodIndex {
  if (custom.length === 0) return base;
  const merged = new Map<FoodId, Food>(base);
  for (const food of custom) merged.set(food.id, food);
  return merged;
}
