import { api } from './api.js';
import type { Food } from './api-types.js';

const foods = new Map<string, Promise<Food>>();

/**
 * Food details are fetched once each; only the person's own foods and recipes change, and
 * the page that edits one forgets it (`forgetFood`).
 */
export function loadFood(id: string): Promise<Food> {
  let pending = foods.get(id);
  if (!pending) {
    pending = api.food(id);
    pending.catch(() => foods.delete(id));
    foods.set(id, pending);
  }
  return pending;
}

/**
 * Drops a food from the cache after it was edited (or deleted), so the next load is fresh; the
 * recipes go too, since one may contain it and its values roll up from it.
 */
export function forgetFood(id: string): void {
  foods.delete(id);
  for (const cached of foods.keys()) if (cached.startsWith('recipe:')) foods.delete(cached);
}
