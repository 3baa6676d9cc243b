import type { Hono } from 'hono';
import {
  addOwnerRecipe,
  deleteUnlessUsed,
  listOwnerRecipes,
  showOwnerRecipe,
  updateOwnerRecipe,
} from '../../app/recipes.js';
import type { AppDeps, AppEnv } from '../context.js';
import { notFound, orFail } from '../errors.js';
import { recipeBody, recipeEditBody } from '../schemas/api.js';
import { readJson, readParam } from '../validation.js';

export function registerRecipeRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/recipes', async (c) => {
    return c.json({ recipes: await listOwnerRecipes(deps, c.var.owner) });
  });

  app.post('/api/recipes', async (c) => {
    const body = await readJson(c, recipeBody);
    return c.json(orFail(await addOwnerRecipe(deps, c.var.owner, body)), 201);
  });

  app.get('/api/recipes/:id', async (c) => {
    return c.json(orFail(await showOwnerRecipe(deps, c.var.owner, readParam(c, 'id'))));
  });

  app.put('/api/recipes/:id', async (c) => {
    const id = readParam(c, 'id');
    const body = await readJson(c, recipeEditBody);
    return c.json(orFail(await updateOwnerRecipe(deps, c.var.owner, id, body)));
  });

  app.delete('/api/recipes/:id', async (c) => {
    const id = readParam(c, 'id');
    if (!id.startsWith('recipe:')) throw notFound('recipe', 'id');
    orFail(await deleteUnlessUsed(deps, c.var.owner, id));
    return c.body(null, 204);
  });
}
