import type { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFood, makeFoodIndex } from '../src/core/test-support/make-food.js';
import type { AppEnv } from '../src/server/context.js';
import { createApp } from '../src/server/index.js';
import { documentedApp } from './support/openapi-responses.js';
import { dropTestSchemas, testStores } from './support/test-stores.js';

// Recipes through the routes, on both stores (PostgreSQL at CALCWISE_TEST_PG; see
// test/support/test-stores.ts): stored, rolled up from their ingredients, logged as foods.
afterAll(dropTestSchemas);

const foods = makeFoodIndex([
  makeFood({
    id: 'sr24:11233',
    name: 'Kale, raw',
    nutrients: { energy: 49, calcium: 150, 'vitamin-k1': 704.8 },
    portions: [{ name: 'cup, chopped', amount: 1, grams: 67 }],
  }),
  makeFood({
    id: 'sr24:20045',
    name: 'Rice, white, cooked',
    group: 'Cereal Grains and Pasta',
    nutrients: { energy: 130, calcium: 10 },
    portions: [{ name: 'cup', amount: 1, grams: 158 }],
  }),
]);

type App = Hono<AppEnv>;

async function call(app: App, method: string, path: string, body?: unknown) {
  const response = await app.request(path, {
    method,
    ...(body !== undefined && {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, json: (text ? JSON.parse(text) : undefined) as any };
}

/** natto (own food, MK-7 known) + 2 cups of rice + 1 cup of kale; 2 servings, 500 g cooked. */
const bowl = {
  slug: 'natto-bowl',
  name: 'Natto rice bowl',
  servings: 2,
  cookedGrams: 500,
  ingredients: [
    { food: 'custom:natto', amount: 1, unit: 'pack' },
    { food: 'sr24:20045', amount: 2, unit: 'cup' },
    { food: 'sr24:11233', amount: 1, unit: 'cup, chopped' },
  ],
};
const natto = {
  slug: 'natto',
  name: 'Natto, home made',
  nutrients: { energy: 212, calcium: 217, mk7: 939 },
  portions: [{ name: 'pack', amount: 1, grams: 50 }],
};

const backends = await testStores('calcwise_recipes');

for (const [name, open] of backends) {
  describe(`recipes on ${name}`, () => {
    async function setup() {
      const store = await open();
      const app = documentedApp(createApp({ store, foods, log: false }));
      expect((await call(app, 'POST', '/api/foods/custom', natto)).status).toBe(201);
      return { store, app };
    }

    it('stores a recipe and rolls it up: per 100 g of the cooked weight, coverage by weight', async () => {
      const { store, app } = await setup();
      try {
        const created = await call(app, 'POST', '/api/recipes', bowl);
        expect(created.status).toBe(201);
        const recipe = created.json;
        expect(recipe).toMatchObject({
          id: 'recipe:natto-bowl',
          servings: 2,
          cookedGrams: 500,
          ingredientGrams: 50 + 316 + 67,
          totalGrams: 500,
          servingGrams: 250,
        });
        expect(recipe.ingredients[1]).toMatchObject({ name: 'Rice, white, cooked', grams: 316 });
        // Energy: 50 × 2.12 + 316 × 1.30 + 67 × 0.49 = 106 + 410.8 + 32.83 kcal over 500 g.
        expect(recipe.food.nutrients.energy.per100g).toBeCloseTo((549.63 / 500) * 100, 6);
        expect(recipe.food.nutrients.energy.coverage).toEqual({ share: 1, known: 3, of: 3 });
        expect(recipe.food.nutrients.energy).not.toHaveProperty('partial');
        // MK-7 only from natto: 50 of 433 g, so a lower bound, marked partial.
        expect(recipe.food.nutrients.mk7).toMatchObject({ partial: true, coverage: { known: 1 } });
        expect(recipe.food.nutrients.mk7.coverage.share).toBeCloseTo(50 / 433, 9);
        expect(recipe.food.nutrients['vitamin-k2']).toMatchObject({ partial: true });
        // No ingredient has vitamin D: unknown, not zero.
        expect(recipe.food.nutrients).not.toHaveProperty('vitamin-d');
        expect(recipe.food.portions).toEqual([{ name: 'serving', amount: 1, grams: 250 }]);

        expect((await call(app, 'GET', '/api/recipes/recipe:natto-bowl')).json).toEqual(recipe);
        expect((await call(app, 'GET', '/api/recipes')).json.recipes).toEqual([recipe]);
        expect((await call(app, 'POST', '/api/recipes', bowl)).status).toBe(409);
      } finally {
        await store.close();
      }
    });

    it('logs one serving in the diary as a food; search and the food page find it', async () => {
      const { store, app } = await setup();
      try {
        expect((await call(app, 'POST', '/api/recipes', bowl)).status).toBe(201);
        const entry = await call(app, 'POST', '/api/diary/entries', {
          date: '2026-11-20',
          food: 'recipe:natto-bowl',
          amount: 1,
          unit: 'serving',
        });
        expect(entry.status).toBe(201);
        expect(entry.json).toMatchObject({ grams: 250 });
        const grams = await call(app, 'POST', '/api/diary/entries', {
          date: '2026-11-21',
          food: 'recipe:natto-bowl',
          amount: 100,
          unit: 'g',
        });
        expect(grams.status).toBe(201);
        const badUnit = await call(app, 'POST', '/api/diary/entries', {
          date: '2026-11-21',
          food: 'recipe:natto-bowl',
          amount: 1,
          unit: 'cup',
        });
        expect(badUnit).toMatchObject({ status: 422, json: { error: { field: 'unit' } } });

        const diary = await call(app, 'GET', '/api/diary?from=2026-11-20&to=2026-11-20');
        expect(diary.json.days[0].entries[0]).toMatchObject({
          name: 'Natto rice bowl',
          grams: 250,
        });
        const analysis = await call(app, 'GET', '/api/analysis?from=2026-11-20&to=2026-11-20');
        expect(analysis.status).toBe(200);
        const day = analysis.json.days[0];
        // One serving is half the recipe: half of natto's 469.5 µg MK-7, known for part of it.
        expect(day.totals.mk7.amount).toBeCloseTo(939 / 2 / 2, 6);
        expect(day.totals.mk7.partial).toBe(1);
        expect(day.totals.energy.amount).toBeCloseTo(549.63 / 2, 6);

        const search = await call(app, 'GET', '/api/foods?q=natto%20bowl');
        expect(search.json.results[0]).toMatchObject({ id: 'recipe:natto-bowl', group: 'Recipes' });
        const shown = await call(app, 'GET', '/api/foods/recipe:natto-bowl');
        expect(shown).toMatchObject({ status: 200, json: { name: 'Natto rice bowl' } });
      } finally {
        await store.close();
      }
    });

    it('refuses an unknown ingredient food or unit with 422 naming the field; deletes', async () => {
      const { store, app } = await setup();
      try {
        const unit = await call(app, 'POST', '/api/recipes', {
          ...bowl,
          ingredients: [...bowl.ingredients.slice(0, 2), { ...bowl.ingredients[2], unit: 'slice' }],
        });
        expect(unit).toMatchObject({
          status: 422,
          json: { error: { code: 'UNKNOWN_UNIT', field: 'ingredients[2].unit' } },
        });
        const food = await call(app, 'POST', '/api/recipes', {
          ...bowl,
          ingredients: [{ food: 'custom:nothing', amount: 1, unit: 'g' }],
        });
        expect(food).toMatchObject({
          status: 422,
          json: { error: { code: 'INVALID_RECIPE', field: 'ingredients[0].food' } },
        });
        const itself = await call(app, 'POST', '/api/recipes', {
          ...bowl,
          ingredients: [{ food: 'recipe:natto-bowl', amount: 1, unit: 'serving' }],
        });
        expect(itself).toMatchObject({
          status: 422,
          json: { error: { field: 'ingredients[0].food' } },
        });
        const servings = await call(app, 'POST', '/api/recipes', { ...bowl, servings: 0 });
        expect(servings).toMatchObject({ status: 400, json: { error: { field: 'servings' } } });
        expect((await call(app, 'GET', '/api/recipes')).json.recipes).toEqual([]);

        // A recipe may use another one, by the serving.
        expect((await call(app, 'POST', '/api/recipes', bowl)).status).toBe(201);
        const feast = await call(app, 'POST', '/api/recipes', {
          slug: 'feast',
          name: 'Feast',
          servings: 1,
          ingredients: [
            { food: 'recipe:natto-bowl', amount: 2, unit: 'serving' },
            { food: 'sr24:11233', amount: 100, unit: 'g' },
          ],
        });
        expect(feast).toMatchObject({ status: 201, json: { ingredientGrams: 600 } });
        const inUse = await call(app, 'DELETE', '/api/recipes/recipe:natto-bowl');
        expect(inUse.status).toBe(409);
        expect(inUse.json.error.message).toMatch(/Feast \(recipe:feast\)/);

        expect((await call(app, 'DELETE', '/api/recipes/recipe:feast')).status).toBe(204);
        expect((await call(app, 'DELETE', '/api/recipes/recipe:feast')).status).toBe(404);
        expect((await call(app, 'GET', '/api/recipes/recipe:feast')).status).toBe(404);

        // A food or recipe another recipe uses is not deleted: 409 naming the recipe.
        const used = await call(app, 'DELETE', '/api/foods/custom/custom:natto');
        expect(used).toMatchObject({ status: 409, json: { error: { field: 'id' } } });
        expect(used.json.error.message).toMatch(/Natto rice bowl \(recipe:natto-bowl\)/);
        expect((await call(app, 'GET', '/api/foods/custom')).json.foods).toHaveLength(1);

        // An ingredient gone all the same (an import into a store, by hand): the recipe says
        // why it cannot be rolled up instead of failing.
        expect(await store.deleteCustomFood('local', 'custom:natto')).toBe(true);
        const [left] = (await call(app, 'GET', '/api/recipes')).json.recipes;
        expect(left.problem).toMatch(/custom:natto/);
        expect(left).not.toHaveProperty('food');
        expect((await call(app, 'DELETE', '/api/recipes/recipe:natto-bowl')).status).toBe(204);
        expect((await call(app, 'DELETE', '/api/foods/custom/custom:natto')).status).toBe(404);
      } finally {
        await store.close();
      }
    });
  });
}
