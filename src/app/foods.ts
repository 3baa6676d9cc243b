import { amountToGrams, type Food, type FoodIndex } from '../core/foods.js';
import { isNutrientId, NUTRIENT_IDS, type NutrientId } from '../core/nutrients.js';
import type { DietPattern } from '../core/profile.js';
import { RECIPE_ID_PREFIX, rollUpRecipes } from '../core/recipes.js';
import { err, ok, type Result } from '../core/result.js';
import {
  topFoods,
  type FoodSearchHit,
  type TopFood,
  type TopFoodsBasis,
} from '../core/search/index.js';
import type { AppDeps, FoodCatalog } from './deps.js';
import { describeFood, type FoodDescription } from './describe-food.js';
import { overlayFoods } from './food-catalog.js';
import { withOwnerRecipes } from './recipes.js';

/** The bundled foods with the owner's custom foods over them, and the owner's recipes as foods. */
export async function ownerFoods(
  deps: Pick<AppDeps, 'store' | 'foods'>,
  owner: string,
): Promise<FoodIndex> {
  const foods = overlayFoods(deps.foods.index, await deps.store.listCustomFoods(owner));
  return withOwnerRecipes(deps.store, owner, foods);
}

/** The owner's own and imported foods, then the owner's recipes as foods (for search, ranking). */
async function ownFoodsAndRecipes(
  deps: Pick<AppDeps, 'store' | 'foods'>,
  owner: string,
): Promise<Food[]> {
  const custom = await deps.store.listCustomFoods(owner);
  const recipes = await deps.store.listRecipes(owner);
  if (recipes.length === 0) return custom;
  const { rolled } = rollUpRecipes(recipes, overlayFoods(deps.foods.index, custom));
  return [...custom, ...[...rolled.values()].map((recipe) => recipe.food)];
}

/**
 * Finds a bundled food by id; a bare SR24 number ("11233", "1009") is read as sr24:<NDB>. An
 * unknown id fails with the closest names as suggestions.
 */
export function findFood(foods: FoodCatalog, id: string): Result<Food> {
  const trimmed = id.trim();
  const food =
    foods.index.get(trimmed) ??
    (/^\d{4,5}$/.test(trimmed) ? foods.index.get(`sr24:${trimmed.padStart(5, '0')}`) : undefined);
  if (food) return ok(food);
  const suggestions = foods.search.search(trimmed, { limit: 3 });
  const hint =
    suggestions.length > 0
      ? `; did you mean ${suggestions.map((hit) => `${hit.id} (${hit.name})`).join(', ')}?`
      : '; find ids with `calcwise foods search <name>`';
  return err({ code: 'UNKNOWN_FOOD', message: `unknown food "${id}"${hint}`, field: 'id' });
}

/**
 * A food of the owner by id: own (`custom:`) and imported (`fdc:<id>`) foods from the store,
 * bundled ones from the catalog (a bare SR24 number works); unknown ids fail with suggestions.
 */
export async function findOwnerFood(
  deps: Pick<AppDeps, 'store' | 'foods'>,
  owner: string,
  id: string,
): Promise<Result<Food>> {
  const trimmed = id.trim();
  if (trimmed.startsWith('custom:') || trimmed.startsWith('fdc:')) {
    const stored = await deps.store.getCustomFood(owner, trimmed);
    if (stored) return ok(stored);
  }
  if (trimmed.startsWith(RECIPE_ID_PREFIX)) {
    const recipe = (await ownerFoods(deps, owner)).get(trimmed);
    if (recipe) return ok(recipe);
  }
  return findFood(deps.foods, trimmed);
}

/** `GET /api/foods/{id}` and `foods show --db`: a bundled, own or imported food, described. */
export async function showOwnerFood(
  deps: Pick<AppDeps, 'store' | 'foods'>,
  owner: string,
  id: string,
): Promise<Result<FoodDescription>> {
  const food = await findOwnerFood(deps, owner, id);
  return food.ok ? ok(describeFood(food.value)) : food;
}

export interface SearchInput {
  query: string;
  limit: number;
  /** Hits to skip, for paging (default 0). */
  offset?: number | undefined;
  group?: string | undefined;
}

