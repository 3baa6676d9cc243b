import type { Locator } from 'playwright-core';
import { AppPage } from './app-page.js';

/** The Labs screen: the entry form, the results table and the INR vs vitamin K chart. */
export class LabsModel extends AppPage {
  form(): Locator {
    return this.page.getByRole('form', { name: 'Add a result' });
  }

  async add(result: {
    test: string;
    date: string;
    value: string;
    unit?: string;
    low?: string;
    high?: string;
  }): Promise<void> {
    const form = this.form();
    await form.getByLabel('Test').selectOption({ label: result.test });
    await form.getByLabel('Date').fill(result.date);
    await form.getByLabel('Result').fill(result.value);
    if (result.unit) await form.getByLabel('Unit').selectOption(result.unit);
    if (result.low) await form.getByLabel('Your lab’s low (optional)').fill(result.low);
    if (result.high) await form.getByLabel('Your lab’s high (optional)').fill(result.high);
    // By keyboard: Enter in the last field submits the form.
    await form.getByLabel('Result').press('Enter');
  }

  rows(): Locator {
    return this.page.getByRole('region', { name: 'Lab results' }).locator('tbody tr');
  }

  status(): Locator {
    return this.form().getByRole('status');
  }

  error(): Locator {
    return this.form().getByRole('alert');
  }

  chart(): Locator {
    return this.page
      .getByRole('region', { name: 'INR vs daily vitamin K' })
      .or(this.page.locator('section[aria-labelledby="inr-title"]'))
      .getByRole('img');
  }
}
