import { nutrientPer100g, type Food, type FoodId, type FoodIndex } from '../core/foods.js';
import { NUTRIENT_IDS, NUTRIENTS, type NutrientUnit } from '../core/nutrients.js';
import type { NutrientValue } from '../core/foods.js';
import type { SourceRef } from '../core/sources.js';

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

export interface NutrientView extends Partial<NutrientValue> {
  per100g: number;
  unit: NutrientUnit;
  /** A derived value (vitamin-k, vitamin-k2, epa-dha) with a component unknown. */
  partial?: boolean;
}

/**
 * A food as the API shows it (the CLI `foods show` JSON): nutrients per 100 g with units and
 * sources, derived K2, total K and EPA+DHA included; unknown nutrients absent.
 */
export function foodView(food: Food): {
  id: FoodId;
  name: string;
  group: string;
  nutrients: Partial<Record<string, NutrientView>>;
  portions: Food['portions'];
} {
  const nutrients: Partial<Record<string, NutrientView>> = {};
  for (const id of NUTRIENT_IDS) {
    const definition = NUTRIENTS.get(id);
    if (!definition) continue;
    const stored = food.nutrients[id];
    if (stored) {
      nutrients[id] = { ...stored, unit: definition.unit };
      continue;
    }
    if (!definition.derivedFrom) continue;
    const derived = nutrientPer100g(food, id);
    if (!derived) continue;
    const source: SourceRef = {
      label: `Sum of ${definition.derivedFrom.join(', ')}`,
      kind: 'derived',
      note: 'computed from the component values of this food',
    };
    nutrients[id] = {
      per100g: derived.per100g,
      unit: definition.unit,
      source,
      ...(derived.partial && { partial: true }),
    };
  }
  return { id: food.id, name: food.name, group: food.group, nutrients, portions: food.portions };
}