/** A page of ranked hits with the number of matching foods in all. */
export interface FoodSearchResult {
  query: string;
  total: number;
  offset: number;
  limit: number;
  results: FoodSearchHit[];
  /** How a modern name was read when the data lacks it ("greek yogurt" → plain yogurt). */
  note?: string;
}

/**
 * Food search, the one both hosts call (`foods search`, `GET /api/foods`): the owner's custom
 * and imported foods whose name has every word first, then ranked bundled matches, one page
 * of them with the total. A group that matches no food group is bad input.
 */
export function searchFoods(
  foods: FoodCatalog,
  input: SearchInput,
  custom: readonly Food[] = [],
): Result<FoodSearchResult> {
  const { search } = foods;
  const { query, limit, group } = input;
  const offset = input.offset ?? 0;
  if (group !== undefined) {
    const wanted = group.toLowerCase();
    if (!search.groups.some((name) => name.toLowerCase().includes(wanted))) {
      return err({
        code: 'INVALID_INPUT',
        message: `no food group matches "${group}"; groups: ${[...search.groups].sort().join('; ')}`,
        field: 'group',
      });
    }
  }
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const customHits = custom
    .filter((food) => words.length > 0 && words.every((w) => food.name.toLowerCase().includes(w)))
    .filter((food) => !group || food.group.toLowerCase().includes(group.toLowerCase()))
    .map((food) => ({ id: food.id, name: food.name, group: food.group, score: 1 }));
  // Bundled hits for this page: those after the custom ones that the offset has not passed.
  const bundledOffset = Math.max(0, offset - customHits.length);
  const bundledLimit = Math.max(1, offset + limit - customHits.length - bundledOffset);
  const page = query.trim()
    ? search.searchPage(query, {
        limit: bundledLimit,
        offset: bundledOffset,
        ...(group && { group }),
      })
    : { hits: [], total: 0 };
  const results = [...customHits.slice(offset, offset + limit), ...page.hits].slice(0, limit);
  // An own food under the modern name answers the query itself; the note is for SR24 only.
  const note = customHits.length === 0 && 'note' in page ? page.note : undefined;
  return ok({
    query,
    total: customHits.length + page.total,
    offset,
    limit,
    results,
    ...(note !== undefined && { note }),
  });
}

/** `GET /api/foods`: searchFoods over the bundled foods and the owner's own foods and recipes. */
export async function searchOwnerFoods(
  deps: Pick<AppDeps, 'store' | 'foods'>,
  owner: string,
  input: SearchInput,
): Promise<Result<FoodSearchResult>> {
  return searchFoods(deps.foods, input, await ownFoodsAndRecipes(deps, owner));
}

export interface TopInput {
  nutrient: string;
  per: TopFoodsBasis;
  pattern?: DietPattern | undefined;
  limit: number;
}

export function parseNutrientId(nutrient: string): Result<NutrientId> {
  if (isNutrientId(nutrient)) return ok(nutrient);
  return err({
    code: 'UNKNOWN_NUTRIENT',
    message: `unknown nutrient "${nutrient}"; use one of: ${NUTRIENT_IDS.join(', ')}`,
    field: 'nutrient',
  });
}

/** Foods richest in a nutrient among `foods` (foods with an unknown value are left out). */
export function rankFoods(
  foods: readonly Food[],
  input: TopInput,
): Result<{ nutrient: NutrientId; results: TopFood[] }> {
  const nutrient = parseNutrientId(input.nutrient);
  if (!nutrient.ok) return nutrient;
  const results = topFoods(foods, nutrient.value, {
    per: input.per,
    limit: input.limit,
    ...(input.pattern && { pattern: input.pattern }),
  });
  return ok({ nutrient: nutrient.value, results });
}

/** `GET /api/foods/top/{nutrient}`: the ranking over the owner's custom and the bundled foods. */
export async function rankOwnerFoods(
  deps: Pick<AppDeps, 'store' | 'foods'>,
  owner: string,
  input: TopInput,
): Promise<Result<{ nutrient: NutrientId; results: TopFood[] }>> {
  const nutrient = parseNutrientId(input.nutrient);
  if (!nutrient.ok) return nutrient;
  const custom = await ownFoodsAndRecipes(deps, owner);
  return rankFoods(custom.length ? [...custom, ...deps.foods.list] : deps.foods.list, input);
}

