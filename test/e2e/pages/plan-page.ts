import type { Locator } from 'playwright-core';
import { AppPage } from './app-page.js';

export class PlanModel extends AppPage {
  async generate(days: number): Promise<void> {
    await this.page.getByLabel('Number of days').fill(String(days));
    await this.page.getByRole('button', { name: 'Generate plan' }).click();
    await this.page.locator('.plan-day, main .error').first().waitFor({ timeout: 60_000 });
  }

  /** "Close my gaps": keep the foods logged on `date` and add the fewest. */
  async closeGaps(date: string): Promise<void> {
    await this.page.getByLabel(/Close my gaps/).check();
    await this.page.getByLabel('Logged day to keep').fill(date);
    await this.generate(1);
  }

  changed(kind: 'logged' | 'added' | 'removed'): Locator {
    return this.page.locator(`.plan-day li.change-${kind}`);
  }

  days(): Locator {
    return this.page.locator('.plan-day');
  }

  items(): Locator {
    return this.page.locator('.plan-day .meal li');
  }

  applyForm(): Locator {
    return this.page.getByRole('form', { name: 'Add the plan to the diary' });
  }

  /**
   * Adds the plan from `startDate` (default: the date the page suggests) and waits for the
   * answer `expected` (a second click answers "already in your diary").
   */
  async addToDiary(
    startDate?: string,
    expected: RegExp = /(added to|already in) your diary/,
  ): Promise<string> {
    const form = this.applyForm();
    if (startDate !== undefined) await form.getByLabel('Start date').fill(startDate);
    await form.getByRole('button', { name: 'Add to diary' }).click();
    const status = form.getByRole('status').filter({ hasText: expected });
    await status.waitFor();
    return (await status.textContent()) ?? '';
  }

  savedPlans(): Locator {
    return this.page.getByRole('list', { name: 'Saved plans' }).getByRole('listitem');
  }
}
