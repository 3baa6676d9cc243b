import type { Hono } from 'hono';
import type { Food } from '../../core/foods.js';
import { isNutrientId } from '../../core/nutrients.js';
import { createFoodSearch, topFoods, type FoodSearch } from '../../core/search/index.js';
import type { AppDeps, AppEnv } from '../context.js';
import { ApiFailure, notFound } from '../errors.js';
import { describeFood } from '../../cli/commands/foods.js';
import { overlayFoods } from '../foods-view.js';
import { customFoodBody, searchQuery, topQuery } from '../schemas/api.js';
import { readJson, readQuery } from '../validation.js';

export function registerFoodRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  // Built on first use: the index over the bundled foods takes a moment and most requests
  // (health, diary) never need it.
  let bundledList: Food[] | undefined;
  let search: FoodSearch | undefined;
  const bundled = () => (bundledList ??= [...deps.foods.values()]);
  const searchIndex = () => (search ??= createFoodSearch(bundled()));

  app.get('/api/foods', async (c) => {
    const { q, limit, group } = readQuery(c, searchQuery);
    const custom = await deps.store.listCustomFoods(c.var.owner);
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    const customHits = custom
      .filter((food) => words.length > 0 && words.every((w) => food.name.toLowerCase().includes(w)))
      .filter((food) => !group || food.group.toLowerCase().includes(group.toLowerCase()))
      .map((food) => ({ id: food.id, name: food.name, group: food.group, score: 1 }));
    const hits = q.trim() ? searchIndex().search(q, { limit, ...(group && { group }) }) : [];
    return c.json({ query: q, results: [...customHits, ...hits].slice(0, limit) });
  });

  app.get('/api/foods/custom', async (c) => {
    return c.json({ foods: await deps.store.listCustomFoods(c.var.owner) });
  });

  app.post('/api/foods/custom', async (c) => {
    const body = await readJson(c, customFoodBody);
    const food: Food = {
      id: `custom:${body.slug}`,
      name: body.name,
      group: body.group,
      nutrients: Object.fromEntries(
        Object.entries(body.nutrients).map(([id, per100g]) => [
          id,
          { per100g, source: { label: 'Entered by the user', kind: 'user' } },
        ]),
      ),
      portions: body.portions,
    };
    const added = await deps.store.addCustomFood(c.var.owner, food);
    if (!added.ok) throw new ApiFailure(added.error);
    return c.json(describeFood(added.value), 201);
  });

  app.delete('/api/foods/custom/:id', async (c) => {
    const deleted = await deps.store.deleteCustomFood(c.var.owner, c.req.param('id'));
    if (!deleted) throw notFound('custom food', 'id');
    return c.body(null, 204);
  });

  app.get('/api/foods/top/:nutrient', async (c) => {
    const nutrient = c.req.param('nutrient');
    if (!isNutrientId(nutrient)) {
      throw new ApiFailure({
        code: 'UNKNOWN_NUTRIENT',
        message: `unknown nutrient "${nutrient}"`,
        field: 'nutrient',
      });
    }
    const { per, pattern, limit } = readQuery(c, topQuery);
    const custom = await deps.store.listCustomFoods(c.var.owner);
    const foods = custom.length ? [...custom, ...bundled()] : bundled();
    const results = topFoods(foods, nutrient, { per, limit, ...(pattern && { pattern }) });
    return c.json({ nutrient, per, ...(pattern && { pattern }), results });
  });

  app.get('/api/foods/:id', async (c) => {
    const id = c.req.param('id');
    const food = id.startsWith('custom:')
      ? await deps.store.getCustomFood(c.var.owner, id)
      : deps.foods.get(id);
    if (!food) {
      throw new ApiFailure({ code: 'UNKNOWN_FOOD', message: `unknown food "${id}"`, field: 'id' });
    }
    return c.json(describeFood(food));
  });
}

/** The bundled foods with the owner's custom foods over them. */
export async function foodsFor(deps: AppDeps, owner: string) {
  return overlayFoods(deps.foods, await deps.store.listCustomFoods(owner));
}
