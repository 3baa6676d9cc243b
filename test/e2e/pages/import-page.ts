import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { AppPage, SCREENSHOT_DIR } from './app-page.js';

/** "Bring your Cronometer history" in the Your data panel of the profile page. */
export class TrackerImportModel extends AppPage {
  panel(): Locator {
    return this.page.getByRole('region', { name: 'Bring your Cronometer history' });
  }

  review(): Locator {
    return this.panel().getByLabel('Import review');
  }

  /** Chooses the file; the server's dry run answers with the review. */
  async upload(file: string): Promise<void> {
    await this.panel().getByLabel('Cronometer or MyFitnessPal export (CSV)').setInputFiles(file);
    await this.review().waitFor();
  }

  /** The count of rows and of food names on one line of the results table. */
  async counts(result: string): Promise<{ rows: number; names: string }> {
    const row = this.review().locator('table.import-counts tr').filter({ hasText: result });
    const cells = await row.locator('td').allTextContents();
    return { rows: Number(cells[0]), names: cells[1] ?? '' };
  }

  table(caption: string): Locator {
    return this.review()
      .locator('table')
      .filter({ has: this.page.locator('caption', { hasText: caption }) });
  }

  /** The panel alone (the profile form above it is long). */
  async screenshotPanel(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await this.panel().screenshot({ path });
    return path;
  }

  async confirm(): Promise<string> {
    await this.review()
      .getByRole('button', { name: /^Import \d+ entries$/ })
      .click();
    const status = this.panel()
      .getByRole('status')
      .filter({ hasText: /^Imported / });
    await status.waitFor();
    return (await status.textContent()) ?? '';
  }
}
