import type { FoodIndex } from '../core/foods.js';
import {
  RECIPE_ID_PREFIX,
  rollUpRecipe,
  rollUpRecipes,
  type Recipe,
  type RecipeIngredient,
  type RecipeRollUp,
  type RolledUpIngredient,
} from '../core/recipes.js';
import { err, ok, type Result } from '../core/result.js';
import type { Store, StoredRecipe } from '../store/store.js';
import type { AppDeps } from './deps.js';
import { describeFood, type FoodDescription } from './describe-food.js';
import { overlayFoods } from './food-catalog.js';

type RecipeStore = Pick<Store, 'listRecipes'>;
type RecipeDeps = {
  store: Pick<Store, 'listRecipes' | 'listCustomFoods'>;
  foods: AppDeps['foods'];
};

/** What recipes are made of: the bundled foods with the owner's own and imported ones. */
async function ingredientFoods(deps: RecipeDeps, owner: string): Promise<FoodIndex> {
  return overlayFoods(deps.foods.index, await deps.store.listCustomFoods(owner));
}

/**
 * A food index with the owner's recipes in it as foods (values rolled up from the ingredients
 * it holds, a `serving` portion). Unchanged when the owner has no recipes; a recipe that no
 * longer rolls up (an ingredient deleted since) is left out, as a deleted food would be.
 */
export async function withOwnerRecipes(
  store: RecipeStore,
  owner: string,
  foods: FoodIndex,
): Promise<FoodIndex> {
  const recipes = await store.listRecipes(owner);
  if (recipes.length === 0) return foods;
  return rollUpRecipes(recipes, foods).foods;
}

/** A recipe as the API shows it: as entered, with its weights and its values as a food. */
export interface RecipeView {
  id: string;
  name: string;
  servings: number;
  cookedGrams?: number;
  createdAt: string;
  ingredients: (RecipeIngredient & Partial<Pick<RolledUpIngredient, 'name' | 'grams'>>)[];
  ingredientGrams?: number;
  totalGrams?: number;
  servingGrams?: number;
  /** Values per 100 g with their coverage (partial: some ingredients lacked the value). */
  food?: FoodDescription;
  /** Why the recipe cannot be rolled up now (an ingredient deleted since). */
  problem?: string;
}

function view(
  recipe: StoredRecipe,
  rolled: RecipeRollUp | undefined,
  problem?: string,
): RecipeView {
  const base = {
    id: recipe.id,
    name: recipe.name,
    servings: recipe.servings,
    ...(recipe.cookedGrams !== undefined && { cookedGrams: recipe.cookedGrams }),
    createdAt: recipe.createdAt,
  };
  if (!rolled) {
    return { ...base, ingredients: recipe.ingredients, problem: problem ?? 'cannot be rolled up' };
  }
  return {
    ...base,
    ingredients: rolled.ingredients,
    ingredientGrams: rolled.ingredientGrams,
    totalGrams: rolled.totalGrams,
    servingGrams: rolled.servingGrams,
    food: describeFood(rolled.food),
  };
}

/** `GET /api/recipes`: the owner's recipes by name, each rolled up. */
export async function listOwnerRecipes(deps: RecipeDeps, owner: string): Promise<RecipeView[]> {
  const recipes = await deps.store.listRecipes(owner);
  const { rolled, failed } = rollUpRecipes(recipes, await ingredientFoods(deps, owner));
  return recipes.map((recipe) => view(recipe, rolled.get(recipe.id), failed.get(recipe.id)));
}

/** `GET /api/recipes/{id}`: one recipe, rolled up; NOT_FOUND naming `id`. */
export async function showOwnerRecipe(
  deps: RecipeDeps,
  owner: string,
  id: string,
): Promise<Result<RecipeView>> {
  const all = await listOwnerRecipes(deps, owner);
  const found = all.find((recipe) => recipe.id === id);
  return found
    ? ok(found)
    : err({ code: 'NOT_FOUND', message: `no recipe with id "${id}"`, field: 'id' });
}

export interface RecipeInput {
  /** The part after `recipe:`. */
  slug: string;
  name: string;
  servings: number;
  cookedGrams?: number | undefined;
  ingredients: RecipeIngredient[];
}

/**
 * Stores a recipe after rolling it up against the owner's foods (bundled, own, imported and
 * other recipes): an unknown ingredient food or unit fails naming the field
 * (`ingredients[2].unit`), and so does the recipe listing itself. CONFLICT if the id exists.
 */
