import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../support/server.js';

/**
 * Where screenshots go: a temporary folder, so that a test run leaves the working tree alone.
 * `CALCWISE_SCREENSHOTS=docs/screenshots npx vitest run test/e2e` refreshes the committed ones.
 */
export const SCREENSHOT_DIR = (() => {
  const chosen = process.env.CALCWISE_SCREENSHOTS;
  if (!chosen) return join(tmpdir(), 'calcwise-screenshots');
  return isAbsolute(chosen) ? chosen : join(REPO_ROOT, chosen);
})();

export const DISCLAIMER =
  'calcwise informs; it does not diagnose. Discuss doses and medications with your clinician.';

/** What every screen shares: navigation, the disclaimer, screenshots. */
export class AppPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** A full page load (not a hash change), so that each screen starts from the server's state. */
  async open(route: string): Promise<void> {
    await this.page.goto('about:blank');
    await this.page.goto(`${this.baseUrl}/#/${route}`);
    await this.heading().waitFor();
  }

  heading(): Locator {
    return this.page.locator('main h1').first();
  }

  async navigate(label: string): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: label })
      .click();
    await this.heading().waitFor();
  }

  disclaimer(): Locator {
    return this.page.getByRole('note').filter({ hasText: DISCLAIMER });
  }

  async screenshot(name: string, fullPage = true): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path, fullPage });
    return path;
  }

  /** Form controls that no label, aria-label or aria-labelledby names. */
  async unlabelledControls(): Promise<string[]> {
    return this.page.evaluate(() => {
      const controls = Array.from(
        document.querySelectorAll<HTMLElement>('input, select, textarea, button'),
      );
      return controls
        .filter((el) => {
          if ((el as HTMLInputElement).type === 'hidden') return false;
          const labelled =
            (el as HTMLInputElement).labels?.length ||
            el.getAttribute('aria-label') ||
            el.getAttribute('aria-labelledby') ||
            (el.tagName === 'BUTTON' && el.textContent?.trim());
          return !labelled;
        })
        .map((el) => el.outerHTML.slice(0, 120));
    });
  }

  /** Width of the document beyond the viewport: > 0 means horizontal scrolling. */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  }
}
