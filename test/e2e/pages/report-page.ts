import type { Locator } from 'playwright-core';
import { AppPage } from './app-page.js';

/** The Report screen's "Share with a clinician" section. */
export class ReportModel extends AppPage {
  shareSection(): Locator {
    return this.page.getByRole('region', { name: 'Share with a clinician' });
  }

  /** Creates a link for the period and expiry given; returns the link shown once. */
  async createShare(share: { from: string; to: string; expires: string }): Promise<string> {
    const section = this.shareSection();
    await section.getByLabel('From').fill(share.from);
    await section.getByLabel('To', { exact: true }).fill(share.to);
    await section.getByLabel('Expires after').selectOption({ label: share.expires });
    await section.getByRole('button', { name: 'Create link' }).click();
    const link = section.getByLabel(/^Link \(shown only now/);
    await link.waitFor();
    return link.inputValue();
  }

  shares(): Locator {
    return this.shareSection().locator('.share-list > li');
  }
}

/** The page a share link opens: the report, read-only, outside the app. */
export class SharedReportModel extends AppPage {
  async openLink(url: string): Promise<void> {
    await this.page.goto('about:blank');
    await this.page.goto(url);
    await this.heading().waitFor();
  }

  notice(): Locator {
    return this.page.locator('.shared-notice');
  }
}
