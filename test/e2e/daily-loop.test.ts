/**
 * Browser tests for logging a food: search shows the real number of matches and pages through
 * them, a modern name is explained, portions read as USDA states them, and focus follows the
 * task from search to amount and back (WCAG 2.4.3).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiaryModel } from './pages/diary-page.js';
import { launchBrowser } from './support/browser.js';
import { assertBuilt, startServer, type RunningServer } from './support/server.js';

const YOGURT = 'Yogurt, plain, whole milk, 8 grams protein per 8 ounce';

describe('logging a food in the diary', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let diary: DiaryModel;

  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      return { tag: element?.tagName, type: element?.type, name: element?.name };
    });

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'calcwise-e2e-daily-'));
    server = await startServer(join(dir, 'calcwise.db'));
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    diary = new DiaryModel(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows how many foods match and loads more on request', async () => {
    await diary.open('diary');
    await page.getByLabel('Search foods').fill('salmon');
    const status = page.locator('.food-search [role="status"]');
    // The first search of a fresh server builds its index: wait for the results to arrive.
    await page.getByRole('list', { name: 'Search foods: results' }).waitFor();
    await expect.poll(() => status.textContent()).toBe('Showing 12 of 48 foods');
    const results = page.getByRole('list', { name: 'Search foods: results' }).getByRole('button');
    expect(await results.count()).toBe(12);
    // A plain word gives the food as eaten: cooked salmon first, no raw fillet on top.
    expect(await results.first().textContent()).toMatch(/^Fish, salmon, .*cooked/);
    await page.getByRole('button', { name: 'Show 12 more' }).click();
    await expect.poll(() => results.count()).toBe(24);
    expect(await status.textContent()).toBe('Showing 24 of 48 foods');
    // The keyboard lands on the first new result, not back at the top.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('li')?.textContent))
      .toBe(await results.nth(12).textContent());
    await diary.screenshot('diary-search-1280');
  });

  it('explains "greek yogurt", labels the portion as USDA does, and keeps focus', async () => {
    await diary.open('diary');
    await page.getByLabel('Search foods').fill('greek yogurt');
    await page.locator('.search-note').waitFor();
    expect(await page.locator('.search-note').textContent()).toMatch(
      /no Greek \(strained\) yogurt/,
    );
    const results = page.getByRole('list', { name: 'Search foods: results' });
    await results.getByRole('button', { name: YOGURT }).click();
    const form = diary.addForm();
    await form.waitFor();
    // Picking moved focus to the amount, which holds the USDA amount of the first portion.
    await expect.poll(focused).toEqual({ tag: 'INPUT', type: 'number', name: 'amount' });
    const options = await form.getByLabel('Unit').locator('option').allTextContents();
    expect(options).toContain('0.5 container (4 oz) = 113 g');
    expect(options.join('\n')).not.toContain('226 g');
    // The first portion is preselected with its USDA amount; the weight is shown as counted.
    expect(await form.getByLabel('Amount').inputValue()).toBe('1');
    expect(await form.locator('output').textContent()).toBe('= 245 g');
    await form.getByLabel('Unit').selectOption('container (4 oz)');
    await form.getByLabel('Amount').fill('0.5');
    expect(await form.locator('output').textContent()).toBe('= 113 g');
    await diary.screenshot('diary-portion-1280');

    await form.getByRole('button', { name: /^Add to / }).click();
    await form.waitFor({ state: 'detached' });
    // Added: focus is back in the search field, ready for the next food.
    await expect.poll(focused).toEqual({ tag: 'INPUT', type: 'search', name: '' });
    const entry = diary.entry(YOGURT);
    await entry.waitFor();
    expect(await entry.textContent()).toContain('(113 g)');
  });
});
