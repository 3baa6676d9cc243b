/**
 * Recipes: a named mix of foods in household amounts, eaten by the serving. Its values per
 * 100 g roll up from the ingredients' own cited values. Pure.
 *
 * Unknown is never zero here either: an ingredient without a value for a nutrient is left out
 * of that nutrient's sum, and the value records how many ingredients (and what share of their
 * weight) had one (`NutrientValue.coverage`). Below a full share the value is a lower bound and
 * `nutrientPer100g` reports it as partial, so the diary analysis counts it like a derived value
 * with a missing component.
 */
import {
  amountToGrams,
  type Food,
  type FoodId,
  type FoodIndex,
  type NutrientValue,
} from './foods.js';
import { getNutrient, NUTRIENT_IDS, type NutrientId } from './nutrients.js';
import { err, ok, type Result } from './result.js';

/** `amount` of `unit` (grams, or one of the food's household portions) of a food. */
export interface RecipeIngredient {
  food: FoodId;
  amount: number;
  unit: string;
}

export interface Recipe {
  /** `recipe:<slug>`. */
  id: FoodId;
  name: string;
  /** How many servings the recipe makes. */
  servings: number;
  /** Weight of the dish as cooked, when weighed (water lost or taken up); grams. */
  cookedGrams?: number;
  ingredients: RecipeIngredient[];
}

/** The food group recipes are listed under. */
export const RECIPE_GROUP = 'Recipes';
/** The household unit of a recipe: its total weight divided by its servings. */
export const SERVING_UNIT = 'serving';
export const RECIPE_ID_PREFIX = 'recipe:';

export interface RolledUpIngredient extends RecipeIngredient {
  name: string;
  grams: number;
}

export interface RecipeRollUp {
  /** The recipe as a food: values per 100 g of the dish, a `serving` portion. */
  food: Food;
  ingredients: RolledUpIngredient[];
  /** Sum of the ingredients' weights. */
  ingredientGrams: number;
  /** The weight the values are per: the cooked weight when given, else ingredientGrams. */
  totalGrams: number;
  servingGrams: number;
}

/** Nutrients a food stores; derived ones (vitamin-k2, vitamin-k, epa-dha) follow from these. */
const STORED_NUTRIENTS: readonly NutrientId[] = NUTRIENT_IDS.filter(
  (id) => !getNutrient(id).derivedFrom,
);

/**
 * Rolls a recipe up into a food: for each nutrient, the sum of the ingredients' known amounts
 * (value per 100 g × grams ÷ 100) divided by the total weight (cooked weight when given, else
 * the ingredients' weight). A nutrient no ingredient has a value for stays unknown. Each value
 * cites the ingredients it comes from and carries its coverage by count and by weight; a
 * nested recipe's own partial coverage counts in proportion. Fails naming the field
 * (`ingredients[2].unit`) on an unknown food, unit or bad amount, or when the recipe lists
 * itself.
 * @example rollUpRecipe({ id: 'recipe:soup', name: 'Soup', servings: 4, ingredients }, foods)
 */
export function rollUpRecipe(recipe: Recipe, foods: FoodIndex): Result<RecipeRollUp> {
  if (!(Number.isFinite(recipe.servings) && recipe.servings > 0)) {
    return invalid('servings', `servings must be greater than 0, got ${recipe.servings}`);
  }
  if (recipe.cookedGrams !== undefined && !(recipe.cookedGrams > 0)) {
    return invalid('cookedGrams', `cookedGrams must be greater than 0, got ${recipe.cookedGrams}`);
  }
  if (recipe.ingredients.length === 0) {
    return invalid('ingredients', 'a recipe needs at least one ingredient');
  }
  const resolved: { food: Food; ingredient: RolledUpIngredient }[] = [];
  for (const [index, ingredient] of recipe.ingredients.entries()) {
    const at = `ingredients[${index}]`;
    if (ingredient.food === recipe.id) {
      return invalid(`${at}.food`, `a recipe cannot contain itself (${recipe.id})`);
    }
    const food = foods.get(ingredient.food);
    if (!food) {
      return err({
        code: 'INVALID_RECIPE',
        message: `unknown food "${ingredient.food}"`,
        field: `${at}.food`,
      });
    }
    const grams = amountToGrams(food, ingredient.amount, ingredient.unit);
    if (!grams.ok) {
      return err({ ...grams.error, field: `${at}.${grams.error.field ?? 'unit'}` });
    }
    resolved.push({ food, ingredient: { ...ingredient, name: food.name, grams: grams.value } });
  }
  const ingredientGrams = resolved.reduce((sum, { ingredient }) => sum + ingredient.grams, 0);
  const totalGrams = recipe.cookedGrams ?? ingredientGrams;
  const nutrients: Food['nutrients'] = {};
  for (const id of STORED_NUTRIENTS) {
    const value = rollUpNutrient(id, resolved, ingredientGrams, totalGrams, recipe);
    if (value) nutrients[id] = value;
  }
  const servingGrams = totalGrams / recipe.servings;
  return ok({
    food: {
      id: recipe.id,
      name: recipe.name,
      group: RECIPE_GROUP,
      nutrients,
      portions: [{ name: SERVING_UNIT, amount: 1, grams: servingGrams }],
    },
    ingredients: resolved.map(({ ingredient }) => ingredient),
    ingredientGrams,
    totalGrams,
    servingGrams,
  });
}

