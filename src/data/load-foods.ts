// Placeholder: replaced by the bundled-data loader.
import type { FoodIndex } from '../core/foods.js';

export function loadFoodIndex(): FoodIndex {
  throw new Error('loadFoodIndex is not built yet');
}
