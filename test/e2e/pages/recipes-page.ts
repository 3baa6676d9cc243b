import type { Locator } from 'playwright-core';
import { AppPage } from './app-page.js';

/** `#/my-foods`: a food entered per 100 g, its portions, the list. */
export class MyFoodsModel extends AppPage {
  form(): Locator {
    return this.page.getByRole('form', { name: 'Add a food' });
  }

  /** Fills the name, the values given (nutrient label → value; others stay empty) and portions. */
  async addFood(
    name: string,
    values: Record<string, number>,
    portions: { name: string; grams: number }[] = [],
  ): Promise<void> {
    const form = this.form();
    await form.getByLabel('Name', { exact: true }).fill(name);
    for (const [label, value] of Object.entries(values)) {
      await form.getByLabel(label, { exact: true }).fill(String(value));
    }
    for (const [index, portion] of portions.entries()) {
      if (index > 0) await form.getByRole('button', { name: 'Add a portion' }).click();
      await form.getByLabel(`Portion ${index + 1} name`).fill(portion.name);
      await form.getByLabel(`Portion ${index + 1} grams`).fill(String(portion.grams));
    }
    await form.getByRole('button', { name: 'Add food' }).click();
    await this.listed(name).waitFor();
  }

  listed(name: string): Locator {
    return this.page.locator('.my-foods-list li').filter({ hasText: name });
  }

  /** The form once Edit was pressed for the food named `name`. */
  editForm(name: string): Locator {
    return this.page.getByRole('form', { name: `Edit ${name}` });
  }
}

/** `#/recipes`: a recipe from searched ingredients, and its card. */
export class RecipesModel extends AppPage {
  form(): Locator {
    return this.page.getByRole('form', { name: 'New recipe' });
  }

  /** Searches, picks the first hit named `name`, then sets the new ingredient's amount and unit. */
  async addIngredient(
    query: string,
    name: RegExp | string,
    amount: number,
    unit: string,
  ): Promise<void> {
    const form = this.form();
    await form.getByLabel('Add an ingredient').fill(query);
    const results = this.page.getByRole('list', { name: 'Add an ingredient: results' });
    await results.getByRole('button', { name }).first().click();
    const rows = form.locator('.ingredient-list > li');
    const row = rows.last();
    await row.locator('input[name="amount"]').fill(String(amount));
    await row.locator('select[name="unit"]').selectOption(unit);
  }

  async save(name: string, servings: number, cookedGrams?: number): Promise<void> {
    const form = this.form();
    await form.getByLabel('Recipe name').fill(name);
    await form.getByLabel('Servings').fill(String(servings));
    if (cookedGrams !== undefined) {
      await form.getByLabel('Cooked weight (g, optional)').fill(String(cookedGrams));
    }
    await form.getByRole('button', { name: 'Save recipe' }).click();
    await this.card(name).waitFor();
  }

  /** The form once Edit was pressed on the card of the recipe named `name`. */
  editForm(name: string): Locator {
    return this.page.getByRole('form', { name: `Edit ${name}` });
  }

  card(name: string): Locator {
    return this.page.getByRole('article', { name });
  }

  /** The row of a nutrient in a recipe's per-serving table: [value, ingredients with a value]. */
  async perServing(recipe: string, nutrient: string): Promise<string[]> {
    const cell = this.card(recipe).locator(`tr[data-nutrient="${nutrient}"] td`);
    return [await cell.locator('.value').innerText(), await cell.locator('.known').innerText()];
  }
}