export interface CustomFoodInput {
  slug: string;
  name: string;
  group: string;
  nutrients: Partial<Record<NutrientId, number>>;
  portions: { name: string; amount: number; grams: number }[];
}

/** A food as the owner entered it: values per 100 g cited as theirs, unless kept from `before`. */
function enteredFood(id: string, input: Omit<CustomFoodInput, 'slug'>, before?: Food): Food {
  return {
    id,
    name: input.name,
    group: input.group,
    nutrients: Object.fromEntries(
      Object.entries(input.nutrients).map(([nutrient, per100g]) => {
        // An unchanged value keeps its citation (an imported food's FDC source stays).
        const kept = before?.nutrients[nutrient as NutrientId];
        return [
          nutrient,
          kept && kept.per100g === per100g
            ? kept
            : { per100g, source: { label: 'Entered by the user', kind: 'user' as const } },
        ];
      }),
    ),
    portions: input.portions,
  };
}

/** Stores a food the owner entered (values per 100 g, canonical units); CONFLICT if the id exists. */
export async function addCustomFood(
  deps: Pick<AppDeps, 'store'>,
  owner: string,
  input: CustomFoodInput,
): Promise<Result<FoodDescription>> {
  const added = await deps.store.addCustomFood(owner, enteredFood(`custom:${input.slug}`, input));
  return added.ok ? ok(describeFood(added.value)) : added;
}

/**
 * Replaces an own or imported food with what the owner entered now; its id stays, so diary
 * entries and recipes that name it follow the new values. NOT_FOUND (field `id`) when the owner
 * has no such food; CONFLICT (field `portions`) when the edit drops a portion that a recipe or
 * a diary entry measures the food in (the recipe would no longer roll up, the entry could not
 * be weighed).
 */
export async function updateCustomFood(
  deps: Pick<AppDeps, 'store' | 'foods'>,
  owner: string,
  id: string,
  input: Omit<CustomFoodInput, 'slug'>,
): Promise<Result<FoodDescription>> {
  const notFound: Result<never> = err({
    code: 'NOT_FOUND',
    message: `no custom food with id "${id}"`,
    field: 'id',
  });
  if (id.startsWith(RECIPE_ID_PREFIX)) return notFound;
  const before = await deps.store.getCustomFood(owner, id);
  if (!before) return notFound;
  const food = enteredFood(id, input, before);
  const recipes = await deps.store.listRecipes(owner);
  if (recipes.some((recipe) => recipe.ingredients.some((ingredient) => ingredient.food === id))) {
    const custom = await deps.store.listCustomFoods(owner);
    const now = rollUpRecipes(recipes, overlayFoods(deps.foods.index, custom));
    const edited = custom.map((other) => (other.id === id ? food : other));
    const then = rollUpRecipes(recipes, overlayFoods(deps.foods.index, edited));
    const broken = recipes.filter((r) => now.rolled.has(r.id) && then.failed.has(r.id));
    if (broken.length > 0) {
      return err({
        code: 'CONFLICT',
        message: `${broken.map((r) => `${r.name} (${r.id}): ${then.failed.get(r.id)}`).join('; ')}; keep the portion or change those recipes first`,
        field: 'portions',
      });
    }
  }
  // Entries logged in a portion the edit drops could no longer be weighed, nor analysed.
  if (before.portions.some((portion) => !food.portions.some((p) => p.name === portion.name))) {
    const stranded = (await deps.store.listEntries(owner)).filter(
      (entry) =>
        entry.food === id &&
        amountToGrams(before, entry.amount, entry.unit).ok &&
        !amountToGrams(food, entry.amount, entry.unit).ok,
    );
    const [first] = stranded;
    if (first) {
      return err({
        code: 'CONFLICT',
        message: `${stranded.length} diary ${stranded.length === 1 ? 'entry measures' : 'entries measure'} this food in "${first.unit}" (the first on ${first.date}); keep the portion or change those entries first`,
        field: 'portions',
      });
    }
  }
  const updated = await deps.store.updateCustomFood(owner, food);
  return updated ? ok(describeFood(updated)) : notFound;
}
