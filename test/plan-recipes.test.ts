/**
 * The person's own recipes as planner dishes (real SR24 data, the bundled pantry, real HiGHS,
 * a real SQLite store): offered when every ingredient is a curated pantry food, planned by the
 * serving as the main of a meal, reported when not offered, never planned against an allergy or
 * a policy exclusion of one of its ingredients. One-day plans keep the suite light.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recipeCandidates, storedPlanRequest } from '../src/app/plan.js';
import { foodCatalog } from '../src/app/food-catalog.js';
import { loadFoods } from '../src/cli/commands/foods.js';
import { cliIn } from './support/cli-in-process.js';
import { assess } from '../src/core/policy/index.js';
import type { PlanResult } from '../src/core/plan/index.js';
import { rolesOf } from '../src/core/plan/meal-templates.js';
import type { Recipe } from '../src/core/recipes.js';
import { createApp } from '../src/server/index.js';
import { createSqliteStore } from '../src/store/index.js';
import { data, plan, profileOf } from './plan-support.js';
import { documentedApp } from './support/openapi-responses.js';

const dir = mkdtempSync(join(tmpdir(), 'calcwise-plan-recipes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const g = (food: string, amount: number) => ({ food, amount, unit: 'g' });

/** Lentils, carrots, onions, kale and olive oil: all curated pantry foods; 4 servings. */
const soup: Recipe = {
  id: 'recipe:lentil-soup',
  name: 'Lentil and kale soup',
  servings: 4,
  ingredients: [
    g('sr24:16070', 400),
    g('sr24:11125', 160),
    g('sr24:11283', 200),
    g('sr24:11234', 150),
    g('sr24:04053', 15),
  ],
};
/** Table salt is in SR24 but not in the curated pantry. */
const salted: Recipe = {
  id: 'recipe:salted-lentils',
  name: 'Salted lentils',
  servings: 2,
  ingredients: [g('sr24:16070', 400), g('sr24:02047', 3)],
};
/** An own food: its allergens and diet pattern are the person's to know, not the planner's. */
const kimchiStew: Recipe = {
  id: 'recipe:kimchi-stew',
  name: 'Kimchi stew',
  servings: 2,
  ingredients: [g('sr24:16070', 300), g('custom:kimchi', 150)],
};
/** Peanut butter (peanut) and grapefruit (tagged grapefruit) in a lentil dish. */
const peanutStew: Recipe = {
  id: 'recipe:peanut-lentil-stew',
  name: 'Peanut lentil stew',
  servings: 4,
  ingredients: [
    g('sr24:16070', 400),
    g('sr24:16398', 60),
    g('sr24:11458', 150),
    g('sr24:11283', 200),
  ],
};
const grapefruitSalad: Recipe = {
  id: 'recipe:lentil-grapefruit-salad',
  name: 'Lentil and grapefruit salad',
  servings: 2,
  ingredients: [g('sr24:16070', 300), g('sr24:09112', 200), g('sr24:04053', 10)],
};

function planned(result: PlanResult, id: string) {
  return result.days.flatMap((day) =>
    Object.entries(day.meals).flatMap(([meal, items]) =>
      (items ?? []).filter((item) => item.foodId === id).map((item) => ({ meal, item, day })),
    ),
  );
}

const cli = (args: string[]) => cliIn(dir, args);

