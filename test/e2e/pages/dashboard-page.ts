import type { Locator } from 'playwright-core';
import { AppPage } from './app-page.js';

export class DashboardModel extends AppPage {
  async choosePeriod(days: 7 | 30 | 90): Promise<void> {
    await this.page.getByRole('button', { name: `${days} days` }).click();
  }

  panel(): Locator {
    return this.page.getByRole('list', { name: /Calcification panel/ });
  }

  panelRow(nutrientId: string): Locator {
    return this.panel().locator(`li[data-nutrient="${nutrientId}"]`);
  }

  findingsGroup(severity: 'Avoid' | 'Caution' | 'Monitor' | 'Information'): Locator {
    return this.page.getByRole('region', { name: `${severity} findings` });
  }

  findings(): Locator {
    return this.page.locator('li.finding');
  }

  trendChart(): Locator {
    return this.page.locator('figure.trend svg');
  }

  async chooseTrend(label: string): Promise<void> {
    await this.page.getByLabel('Nutrient', { exact: true }).selectOption({ label });
  }
}
