import type { Locator } from 'playwright-core';
import { AppPage } from './app-page.js';

export class DiaryModel extends AppPage {
  async setDate(date: string): Promise<void> {
    await this.page.getByLabel('Day', { exact: true }).fill(date);
  }

  /** Types into the search field, waits for the debounced results, picks the first match of `name`. */
  async searchAndPick(query: string, name: RegExp | string): Promise<void> {
    const search = this.page.getByLabel('Search foods');
    await search.fill(query);
    const results = this.page.getByRole('list', { name: 'Search foods: results' });
    await results.getByRole('button', { name }).first().click();
    await this.page.locator('form.add-entry').waitFor();
  }

  addForm(): Locator {
    return this.page.locator('form.add-entry');
  }

  async add(amount: number, unit: string, meal?: string): Promise<void> {
    const form = this.addForm();
    await form.getByLabel('Amount').fill(String(amount));
    await form.getByLabel('Unit').selectOption(unit);
    if (meal !== undefined)
      await this.page.locator('.add-meal').getByLabel('Meal').selectOption(meal);
    await form.getByRole('button', { name: /^Add to / }).click();
    await form.waitFor({ state: 'detached' });
  }

  entries(): Locator {
    return this.page.locator('ul.entries > li');
  }

  /** The day's meal headings, in the order shown. */
  async mealHeadings(): Promise<string[]> {
    return this.page.locator('.meal-group h3').allTextContents();
  }

  /** The food names listed under one meal heading ("Breakfast", "No meal"). */
  async namesIn(meal: string): Promise<string[]> {
    const list = this.page.getByRole('list', { name: meal, exact: true });
    return list.locator('.entry-name').allTextContents();
  }

  entry(name: RegExp | string): Locator {
    return this.entries().filter({ hasText: name });
  }

  async editAmount(name: RegExp | string, amount: number): Promise<void> {
    const row = this.entry(name);
    await row.getByRole('button', { name: /^Edit / }).click();
    await row.getByLabel('Amount').fill(String(amount));
    await row.getByRole('button', { name: 'Save' }).click();
    await row.getByRole('button', { name: /^Edit / }).waitFor();
  }

  async remove(name: RegExp | string): Promise<void> {
    await this.entry(name)
      .getByRole('button', { name: /^Delete / })
      .click();
  }

  async copyDayTo(date: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Copy this day' });
    await form.getByLabel('Copy this day to').fill(date);
    await form.getByRole('button', { name: 'Copy day' }).click();
    await form.getByText(/^Copied \d+ entries/).waitFor();
  }
}