describe('recipes as planner dishes', () => {
  it('calcwise plan --db and POST /api/plans plan a useful recipe by the serving as the main of a meal, and report those not offered', async () => {
    const db = join(dir, 'recipes.db');
    const store = await createSqliteStore(db);
    await store.putProfile('local', { age: 50, sex: 'female' });
    const kimchi = await store.addCustomFood('local', {
      id: 'custom:kimchi',
      name: 'Kimchi, home made',
      group: 'Vegetables and Vegetable Products',
      nutrients: { energy: { per100g: 20, source: { label: 'User entry', kind: 'user' } } },
      portions: [],
    });
    expect(kimchi.ok).toBe(true);
    for (const recipe of [soup, salted, kimchiStew])
      expect((await store.addRecipe('local', recipe)).ok).toBe(true);

    const run = await cli(['plan', '--db', db, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as PlanResult;
    expect(result.status).toBe('optimal');

    // The soup is planned: whole servings of 231.25 g, at lunch or dinner.
    const uses = planned(result, soup.id);
    expect(uses.length).toBeGreaterThan(0);
    const serving = (400 + 160 + 200 + 150 + 15) / 4;
    for (const { meal, item, day } of uses) {
      expect(['lunch', 'dinner']).toContain(meal);
      expect(item.name).toBe('Lentil and kale soup');
      expect([1, 2]).toContain(Math.round((item.grams / serving) * 1000) / 1000);
      // The dish is the meal's main: no other protein food at that meal.
      const { pantry } = data();
      const others = (day.meals[meal as 'lunch'] ?? [])
        .filter((other) => other.foodId !== soup.id)
        .map((other) => pantry.find((p) => p.food.id === other.foodId))
        .filter((p) => p !== undefined);
      expect(others.filter((p) => rolesOf(p).has('protein')).map((p) => p.food.name)).toEqual([]);
    }

    // The others are not offered, and the plan says which and why (recipes by name).
    expect(result.unusedRecipes).toEqual([
      {
        id: kimchiStew.id,
        name: 'Kimchi stew',
        reason: expect.stringMatching(
          /Kimchi, home made \(custom:kimchi\) is not in the curated pantry/,
        ),
      },
      {
        id: salted.id,
        name: 'Salted lentils',
        reason: expect.stringMatching(/Salt, table \(sr24:02047\) is not in the curated pantry/),
      },
    ]);
    const text = await cli(['plan', '--db', db]);
    expect(text.stdout).toMatch(
      /Your recipes not offered to the plan\n {2}Kimchi stew \(recipe:kimchi-stew\): Kimchi, home made \(custom:kimchi\) is not in the curated pantry/,
    );
    expect(text.stdout).toMatch(/serving \((231\.25|462\.5) g\) +Lentil and kale soup/);
    expect(planned(result, salted.id)).toEqual([]);
    expect(planned(result, kimchiStew.id)).toEqual([]);

    // The server builds the same request from the same store, and gets the same plan.
    const request = await storedPlanRequest(
      { store, foods: foodCatalog(loadFoods().index) },
      'local',
      {
        days: 1,
      },
    );
    if (!request.ok) throw new Error(request.error.message);
    expect(request.value.pantry.filter((p) => p.group === 'dishes').map((p) => p.food.id)).toEqual([
      soup.id,
    ]);
    // POST /api/plans (responses checked against the OpenAPI document) gives the same plan.
    const app = documentedApp(
      createApp({ store, foods: loadFoods().index, log: false, plans: { waitMs: 600_000 } }),
    );
    const response = await app.request('/api/plans', {
      method: 'POST',
      body: JSON.stringify({ days: 1 }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(201);
    const served = (await response.json()) as PlanResult;
    expect(served.days.map((d) => d.items)).toEqual(result.days.map((d) => d.items));
    expect(served.unusedRecipes).toEqual(result.unusedRecipes);
    // "Add to diary" logs the dish as the recipe it is.
    const applied = await app.request(
      `/api/plans/${(served as unknown as { id: string }).id}/apply`,
      {
        method: 'POST',
        body: JSON.stringify({ startDate: '2026-12-01' }),
        headers: { 'content-type': 'application/json' },
      },
    );
    expect(applied.status).toBe(201);
    const { entries } = (await applied.json()) as { entries: { food: string }[] };
    expect(entries.map((e) => e.food)).toContain(soup.id);
    await store.close();
  });

  const { foods, pantry } = data();
  const dishes = recipeCandidates([peanutStew, grapefruitSalad], foods, pantry);

  it('plans a dish with peanut and grapefruit for a person free to eat them', async () => {
    expect(dishes.unused).toEqual([]);
    const profile = profileOf({ age: 50, sex: 'female' });
    const result = await plan(profile, 1, { pantry: [...pantry, ...dishes.dishes] });
    expect(result.status).toBe('optimal');
    const ids = result.days.flatMap((d) => d.items.map((i) => i.foodId));
    expect(ids.some((id) => id === peanutStew.id || id === grapefruitSalad.id)).toBe(true);
  });

  it('never plans a dish with an ingredient the person is allergic to or a finding excludes', async () => {
    // Peanut allergy, and tacrolimus: grapefruit is left out (calcineurin inhibitor).
    const profile = profileOf({
      age: 50,
      sex: 'female',
      exclude: ['peanut'],
      medications: ['tacrolimus'],
    });
    expect(assess(profile).consequences).toContainEqual(
      expect.objectContaining({ type: 'exclude-tag', tag: 'grapefruit' }),
    );
    const result = await plan(profile, 1, { pantry: [...pantry, ...dishes.dishes] });
    expect(result.status).toBe('optimal');
    const ids = result.days.flatMap((d) => d.items.map((i) => i.foodId));
    expect(ids).not.toContain(peanutStew.id);
    expect(ids).not.toContain(grapefruitSalad.id);
    expect(ids).not.toContain('sr24:16398');
    expect(ids).not.toContain('sr24:09112');
  });
});