function rollUpNutrient(
  id: NutrientId,
  resolved: readonly { food: Food; ingredient: RolledUpIngredient }[],
  ingredientGrams: number,
  totalGrams: number,
  recipe: Recipe,
): NutrientValue | undefined {
  let amount = 0;
  let knownGrams = 0;
  let known = 0;
  let inferred = false;
  const cited: string[] = [];
  for (const { food, ingredient } of resolved) {
    const value = food.nutrients[id];
    if (!value || !Number.isFinite(value.per100g)) continue;
    amount += (value.per100g * ingredient.grams) / 100;
    knownGrams += ingredient.grams * (value.coverage?.share ?? 1);
    known += 1;
    inferred ||= value.basis === 'inferred';
    const label = `${food.id} (${value.source.label})`;
    if (!cited.includes(label)) cited.push(label);
  }
  if (known === 0) return undefined;
  const share = ingredientGrams > 0 ? Math.min(1, knownGrams / ingredientGrams) : 0;
  const of = resolved.length;
  const weight =
    recipe.cookedGrams !== undefined
      ? `${round(totalGrams)} g cooked weight`
      : `${round(totalGrams)} g of ingredients`;
  const unknownPart =
    share < 1 ? `; ${of - known} ingredient(s) with no value left out: a lower bound` : '';
  return {
    per100g: (amount / totalGrams) * 100,
    source: {
      label: 'Recipe (from its ingredients)',
      kind: 'derived',
      note: `sum over ${known} of ${of} ingredients (${Math.round(share * 100)}% of the weight) per ${weight}${unknownPart}; values from ${cited.join(', ')}`,
    },
    coverage: { share, known, of },
    ...(inferred && { basis: 'inferred' as const }),
  };
}

/**
 * Rolls up all of an owner's recipes against the foods they may use, other recipes included
 * (each after those it contains). A recipe that cannot be rolled up (an ingredient deleted
 * since, or a cycle through other recipes) is reported instead of added.
 */
export function rollUpRecipes(
  recipes: readonly Recipe[],
  foods: FoodIndex,
): { foods: Map<FoodId, Food>; rolled: Map<FoodId, RecipeRollUp>; failed: Map<FoodId, string> } {
  const byId = new Map(recipes.map((recipe) => [recipe.id, recipe]));
  const index = new Map<FoodId, Food>(foods);
  for (const id of byId.keys()) index.delete(id);
  const rolled = new Map<FoodId, RecipeRollUp>();
  const failed = new Map<FoodId, string>();
  const visiting = new Set<FoodId>();
  const visit = (recipe: Recipe): void => {
    if (rolled.has(recipe.id) || failed.has(recipe.id)) return;
    if (visiting.has(recipe.id)) {
      failed.set(recipe.id, `${recipe.id} contains itself through other recipes`);
      return;
    }
    visiting.add(recipe.id);
    for (const ingredient of recipe.ingredients) {
      const inner = byId.get(ingredient.food);
      if (inner) visit(inner);
    }
    visiting.delete(recipe.id);
    if (failed.has(recipe.id)) return;
    const result = rollUpRecipe(recipe, index);
    if (result.ok) {
      rolled.set(recipe.id, result.value);
      index.set(recipe.id, result.value.food);
    } else {
      failed.set(recipe.id, `${result.error.message} (${result.error.field ?? 'recipe'})`);
    }
  };
  for (const recipe of recipes) visit(recipe);
  return { foods: index, rolled, failed };
}

function invalid(field: string, message: string): Result<never> {
  return err({ code: 'INVALID_RECIPE', message, field });
}

function round(grams: number): number {
  return Math.round(grams * 10) / 10;
}
