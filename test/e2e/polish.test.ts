/**
 * Browser tests for the details a person notices: a quiet first visit, the profile's error next
 * to its field, plain labels in the report, both figures of "Vitamin D vs vitamin K2", and a
 * trend chart whose last date fits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page.js';
import { launchBrowser } from './support/browser.js';
import { assertBuilt, sendJson, startServer, type RunningServer } from './support/server.js';

function isoDay(offset: number): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  local.setUTCDate(local.getUTCDate() + offset);
  return local.toISOString().slice(0, 10);
}

describe('the details a person notices', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let app: AppPage;
  const failed: string[] = [];

  const send = (method: string, path: string, body: unknown) =>
    sendJson(server, method, path, body);

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'calcwise-e2e-polish-'));
    server = await startServer(join(dir, 'calcwise.db'));
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(new URL(response.url()).pathname);
    });
    app = new AppPage(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('asks for the profile once on a first visit, and goes to onboarding', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: /Welcome/ }).waitFor();
    await page.waitForLoadState('networkidle');
    // The one expected "no profile yet" answer; no page asks for data that cannot exist.
    expect(failed).toEqual(['/api/profile']);
  });

  it('shows the age error next to the age field and moves focus there', async () => {
    const form = page.locator('form.profile-form');
    await form.getByLabel('Age (years)').fill('10');
    await form.getByRole('button', { name: 'Save profile' }).click();
    const error = page.locator('#age-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^Must be at least 14/);
    const age = form.getByRole('spinbutton', { name: 'Age (years)', exact: true });
    expect(await age.getAttribute('aria-invalid')).toBe('true');
    expect(await age.getAttribute('aria-describedby')).toBe('age-error');
    await expect.poll(() => age.evaluate((el) => el === document.activeElement)).toBe(true);
    // The error sits inside the age field's own label, not at the end of the form.
    expect(await error.evaluate((el) => el.closest('label')?.querySelector('input')?.name)).toBe(
      'age',
    );
    expect(await form.getByRole('alert').textContent()).toContain('See the field marked above.');
    await app.screenshot('profile-age-error-1280', false);
  });

  it('names conditions in words in the report, and shows both D and K2 figures', async () => {
    await send('PUT', '/api/profile', {
      age: 70,
      sex: 'male',
      conditions: ['ckd-3a'],
      supplements: [{ nutrient: 'vitamin-d', amount: 2000, unit: 'IU' }],
    });
    for (const offset of [-6, -5, -4, -3, -2, -1, 0]) {
      await send('POST', '/api/diary/entries', {
        date: isoDay(offset),
        food: 'sr24:01009',
        amount: 40,
        unit: 'g',
      });
    }
    await app.open('report');
    await page.locator('.report-table').waitFor();
    await page.waitForLoadState('networkidle');
    const report = (await page.locator('main').textContent()) ?? '';
    expect(report).toContain('Chronic kidney disease, stage 3a');
    expect(report).not.toMatch(/\bckd-3a\b/);

    await app.open('dashboard');
    const index = page.locator('[data-index="d-vs-k2"] .balance-value');
    await index.waitFor();
    const figures = (await index.textContent()) ?? '';
    expect(figures).toMatch(/Vitamin D\s*[\d.]+ µg\/day/);
    expect(figures).toMatch(/Vitamin K2[^\d]*[\d.]+ µg\/day/);
  });

  it('keeps the last date label of the trend chart inside the chart', async () => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await app.open('dashboard');
      const chart = page.locator('figure.trend svg');
      await chart.waitFor();
      const labels = chart.locator('text.axis-label');
      const last = labels.last();
      const [box, lastBox] = await Promise.all([chart.boundingBox(), last.boundingBox()]);
      expect(await last.textContent()).toBe(isoDay(0).slice(5));
      expect(lastBox!.x + lastBox!.width).toBeLessThanOrEqual(box!.x + box!.width + 0.5);
      await app.screenshot(`dashboard-trend-${width}`);
    }
  });
});
