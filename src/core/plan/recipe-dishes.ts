/**
 * The person's own recipes as planner dishes (docs/design.md §7): a rolled-up recipe becomes a
 * pantry item eaten by the serving. Pure.
 *
 * Nothing about a dish is guessed. Its values are the roll-up's (each cited from the
 * ingredients); its allergens, diet patterns and safety tags come from the curated pantry rows
 * of its ingredients. A recipe with an ingredient that is not a curated pantry food (an own or
 * imported food, a food outside the pantry) has unknown allergens and patterns, so it is not
 * offered, and the plan says so.
 */
import { nutrientPer100g, type FoodId } from '../foods.js';
import { NUTRIENT_IDS, type NutrientId } from '../nutrients.js';
import type { RecipeRollUp } from '../recipes.js';
import type { Meal, PantryGroup, PantryItem } from './types.js';

/** The planner group of the person's own dishes. */
export const DISH_GROUP: PantryGroup = 'dishes';

/** A recipe the planner did not offer, and why. */
export interface UnusedRecipe {
  id: FoodId;
  name: string;
  reason: string;
}

export type DishResult = { ok: true; item: PantryItem } | { ok: false; reason: string };

/**
 * One rolled-up recipe as a pantry item: values per 100 g from the roll-up; one serving is the
 * portion and the step (one or two servings a day); breakfast when every ingredient is a
 * breakfast food, else lunch and dinner; allergens the union and patterns the intersection of
 * the ingredients' pantry rows; safety tags their union; sweetened when an ingredient is.
 * `parts` keeps the ingredients' items with their grams per gram of dish, so a policy exclusion
 * of one (by tag or by a nutrient threshold per 100 g, which a dish would dilute) leaves the
 * dish out too, and its vegetables, oil or meat count towards the food-group rules.
 *
 * Towards a cap, an ingredient without a value counts the highest known value in its pantry
 * group, as a pantry food without one does (`capPer100g`); towards a minimum only the known
 * amounts count (the roll-up's lower bound), as unknown values count nothing for pantry foods.
 *
 * `pantry` is every curated item (and dishes made before, for recipes inside recipes).
 * @example recipeDish(rollUpRecipe(soup, foods).value, pantryById, pantry)
 */
export function recipeDish(
  rolled: RecipeRollUp,
  byId: ReadonlyMap<string, PantryItem>,
  pantry: readonly PantryItem[],
): DishResult {
  const parts: { item: PantryItem; grams: number }[] = [];
  const missing: string[] = [];
  for (const ingredient of rolled.ingredients) {
    const item = byId.get(ingredient.food);
    if (item) parts.push({ item, grams: ingredient.grams });
    else missing.push(`${ingredient.name} (${ingredient.food})`);
  }
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in the curated pantry, so the dish's allergens and diet patterns are unknown`,
    };
  }
  if (!(rolled.servingGrams > 0)) return { ok: false, reason: 'a serving weighs nothing' };
  const items = parts.map((p) => p.item);
  const allergens = [...new Set(items.flatMap((i) => i.allergens))].sort();
  const patterns = (items[0]?.patterns ?? []).filter((p) =>
    items.every((i) => i.patterns.includes(p)),
  );
  if (patterns.length === 0) {
    return { ok: false, reason: 'its ingredients share no diet pattern' };
  }
  const tags = [...new Set(items.flatMap((i) => i.tags ?? []))].sort();
  const meals: Meal[] = items.every((i) => i.meals.includes('breakfast'))
    ? ['breakfast']
    : ['lunch', 'dinner'];
  const capPer100g = cautiousValues(rolled, parts, pantry);
  const serving = rolled.servingGrams;
  return {
    ok: true,
    item: {
      food: rolled.food,
      group: DISH_GROUP,
      meals,
      stepG: serving,
      minG: serving,
      maxG: 2 * serving,
      allergens,
      patterns,
      sweetened: items.some((i) => i.sweetened),
      portion: { name: 'serving', grams: serving },
      ...(tags.length > 0 && { tags }),
      // The person's own dish: something they cook, an everyday food of theirs.
      commonness: 3,
      parts: parts.map(({ item, grams }) => ({ item, share: grams / rolled.totalGrams })),
      ...(Object.keys(capPer100g).length > 0 && { capPer100g }),
    },
  };
}

/**
 * The owner's recipes (rolled up, inner recipes before the recipes that contain them) as
 * dishes, and the recipes not offered with the reason. Recipes that did not roll up come in
 * `failed` (id → reason).
 */
export function recipeDishes(
  rolled: Iterable<RecipeRollUp>,
  pantry: readonly PantryItem[],
  failed: ReadonlyMap<string, string> = new Map(),
): { dishes: PantryItem[]; unused: UnusedRecipe[] } {
  const byId = new Map<string, PantryItem>(pantry.map((item) => [item.food.id, item]));
  const dishes: PantryItem[] = [];
  const unused: UnusedRecipe[] = [];
  for (const recipe of rolled) {
    const dish = recipeDish(recipe, byId, pantry);
    if (dish.ok) {
      dishes.push(dish.item);
      byId.set(recipe.food.id, dish.item);
    } else {
      unused.push({ id: recipe.food.id, name: recipe.food.name, reason: dish.reason });
    }
  }
  for (const [id, reason] of failed) {
    unused.push({ id, name: id, reason: `cannot be rolled up: ${reason}` });
  }
  return { dishes, unused };
}

/**
 * Per 100 g of the dish, for each nutrient some ingredient lacks: the known amounts plus, for
 * each ingredient without a value, the highest known value in its pantry group (else in the
 * pantry), the rule the planner applies to a pantry food without a value. Added sugars: the total sugars of the sweetened ingredients.
 */
function cautiousValues(
  rolled: RecipeRollUp,
  parts: readonly { item: PantryItem; grams: number }[],
  pantry: readonly PantryItem[],
): Partial<Record<NutrientId, number>> {
  const out: Partial<Record<NutrientId, number>> = {};
  const total = rolled.totalGrams;
  for (const id of NUTRIENT_IDS) {
    if (id === 'added-sugars') continue;
    const values = parts.map((p) => nutrientPer100g(p.item.food, id));
    if (values.every((v) => v !== undefined)) continue;
    let amount = 0;
    for (const [k, { item, grams }] of parts.entries()) {
      const per100 = values[k]?.per100g ?? highest(pantry, id, item.group);
      amount += (per100 * grams) / 100;
    }
    out[id] = (amount / total) * 100;
  }
  if (parts.some((p) => p.item.sweetened)) {
    const sugars = parts.reduce(
      (sum, { item, grams }) =>
        sum +
        (item.sweetened
          ? ((nutrientPer100g(item.food, 'sugars')?.per100g ??
              highest(pantry, 'sugars', item.group)) *
              grams) /
            100
          : 0),
      0,
    );
    out['added-sugars'] = (sugars / total) * 100;
  }
  return out;
}

function highest(pantry: readonly PantryItem[], id: NutrientId, group: PantryGroup): number {
  let inGroup: number | undefined;
  let overall = 0;
  for (const item of pantry) {
    const v = nutrientPer100g(item.food, id)?.per100g;
    if (v === undefined) continue;
    overall = Math.max(overall, v);
    if (item.group === group) inGroup = Math.max(inGroup ?? 0, v);
  }
  return inGroup ?? overall;
}
