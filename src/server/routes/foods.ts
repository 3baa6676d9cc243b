import type { Hono } from 'hono';
import {
  addCustomFood,
  rankOwnerFoods,
  searchOwnerFoods,
  showOwnerFood,
  updateCustomFood,
} from '../../app/foods.js';
import { deleteUnlessUsed } from '../../app/recipes.js';
import type { AppDeps, AppEnv } from '../context.js';
import { notFound, orFail } from '../errors.js';
import { customFoodBody, customFoodEditBody, searchQuery, topQuery } from '../schemas/api.js';
import { readJson, readParam, readQuery } from '../validation.js';

export function registerFoodRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/foods', async (c) => {
    const { q, limit, offset, group } = readQuery(c, searchQuery);
    return c.json(
      orFail(await searchOwnerFoods(deps, c.var.owner, { query: q, limit, offset, group })),
    );
  });

  app.get('/api/foods/custom', async (c) => {
    return c.json({ foods: await deps.store.listCustomFoods(c.var.owner) });
  });

  app.post('/api/foods/custom', async (c) => {
    const body = await readJson(c, customFoodBody);
    return c.json(orFail(await addCustomFood(deps, c.var.owner, body)), 201);
  });

  app.put('/api/foods/custom/:id', async (c) => {
    const id = readParam(c, 'id');
    const body = await readJson(c, customFoodEditBody);
    return c.json(orFail(await updateCustomFood(deps, c.var.owner, id, body)));
  });

  app.delete('/api/foods/custom/:id', async (c) => {
    const id = readParam(c, 'id');
    if (id.startsWith('recipe:')) throw notFound('custom food', 'id');
    orFail(await deleteUnlessUsed(deps, c.var.owner, id));
    return c.body(null, 204);
  });

  app.get('/api/foods/top/:nutrient', async (c) => {
    const { per, pattern, limit } = readQuery(c, topQuery);
    const ranked = orFail(
      await rankOwnerFoods(deps, c.var.owner, {
        nutrient: readParam(c, 'nutrient'),
        per,
        pattern,
        limit,
      }),
    );
    return c.json({
      nutrient: ranked.nutrient,
      per,
      ...(pattern && { pattern }),
      results: ranked.results,
    });
  });

  app.get('/api/foods/:id', async (c) => {
    return c.json(orFail(await showOwnerFood(deps, c.var.owner, readParam(c, 'id'))));
  });
}
