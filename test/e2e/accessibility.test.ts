/**
 * Accessibility: axe-core (npm @axe-core/playwright) on every page of the built UI at 1280 and
 * 390 px, with a profile and a logged day so the pages show their tables and charts. No
 * serious or critical violation is allowed; screenshots of each screen are kept to look at.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page.js';
import { launchBrowser } from './support/browser.js';
import { assertBuilt, sendJson, startServer, type RunningServer } from './support/server.js';

const ROUTES = [
  'dashboard',
  'diary',
  'foods',
  'labs',
  'food/sr24:11233',
  'top/vitamin-k2',
  'plan',
  'evidence',
  'report',
  'profile',
  'my-foods',
  'recipes',
];
const WIDTHS = [1280, 390];

function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

describe('accessibility of every page (axe-core)', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;

  const send = (method: string, path: string, body: unknown) =>
    sendJson(server, method, path, body);

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'calcwise-e2e-axe-'));
    server = await startServer(join(dir, 'calcwise.db'));
    browser = await launchBrowser();
    await send('PUT', '/api/profile', {
      age: 68,
      sex: 'female',
      conditions: ['ckd-3a'],
      medications: ['warfarin'],
      supplements: [{ nutrient: 'vitamin-d', amount: 1000, unit: 'IU' }],
    });
    for (const [food, amount, unit] of [
      ['sr24:11233', 1, 'cup, chopped'],
      ['sr24:01116', 1, 'cup (8 fl oz)'],
      ['sr24:15237', 100, 'g'],
    ] as const) {
      await send('POST', '/api/diary/entries', { date: today(), food, amount, unit });
    }
    // Labs, so the Labs page shows its table and the INR vs vitamin K chart.
    await send('POST', '/api/labs', { date: today(), test: 'inr', value: 3.4, unit: 'ratio' });
    await send('POST', '/api/labs', { date: today(), test: 'egfr', value: 52, unit: 'mL/min' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // One test per page and width: each is a page load and one axe run, so none comes near the
  // time limit on a busy machine.
  for (const width of WIDTHS) {
    for (const route of ROUTES) {
      it(`finds no serious or critical violation on ${route} at ${width} px`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        try {
          const page = await context.newPage();
          const app = new AppPage(page, server.url);
          await app.open(route);
          // Let the page's requests settle so the tables and charts are there to check.
          await page.waitForLoadState('networkidle');
          const results = await new AxeBuilder({ page }).analyze();
          const problems = results.violations
            .filter(
              (violation) => violation.impact === 'serious' || violation.impact === 'critical',
            )
            .map((violation) => {
              const where = violation.nodes.map((node) => node.target.join(' ')).join('; ');
              return `${route}: ${violation.id} (${violation.impact}) at ${where}`;
            });
          await app.screenshot(`axe-${route.replace(/[/:]/g, '-')}-${width}`);
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('lets the keyboard reach and scroll the report table at 390 px', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await new AppPage(page, server.url).open('report');
    const region = page.getByRole('region', { name: 'Average daily intake vs targets (table)' });
    await region.locator('table').waitFor();
    const scrollable = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(scrollable, 'the table is wider than the screen at 390 px').toBe(true);
    await region.focus();
    expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await context.close();
  });
});
