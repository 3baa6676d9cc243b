import { AppPage } from './app-page.js';

export interface ProfileAnswers {
  age: number;
  sex: 'female' | 'male';
  conditions: string[];
  medications: string[];
  supplements: { nutrient: string; amount: number; unit: string }[];
  pattern: string;
  exclude: string[];
}

export class ProfileModel extends AppPage {
  form() {
    return this.page.locator('form.profile-form');
  }

  async fill(answers: ProfileAnswers): Promise<void> {
    const form = this.form();
    await form.getByLabel('Age (years)').fill(String(answers.age));
    await form.getByLabel('Sex').selectOption(answers.sex);
    for (const condition of answers.conditions) {
      await form.locator(`input[name="conditions"][value="${condition}"]`).check();
    }
    for (const medication of answers.medications) {
      await form.getByLabel('Medication', { exact: true }).fill(medication);
      await form.getByRole('button', { name: 'Add medication' }).click();
    }
    for (const [index, supplement] of answers.supplements.entries()) {
      await form.getByRole('button', { name: 'Add a supplement' }).click();
      const row = form.locator('.supplement').nth(index);
      await row.getByLabel('Nutrient').selectOption(supplement.nutrient);
      await row.getByLabel('Amount per day').fill(String(supplement.amount));
      await row.getByLabel('Unit').selectOption(supplement.unit);
    }
    await form.getByLabel('Pattern').selectOption(answers.pattern);
    for (const group of answers.exclude) {
      await form.locator(`input[name="exclude"][value="${group}"]`).check();
    }
  }

  async save(): Promise<void> {
    await this.form().getByRole('button', { name: 'Save profile' }).click();
  }
}
