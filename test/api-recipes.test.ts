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

    it('edits a recipe in place: same id, new roll-up, diary analysis follows', async () => {
      const { store, app } = await setup();
      try {
        expect((await call(app, 'POST', '/api/recipes', bowl)).status).toBe(201);
        const before = (await call(app, 'GET', '/api/recipes/recipe:natto-bowl')).json;
        expect(
          (
            await call(app, 'POST', '/api/diary/entries', {
              date: '2026-11-20',
              food: 'recipe:natto-bowl',
              amount: 1,
              unit: 'serving',
            })
          ).status,
        ).toBe(201);
        // Twice the natto, no kale, 4 servings over 600 g cooked.
        const { slug: _slug, ...rest } = bowl;
        const edit = {
          ...rest,
          name: 'Natto rice bowl, more natto',
          servings: 4,
          cookedGrams: 600,
          ingredients: [
            { food: 'custom:natto', amount: 2, unit: 'pack' },
            { food: 'sr24:20045', amount: 2, unit: 'cup' },
          ],
        };
        const edited = await call(app, 'PUT', '/api/recipes/recipe:natto-bowl', edit);
        expect(edited.status).toBe(200);
        expect(edited.json).toMatchObject({
          id: 'recipe:natto-bowl',
          name: 'Natto rice bowl, more natto',
          servings: 4,
          cookedGrams: 600,
          ingredientGrams: 100 + 316,
          servingGrams: 150,
          createdAt: before.createdAt,
        });
        // Energy: 100 × 2.12 + 316 × 1.30 = 212 + 410.8 kcal over 600 g.
        expect(edited.json.food.nutrients.energy.per100g).toBeCloseTo((622.8 / 600) * 100, 6);
        expect(edited.json.food.nutrients).not.toHaveProperty('vitamin-k1');
        expect((await call(app, 'GET', '/api/recipes/recipe:natto-bowl')).json).toEqual(
          edited.json,
        );
        // The entry logged before names the same id: one serving is now 150 g of the new dish.
        const analysis = await call(app, 'GET', '/api/analysis?from=2026-11-20&to=2026-11-20');
        expect(analysis.json.days[0].totals.energy.amount).toBeCloseTo(622.8 / 4, 6);
        expect(analysis.json.days[0].totals.mk7.amount).toBeCloseTo((939 * 2) / 2 / 4, 6);

        // Dropping cookedGrams: the values are over the ingredients' weight again.
        const { cookedGrams: _cooked, ...raw } = edit;
        const uncooked = await call(app, 'PUT', '/api/recipes/recipe:natto-bowl', raw);
        expect(uncooked.status).toBe(200);
        expect(uncooked.json).not.toHaveProperty('cookedGrams');
        expect(uncooked.json.totalGrams).toBe(416);
      } finally {
        await store.close();
      }
    });

    it('refuses a recipe edit: 404 absent or another owner’s, 422 naming the field, cycles', async () => {
      const { store, app } = await setup();
      try {
        const { slug: _slug, ...edit } = bowl;
        const absent = await call(app, 'PUT', '/api/recipes/recipe:nothing', edit);
        expect(absent).toMatchObject({ status: 404, json: { error: { code: 'NOT_FOUND' } } });
        const notRecipe = await call(app, 'PUT', '/api/recipes/custom:natto', edit);
        expect(notRecipe.status).toBe(404);
        // Alice's recipe of the same id is hers: the local person cannot edit it.
        expect(
          (
            await store.addRecipe('alice', {
              id: 'recipe:alice-soup',
              name: 'Alice’s soup',
              servings: 1,
              ingredients: [{ food: 'sr24:11233', amount: 100, unit: 'g' }],
            })
          ).ok,
        ).toBe(true);
        const others = await call(app, 'PUT', '/api/recipes/recipe:alice-soup', edit);
        expect(others.status).toBe(404);
        expect((await store.getRecipe('alice', 'recipe:alice-soup'))?.name).toBe('Alice’s soup');

        expect((await call(app, 'POST', '/api/recipes', bowl)).status).toBe(201);
        const unit = await call(app, 'PUT', '/api/recipes/recipe:natto-bowl', {
          ...edit,
          ingredients: [...bowl.ingredients.slice(0, 2), { ...bowl.ingredients[2], unit: 'slice' }],
        });
        expect(unit).toMatchObject({
          status: 422,
          json: { error: { code: 'UNKNOWN_UNIT', field: 'ingredients[2].unit' } },
        });
        const food = await call(app, 'PUT', '/api/recipes/recipe:natto-bowl', {
          ...edit,
          ingredients: [{ food: 'custom:nothing', amount: 1, unit: 'g' }],
        });
        expect(food).toMatchObject({
          status: 422,
          json: { error: { code: 'INVALID_RECIPE', field: 'ingredients[0].food' } },
        });
        const itself = await call(app, 'PUT', '/api/recipes/recipe:natto-bowl', {
          ...edit,
          ingredients: [...bowl.ingredients, { food: 'recipe:natto-bowl', amount: 1, unit: 'g' }],
        });
        expect(itself).toMatchObject({
          status: 422,
          json: { error: { code: 'INVALID_RECIPE', field: 'ingredients[3].food' } },
        });
        const slug = await call(app, 'PUT', '/api/recipes/recipe:natto-bowl', bowl);
        // The slug is the id's, which stays: sending one is an unknown field.
        expect(slug).toMatchObject({ status: 400, json: { error: { code: 'INVALID_INPUT' } } });
        expect(slug.json.error.message).toMatch(/slug/);

        // Feast contains the bowl; the bowl may not come to contain the feast, nor a recipe
        // that contains the feast.
        const feast = {
          slug: 'feast',
          name: 'Feast',
          servings: 1,
          ingredients: [{ food: 'recipe:natto-bowl', amount: 2, unit: 'serving' }],
        };
        expect((await call(app, 'POST', '/api/recipes', feast)).status).toBe(201);
        const banquet = { ...feast, slug: 'banquet', name: 'Banquet' };
        banquet.ingredients = [{ food: 'recipe:feast', amount: 1, unit: 'serving' }];
        expect((await call(app, 'POST', '/api/recipes', banquet)).status).toBe(201);
        for (const via of ['recipe:feast', 'recipe:banquet']) {
          const cycle = await call(app, 'PUT', '/api/recipes/recipe:natto-bowl', {
            ...edit,
            ingredients: [...bowl.ingredients, { food: via, amount: 1, unit: 'serving' }],
          });
          expect(cycle).toMatchObject({
            status: 422,
            json: { error: { code: 'INVALID_RECIPE', field: 'ingredients[3].food' } },
          });
          expect(cycle.json.error.message).toMatch(/cannot contain itself/);
          expect(cycle.json.error.message).toContain(`recipe:natto-bowl contains ${via}`);
        }
        // Nothing was stored by the refused edits; the recipes still roll up.
        const listed = (await call(app, 'GET', '/api/recipes')).json.recipes;
        expect(listed.map((r: { id: string }) => r.id)).toEqual([
          'recipe:banquet',
          'recipe:feast',
          'recipe:natto-bowl',
        ]);
        for (const recipe of listed) expect(recipe).not.toHaveProperty('problem');
        expect(listed[2].ingredients).toHaveLength(3);
        // An edit of the feast that is fine: the banquet over it follows.
        const bigger = await call(app, 'PUT', '/api/recipes/recipe:feast', {
          name: 'Feast',
          servings: 1,
          ingredients: [{ food: 'recipe:natto-bowl', amount: 4, unit: 'serving' }],
        });
        expect(bigger).toMatchObject({ status: 200, json: { ingredientGrams: 1000 } });
        const banquetNow = await call(app, 'GET', '/api/recipes/recipe:banquet');
        expect(banquetNow.json.ingredientGrams).toBe(1000);
      } finally {
        await store.close();
      }
    });

    it('edits a custom food in place: recipes that use it and the diary follow', async () => {
      const { store, app } = await setup();
      try {
        expect((await call(app, 'POST', '/api/recipes', bowl)).status).toBe(201);
        expect(
          (
            await call(app, 'POST', '/api/diary/entries', {
              date: '2026-11-20',
              food: 'custom:natto',
              amount: 1,
              unit: 'pack',
            })
          ).status,
        ).toBe(201);
        const { slug: _slug, ...edit } = natto;
        const edited = await call(app, 'PUT', '/api/foods/custom/custom:natto', {
          ...edit,
          name: 'Natto, shop',
          nutrients: { energy: 212, mk7: 1000 },
          portions: [
            { name: 'pack', amount: 1, grams: 45 },
            { name: 'tbsp', amount: 1, grams: 15 },
          ],
        });
        expect(edited.status).toBe(200);
        expect(edited.json).toMatchObject({ id: 'custom:natto', name: 'Natto, shop' });
        expect(edited.json.nutrients.mk7.per100g).toBe(1000);
        expect(edited.json.nutrients).not.toHaveProperty('calcium');
        const stored = (await call(app, 'GET', '/api/foods/custom')).json.foods;
        expect(stored).toHaveLength(1);
        expect(stored[0]).toMatchObject({ id: 'custom:natto', name: 'Natto, shop' });
        expect(stored[0].portions).toHaveLength(2);

        // The bowl now has a 45 g pack of natto with 1000 µg MK-7 per 100 g.
        const recipe = (await call(app, 'GET', '/api/recipes/recipe:natto-bowl')).json;
        expect(recipe.ingredients[0]).toMatchObject({ name: 'Natto, shop', grams: 45 });
        expect(recipe.food.nutrients.mk7.per100g).toBeCloseTo((450 / 500) * 100, 6);
        const analysis = await call(app, 'GET', '/api/analysis?from=2026-11-20&to=2026-11-20');
        expect(analysis.json.days[0].totals.mk7.amount).toBeCloseTo(450, 6);
        expect(analysis.json.days[0].totals.energy.amount).toBeCloseTo(2.12 * 45, 6);
      } finally {
        await store.close();
      }
    });

    it('edits an imported food: a value left as it was keeps its source, a changed one is the person’s', async () => {
      const { store, app } = await setup();
      try {
        const fdc = { label: 'USDA FoodData Central', kind: 'dataset' as const, note: 'fdc 1234' };
        const imported = {
          id: 'fdc:1234',
          name: 'Gouda, aged',
          group: 'Dairy and Egg Products',
          nutrients: {
            energy: { per100g: 356, source: fdc },
            mk7: { per100g: 5, source: fdc },
            'vitamin-d': { per100g: 0.5, source: fdc },
          },
          portions: [{ name: 'slice', amount: 1, grams: 28 }],
        };
        expect((await store.addCustomFood('local', imported)).ok).toBe(true);
        const edited = await call(app, 'PUT', '/api/foods/custom/fdc:1234', {
          name: 'Gouda, aged 2 years',
          group: imported.group,
          nutrients: { energy: 356, mk7: 76 },
          portions: imported.portions,
        });
        expect(edited.status).toBe(200);
        const stored = await store.getCustomFood('local', 'fdc:1234');
        expect(stored?.name).toBe('Gouda, aged 2 years');
        expect(stored?.nutrients.energy).toEqual({ per100g: 356, source: fdc });
        expect(stored?.nutrients.mk7).toEqual({
          per100g: 76,
          source: { label: 'Entered by the user', kind: 'user' },
        });
        // Left out of the body: unknown now, not kept.
        expect(stored?.nutrients).not.toHaveProperty('vitamin-d');
      } finally {
        await store.close();
      }
    });

    it('refuses a custom food edit: 404 absent or another owner’s, 409 dropping a portion in use', async () => {
      const { store, app } = await setup();
      try {
        const { slug: _slug, ...edit } = natto;
        const absent = await call(app, 'PUT', '/api/foods/custom/custom:nothing', edit);
        expect(absent).toMatchObject({ status: 404, json: { error: { code: 'NOT_FOUND' } } });
        expect((await call(app, 'POST', '/api/recipes', bowl)).status).toBe(201);
        const recipe = await call(app, 'PUT', '/api/foods/custom/recipe:natto-bowl', edit);
        expect(recipe.status).toBe(404);
        const aliceFood = {
          id: 'custom:alice-natto',
          name: 'Alice’s natto',
          group: 'Custom foods',
          nutrients: {},
          portions: [],
        };
        expect((await store.addCustomFood('alice', aliceFood)).ok).toBe(true);
        const others = await call(app, 'PUT', '/api/foods/custom/custom:alice-natto', edit);
        expect(others.status).toBe(404);
        expect(await store.getCustomFood('alice', 'custom:alice-natto')).toEqual(aliceFood);

        const bad = await call(app, 'PUT', '/api/foods/custom/custom:natto', {
          ...edit,
          nutrients: { mk7: -1 },
        });
        expect(bad).toMatchObject({ status: 400, json: { error: { field: 'nutrients.mk7' } } });
        // The bowl measures natto by the pack: the pack cannot go.
        const dropped = await call(app, 'PUT', '/api/foods/custom/custom:natto', {
          ...edit,
          portions: [],
        });
        expect(dropped).toMatchObject({
          status: 409,
          json: { error: { code: 'CONFLICT', field: 'portions' } },
        });
        expect(dropped.json.error.message).toMatch(/Natto rice bowl \(recipe:natto-bowl\)/);
        expect((await store.getCustomFood('local', 'custom:natto'))?.portions).toHaveLength(1);

        // Without the recipe, a diary entry in packs holds the pack just the same.
        expect((await call(app, 'DELETE', '/api/recipes/recipe:natto-bowl')).status).toBe(204);
        const entry = await call(app, 'POST', '/api/diary/entries', {
          date: '2026-11-21',
          food: 'custom:natto',
          amount: 2,
          unit: 'pack',
        });
        expect(entry.status).toBe(201);
        const logged = await call(app, 'PUT', '/api/foods/custom/custom:natto', {
          ...edit,
          portions: [{ name: 'tbsp', amount: 1, grams: 15 }],
        });
        expect(logged).toMatchObject({
          status: 409,
          json: { error: { code: 'CONFLICT', field: 'portions' } },
        });
        expect(logged.json.error.message).toMatch(/1 diary entry .*"pack".*2026-11-21/);
        // Renaming nothing the entry uses is fine: a portion added, grams changed.
        const kept = await call(app, 'PUT', '/api/foods/custom/custom:natto', {
          ...edit,
          portions: [
            { name: 'pack', amount: 1, grams: 40 },
            { name: 'tbsp', amount: 1, grams: 15 },
          ],
        });
        expect(kept.status).toBe(200);
        const day = await call(app, 'GET', '/api/diary?from=2026-11-21&to=2026-11-21');
        expect(day.json.days[0].entries[0]).toMatchObject({ grams: 80 });
        // Once the entry is gone, the pack may go.
        expect((await call(app, 'DELETE', `/api/diary/entries/${entry.json.id}`)).status).toBe(204);
        const freed = await call(app, 'PUT', '/api/foods/custom/custom:natto', {
          ...edit,
          portions: [],
        });
        expect(freed).toMatchObject({ status: 200, json: { portions: [] } });
      } finally {
        await store.close();
      }
    });

    it('an own food whose label gives vitamin K2 with no form keeps it as a stated total', async () => {
      const { store, app } = await setup();
      try {
        const label = await call(app, 'POST', '/api/foods/custom', {
          slug: 'k2-cheese',
          name: 'Cheese, label K2 12 µg',
          nutrients: { energy: 350, 'vitamin-k1': 2.5, 'vitamin-k2': 12 },
          portions: [],
        });
        expect(label.status).toBe(201);
        const shown = await call(app, 'GET', '/api/foods/custom:k2-cheese');
        expect(shown.json.nutrients['vitamin-k2']).toMatchObject({
          per100g: 12,
          source: { kind: 'user', note: expect.stringMatching(/forms\) not given/) },
        });
        expect(shown.json.nutrients['vitamin-k'].per100g).toBe(14.5);
        const logged = await call(app, 'POST', '/api/diary/entries', {
          date: '2026-11-10',
          food: 'custom:k2-cheese',
          amount: 50,
          unit: 'g',
        });
        expect(logged.status).toBe(201);
        const analysis = await call(app, 'GET', '/api/analysis?from=2026-11-10&to=2026-11-10');
        expect(analysis.json.average['vitamin-k2']).toMatchObject({ amount: 6, coverage: 1 });
      } finally {
        await store.close();
      }
    });
  });
}
