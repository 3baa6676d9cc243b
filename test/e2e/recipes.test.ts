/**
 * Browser test "a recipe created and logged": an own food entered on My foods (values left
 * empty stay unknown), a recipe of it and a bundled food in household units, its values per
 * serving with what is only partly known, one serving logged in the diary and its nutrients in
 * the day; then the recipe and the food edited in place, and the day logged before follows.
 * axe-core on the new pages at 1280 and 390 px; screenshots to /tmp/shots-recipes.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiaryModel } from './pages/diary-page.js';
import { MyFoodsModel, RecipesModel } from './pages/recipes-page.js';
import { launchBrowser } from './support/browser.js';
import { assertBuilt, startServer, type RunningServer } from './support/server.js';

const SHOTS = process.env.CALCWISE_RECIPE_SHOTS ?? '/tmp/shots-recipes';

function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

describe('a recipe created and logged', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  const shot = async (name: string) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'calcwise-e2e-recipes-'));
    server = await startServer(join(dir, 'calcwise.db'));
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('creates a food and a recipe in the UI, logs one serving, shows its nutrients in the day', async () => {
    const myFoods = new MyFoodsModel(page, server.url);
    await myFoods.open('my-foods');
    await myFoods.addFood(
      'Natto, home made',
      { 'Energy (kcal)': 212, 'Calcium (mg)': 217, 'Menaquinone-7 (MK-7) (µg)': 939 },
      [{ name: 'pack', grams: 50 }],
    );
    expect(await myFoods.listed('Natto, home made').textContent()).toContain('3 nutrients known');
    // Empty fields were left out, not stored as zero.
    const stored = (await (await fetch(`${server.url}/api/foods/custom`)).json()) as {
      foods: { nutrients: Record<string, { per100g: number }> }[];
    };
    expect(Object.keys(stored.foods[0]!.nutrients).sort()).toEqual(['calcium', 'energy', 'mk7']);

    const recipes = new RecipesModel(page, server.url);
    await recipes.navigate('Recipes');
    await recipes.addIngredient('natto home', 'Natto, home made', 1, 'pack');
    await recipes.addIngredient('kale raw', /^Kale, raw/, 1, 'cup, chopped');
    // 50 g of natto + 67 g of kale, two servings of 58.5 g.
    await recipes.form().getByLabel('Servings').fill('2');
    await expect
      .poll(() => recipes.form().textContent())
      .toContain('Ingredients weigh 117 g; one serving is 58.5 g');
    await recipes.save('Natto kale bowl', 2);

    // Energy known for both (SR24 kale: 50 kcal per 100 g): (106 + 33.5) / 2 kcal. MK-7 from natto only (50 of 117 g): a lower
    // bound.
    expect(await recipes.perServing('Natto kale bowl', 'energy')).toEqual(['69.8 kcal', '2 of 2']);
    expect(await recipes.perServing('Natto kale bowl', 'mk7')).toEqual([
      'at least 235 µg',
      '1 of 2 (43 % of the weight)',
    ]);
    // Vitamin D: SR24 measured none in kale (a known 0); the natto label gave none, so the
    // recipe's value is a lower bound, not a zero.
    expect(await recipes.perServing('Natto kale bowl', 'vitamin-d')).toEqual([
      'at least 0 µg',
      '1 of 2 (57 % of the weight)',
    ]);
    // Sodium: from kale only, the natto label gave none.
    expect(await recipes.perServing('Natto kale bowl', 'sodium')).toEqual([
      expect.stringMatching(/^at least \d/),
      '1 of 2 (57 % of the weight)',
    ]);
    expect(await recipes.perServing('Natto kale bowl', 'vitamin-k2')).toEqual([
      expect.stringMatching(/^at least \d/),
      'sum of the forms known; some unknown',
    ]);

    const diary = new DiaryModel(page, server.url);
    await diary.navigate('Diary');
    await diary.searchAndPick('natto kale bowl', /^Natto kale bowl/);
    // A recipe's household unit is the serving.
    expect(await diary.addForm().getByLabel('Unit').inputValue()).toBe('serving');
    await diary.add(1, 'serving');
    await diary.entry('Natto kale bowl').waitFor();
    expect(await diary.entry('Natto kale bowl').textContent()).toContain('1 serving (58.5 g)');
    const summary = page.locator(`dl[aria-label="Totals on ${today()}"]`);
    await summary.waitFor();
    const value = (label: string) =>
      summary
        .locator('div')
        .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
        .locator('dd');
    expect(await value('Energy').textContent()).toBe('69.8 kcal');
    expect(await value('Vitamin D').textContent()).toBe('at least 0 µg');
    expect(await value('Vitamin K2').textContent()).toMatch(/^at least \d/);
    await shot('diary-1280');
  });

  it('edits the recipe and its own food in place: the card and the logged day follow', async () => {
    const focused = () => page.evaluate(() => document.activeElement?.outerHTML ?? '');
    const recipes = new RecipesModel(page, server.url);
    await recipes.open('recipes');
    const card = recipes.card('Natto kale bowl');
    await card.waitFor();

    // Cancel puts focus back on the Edit button and leaves the recipe as it was.
    await card.getByRole('button', { name: 'Edit Natto kale bowl' }).click();
    const form = recipes.editForm('Natto kale bowl');
    await form.waitFor();
    await expect.poll(focused).toContain('name="recipeName"');
    expect(await form.getByLabel('Recipe name').inputValue()).toBe('Natto kale bowl');
    expect(await form.getByLabel('Servings').inputValue()).toBe('2');
    await expect(form.locator('.ingredient-list > li').count()).resolves.toBe(2);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await recipes.form().waitFor();
    await expect.poll(focused).toContain('aria-label="Edit Natto kale bowl"');

    // Two packs of natto, one serving: 100 g of natto + 67 g of kale in one serving of 167 g.
    await card.getByRole('button', { name: 'Edit Natto kale bowl' }).click();
    await form.waitFor();
    const natto = form.locator('.ingredient-list > li').filter({ hasText: 'Natto, home made' });
    await natto.locator('input[name="amount"]').fill('2');
    await form.getByLabel('Servings').fill('1');
    await expect
      .poll(() => form.textContent())
      .toContain('Ingredients weigh 167 g; one serving is 167 g');
    const axe = await new AxeBuilder({ page }).include('form').analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);
    await shot('recipe-edit-1280');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await recipes.form().waitFor();
    await expect.poll(() => card.textContent()).toContain('1 serving of 167 g');
    await expect.poll(focused).toContain('Saved Natto kale bowl.');
    // Energy: 212 × 1 + 50 × 0.67 = 245.5 kcal; MK-7 from the natto only, 100 of 167 g.
    expect(await recipes.perServing('Natto kale bowl', 'energy')).toEqual(['246 kcal', '2 of 2']);
    expect(await recipes.perServing('Natto kale bowl', 'mk7')).toEqual([
      'at least 939 µg',
      '1 of 2 (60 % of the weight)',
    ]);
    // Still one recipe, under the same id.
    const listed = (await (await fetch(`${server.url}/api/recipes`)).json()) as {
      recipes: { id: string; servings: number }[];
    };
    expect(listed.recipes.map((r) => [r.id, r.servings])).toEqual([['recipe:natto-kale-bowl', 1]]);

    // The food the recipe is made of: its form is filled in with what is stored.
    const myFoods = new MyFoodsModel(page, server.url);
    await myFoods.navigate('My foods');
    await myFoods
      .listed('Natto, home made')
      .getByRole('button', { name: 'Edit Natto, home made' })
      .click();
    const foodForm = myFoods.editForm('Natto, home made');
    await foodForm.waitFor();
    await expect.poll(focused).toContain('name="name"');
    expect(await foodForm.getByLabel('Energy (kcal)', { exact: true }).inputValue()).toBe('212');
    expect(await foodForm.getByLabel('Portion 1 name').inputValue()).toBe('pack');
    await foodForm.getByLabel('Energy (kcal)', { exact: true }).fill('100');
    await foodForm.getByRole('button', { name: 'Save changes' }).click();
    await myFoods.form().waitFor();
    await expect.poll(focused).toContain('Saved Natto, home made.');
    expect(await myFoods.listed('Natto, home made').textContent()).toContain('3 nutrients known');

    // The recipe rolls up from the new value: 100 + 33.5 kcal.
    await recipes.navigate('Recipes');
    await card.waitFor();
    await expect
      .poll(() => recipes.perServing('Natto kale bowl', 'energy'))
      .toEqual(['134 kcal', '2 of 2']);

    // The serving logged before the edits names the same recipe: the day shows the new values.
    const diary = new DiaryModel(page, server.url);
    await diary.navigate('Diary');
    await diary.entry('Natto kale bowl').waitFor();
    expect(await diary.entry('Natto kale bowl').textContent()).toContain('1 serving (167 g)');
    const summary = page.locator(`dl[aria-label="Totals on ${today()}"]`);
    await summary.waitFor();
    const energy = summary
      .locator('div')
      .filter({ has: page.locator('dt', { hasText: /^Energy$/ }) })
      .locator('dd');
    await expect.poll(() => energy.textContent()).toBe('134 kcal');
  });

  it('has no axe violations on My foods and Recipes at 1280 and 390 px; screenshots', async () => {
    const problems: string[] = [];
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const route of ['my-foods', 'recipes', 'diary']) {
        await new MyFoodsModel(page, server.url).open(route);
        await page.waitForLoadState('networkidle');
        if (route === 'recipes') await page.getByRole('article').first().waitFor();
        const results = await new AxeBuilder({ page }).analyze();
        for (const violation of results.violations) {
          const where = violation.nodes.map((node) => node.target.join(' ')).join('; ');
          problems.push(`${route} at ${width}: ${violation.id} (${violation.impact}) at ${where}`);
        }
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${route} scrolls sideways at ${width} px`).toBe(0);
        await shot(`${route}-${width}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
