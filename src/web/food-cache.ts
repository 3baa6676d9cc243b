import { api } from './api.js';
import type { Food } from './api-types.js';

const foods = new Map<string, Promise<Food>>();

/** Food details are immutable during a session: fetch each once. */
export function loadFood(id: string): Promise<Food> {
  let pending = foods.get(id);
  if (!pending) {
    pending = api.food(id);
    pending.catch(() => foods.delete(id));
    foods.set(id, pending);
  }
  return pending;
}
