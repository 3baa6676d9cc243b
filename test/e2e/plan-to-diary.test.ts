/**
 * Browser test for "Add to diary": a saved plan is listed and opens at its own address, goes
 * by default to the next unlogged date, adds its foods once however often it is clicked, and
 * the diary shows them grouped by the plan's meals. A food is then logged into a meal slot.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/index.js';
import { DiaryModel } from './pages/diary-page.js';
import { PlanModel } from './pages/plan-page.js';
import { launchBrowser } from './support/browser.js';
import { assertBuilt, startServer, type RunningServer } from './support/server.js';

function isoDay(offset: number): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  local.setUTCDate(local.getUTCDate() + offset);
  return local.toISOString().slice(0, 10);
}
const today = isoDay(0);
const tomorrow = isoDay(1);

const item = (foodId: string, name: string, grams: number, meal: string) => ({
  foodId,
  name,
  grams,
  portion: `${grams} g`,
  meal,
});
/** One plan day as the planner saves it, with a food in each meal slot (bundled SR24 foods). */
const items = [
  item('sr24:01009', 'Cheese, cheddar', 28, 'breakfast'),
  item('sr24:11233', 'Kale, raw', 67, 'lunch'),
  item('sr24:15076', 'Fish, salmon, Atlantic, wild, raw', 198, 'dinner'),
  item('sr24:09003', 'Apples, raw, with skin', 182, 'snack'),
];
const planResult = {
  status: 'optimal',
  days: [
    {
      day: 1,
      meals: Object.fromEntries(items.map((it) => [it.meal, [it]])),
      items,
      totals: { energy: { amount: 600, unit: 'kcal', coverage: 1 } },
    },
  ],
  unmet: [],
  supplements: [],
  explanation: { foods: [], binding: [], short: [], limits: [], candidates: 4 },
  solve: { nodes: 1, iterations: 12, candidates: 4, cols: 4, rows: 10 },
  disclaimer: 'calcwise informs; it does not diagnose.',
};

/** Serious or critical axe-core violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

describe('plans → diary in the browser', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let planId: string;

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'calcwise-e2e-plan-diary-'));
    const db = join(dir, 'calcwise.db');
    // The store the server then opens: a saved plan, and today already logged.
    const store = await createSqliteStore(db);
    planId = (await store.savePlan('local', { request: { days: 1 }, result: planResult })).id;
    await store.addEntry('local', { date: today, food: 'sr24:11233', amount: 50, unit: 'g' });
    await store.close();
    server = await startServer(db);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists the saved plan, adds it once on the next unlogged date, and keeps it across visits', async () => {
    const plan = new PlanModel(page, server.url);
    await plan.open('plan');
    // The list loads after the page: wait for it rather than count what is there yet.
    await expect.poll(() => plan.savedPlans().count()).toBe(1);
    await plan.savedPlans().first().getByRole('link').click();
    await plan.days().first().waitFor();
    expect(page.url()).toContain(`#/plan/${planId}`);
    const start = plan.applyForm().getByLabel('Start date');
    // Today is logged: the plan goes on tomorrow.
    await expect.poll(() => start.inputValue()).toBe(tomorrow);

    expect(await plan.addToDiary()).toMatch(
      new RegExp(`added to your diary from ${tomorrow} \\(4 foods\\)`),
    );
    expect(await plan.addToDiary(undefined, /already in your diary/)).toMatch(
      /nothing was added again/,
    );
    const link = plan.applyForm().getByRole('link', { name: `Open the diary on ${tomorrow}` });
    expect(await link.getAttribute('href')).toBe(`#/diary/${tomorrow}`);
    await plan.screenshot('plan-applied-1280');
    expect(await seriousViolations(page)).toEqual([]);

    // Leaving and coming back: the plan is still there, and says where it is in the diary.
    await plan.open(`plan/${planId}`);
    await plan.days().first().waitFor();
    await plan.applyForm().getByText(`Already in your diary on ${tomorrow}`).waitFor();
    await expect.poll(() => start.inputValue()).toBe(tomorrow);
  });

  it('shows the added day once, grouped by the plan’s meals, and logs a food into a meal', async () => {
    const diary = new DiaryModel(page, server.url);
    // The plan page's link opens the diary on the plan's first date.
    await diary.open(`diary/${tomorrow}`);
    expect(await page.getByLabel('Day', { exact: true }).inputValue()).toBe(tomorrow);
    await expect.poll(() => diary.entries().count()).toBe(4);
    expect(await diary.mealHeadings()).toEqual(['Breakfast', 'Lunch', 'Dinner', 'Snack']);
    expect(await diary.namesIn('Breakfast')).toEqual(['Cheese, cheddar']);
    expect(await diary.namesIn('Dinner')).toEqual(['Fish, salmon, Atlantic, wild, raw']);

    // Keyboard: pick a food, choose the meal, add; focus goes back to the search.
    await diary.searchAndPick('cheddar', /^Cheese, cheddar/);
    await diary.add(30, 'g', 'dinner');
    await expect.poll(() => diary.namesIn('Dinner')).toHaveLength(2);
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe('search');
    await diary.screenshot('diary-meals-1280');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await diary.screenshot('diary-meals-390');
    const plan = new PlanModel(page, server.url);
    await plan.open(`plan/${planId}`);
    await plan.days().first().waitFor();
    await plan.screenshot('plan-applied-390');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
