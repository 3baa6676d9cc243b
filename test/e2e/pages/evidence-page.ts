import type { Locator } from 'playwright-core';
import { AppPage } from './app-page.js';

export class EvidenceModel extends AppPage {
  comparisonRows(): Locator {
    return this.page.locator('table.evidence-table tbody tr');
  }

  faqItems(): Locator {
    return this.page.locator('details.faq');
  }

  studyLinks(): Locator {
    return this.page.locator('table.studies-table a');
  }
}

export class ReportModel extends AppPage {
  profileSummary(): Locator {
    return this.page.locator('.report dl.summary');
  }

  averagesTable(): Locator {
    return this.page.locator('table.report-table');
  }

  async printPdfLikeScreenshot(name: string): Promise<string> {
    await this.page.emulateMedia({ media: 'print' });
    const path = await this.screenshot(name);
    await this.page.emulateMedia({ media: 'screen' });
    return path;
  }
}

export class FoodModel extends AppPage {
  nutrientRow(id: string): Locator {
    return this.page.locator(`tr[data-nutrient="${id}"]`);
  }
}