export async function addOwnerRecipe(
  deps: { store: RecipeDeps['store'] & Pick<Store, 'addRecipe'>; foods: AppDeps['foods'] },
  owner: string,
  input: RecipeInput,
): Promise<Result<RecipeView>> {
  const recipe = asRecipe(`${RECIPE_ID_PREFIX}${input.slug}`, input);
  const foods = await withOwnerRecipes(deps.store, owner, await ingredientFoods(deps, owner));
  const rolled = rollUpRecipe(recipe, foods);
  if (!rolled.ok) return rolled;
  const stored = await deps.store.addRecipe(owner, recipe);
  if (!stored.ok) return stored;
  return ok(view(stored.value, rolled.value));
}

/**
 * Replaces a recipe with what the owner entered now, checked as `addOwnerRecipe` checks a new
 * one (an unknown ingredient food or unit fails naming the field, `ingredients[2].unit`). Its id
 * stays, so diary entries and recipes that use it follow. A recipe may not come to contain
 * itself through another recipe either (INVALID_RECIPE naming the ingredient that leads back).
 * NOT_FOUND (field `id`) when the owner has no such recipe.
 */
export async function updateOwnerRecipe(
  deps: {
    store: RecipeDeps['store'] & Pick<Store, 'getRecipe' | 'updateRecipe'>;
    foods: AppDeps['foods'];
  },
  owner: string,
  id: string,
  input: Omit<RecipeInput, 'slug'>,
): Promise<Result<RecipeView>> {
  const notFound: Result<never> = err({
    code: 'NOT_FOUND',
    message: `no recipe with id "${id}"`,
    field: 'id',
  });
  if (!id.startsWith(RECIPE_ID_PREFIX) || !(await deps.store.getRecipe(owner, id))) return notFound;
  const recipe = asRecipe(id, input);
  const others = (await deps.store.listRecipes(owner)).filter((other) => other.id !== id);
  const cycle = cycleThrough(recipe, others);
  if (cycle) return cycle;
  // The other recipes rolled up without this one: none it contains can depend on it now.
  const { foods } = rollUpRecipes(others, await ingredientFoods(deps, owner));
  const rolled = rollUpRecipe(recipe, foods);
  if (!rolled.ok) return rolled;
  const stored = await deps.store.updateRecipe(owner, recipe);
  return stored ? ok(view(stored, rolled.value)) : notFound;
}

/** The first ingredient through which `recipe` would contain itself, as an error. */
function cycleThrough(recipe: Recipe, others: readonly Recipe[]): Result<never> | undefined {
  const byId = new Map(others.map((other) => [other.id, other]));
  const pathTo = (from: string, seen: Set<string>): string[] | undefined => {
    if (from === recipe.id) return [from];
    const inner = byId.get(from);
    if (!inner || seen.has(from)) return undefined;
    seen.add(from);
    for (const ingredient of inner.ingredients) {
      const rest = pathTo(ingredient.food, seen);
      if (rest) return [from, ...rest];
    }
    return undefined;
  };
  for (const [index, ingredient] of recipe.ingredients.entries()) {
    if (ingredient.food === recipe.id) continue; // rollUpRecipe names it
    const path = pathTo(ingredient.food, new Set());
    if (path) {
      return err({
        code: 'INVALID_RECIPE',
        message: `a recipe cannot contain itself: ${[recipe.id, ...path].join(' contains ')}`,
        field: `ingredients[${index}].food`,
      });
    }
  }
  return undefined;
}

function asRecipe(id: string, input: Omit<RecipeInput, 'slug'>): Recipe {
  return {
    id,
    name: input.name,
    servings: input.servings,
    ...(input.cookedGrams !== undefined && { cookedGrams: input.cookedGrams }),
    ingredients: input.ingredients.map(({ food, amount, unit }) => ({
      food: food.trim(),
      amount,
      unit: unit.trim(),
    })),
  };
}

/**
 * Deletes an own food or a recipe unless a recipe uses it: a recipe keeps its ingredients, and
 * the diary entries of a recipe that no longer rolls up could not be analysed. CONFLICT names
 * the recipes; NOT_FOUND when there is no such food or recipe.
 */
export async function deleteUnlessUsed(
  deps: { store: Pick<Store, 'listRecipes' | 'deleteCustomFood' | 'deleteRecipe'> },
  owner: string,
  id: string,
): Promise<Result<void>> {
  const users = (await deps.store.listRecipes(owner)).filter(
    (recipe) => recipe.id !== id && recipe.ingredients.some((ingredient) => ingredient.food === id),
  );
  if (users.length > 0) {
    return err({
      code: 'CONFLICT',
      message: `${id} is an ingredient of ${users.map((r) => `${r.name} (${r.id})`).join(', ')}; delete or change those recipes first`,
      field: 'id',
    });
  }
  const deleted = id.startsWith(RECIPE_ID_PREFIX)
    ? await deps.store.deleteRecipe(owner, id)
    : await deps.store.deleteCustomFood(owner, id);
  return deleted
    ? ok(undefined)
    : err({ code: 'NOT_FOUND', message: `${id} not found`, field: 'id' });
}
