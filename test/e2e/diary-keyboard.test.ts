/**
 * Logging a day by keyboard only (Tab, typing, Enter, arrows; no clicks): meal slots, the food
 * search, then a recent food in one keystroke, a delete undone; then copying a meal and changing
 * an entry's food. axe finds no violation on the diary with these controls showing, and
 * screenshots at 1280 and 390 px go to /tmp/shots-diary/.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiaryModel } from './pages/diary-page.js';
import { launchBrowser } from './support/browser.js';
import { assertBuilt, startServer, type RunningServer } from './support/server.js';

const DAY = '2026-11-20';
const SHOTS = '/tmp/shots-diary';

interface Entry {
  id: number;
  food: string;
  name?: string;
  amount: number;
  unit: string;
  meal?: string;
  createdAt: string;
}

describe('the diary by keyboard', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let diary: DiaryModel;

  const entriesOn = async (date: string): Promise<Entry[]> => {
    const response = await fetch(`${server.url}/api/diary?from=${date}&to=${date}`);
    const body = (await response.json()) as { days: { entries: Entry[] }[] };
    return body.days.flatMap((day) => day.entries);
  };
  const slots = (entries: Entry[]) => entries.map((e) => [e.meal, e.name, e.amount, e.unit]);

  /** What has focus: tag, name attribute, accessible label or text. */
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return {
        tag: el?.tagName ?? '',
        name: el?.getAttribute('name') ?? '',
        label: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
        inAddMeal: Boolean(el?.closest('.add-meal')),
        inQuick: Boolean(el?.closest('.quick-foods')),
      };
    });
  /** Presses Tab (or Shift+Tab) until `match` holds for the focused element; at most 60 times. */
  const tabTo = async (
    match: (f: Awaited<ReturnType<typeof focused>>) => boolean,
    key = 'Tab',
  ): Promise<void> => {
    for (let i = 0; i < 60; i++) {
      if (match(await focused())) return;
      await page.keyboard.press(key);
    }
    throw new Error(`focus never reached the element; last: ${JSON.stringify(await focused())}`);
  };
  const addMealValue = () => page.locator('.add-meal select[name="meal"]').inputValue();
  /** On the add card's Meal select: type-ahead to the meal (a native select keeps the keys). */
  const chooseMeal = async (meal: string) => {
    await tabTo((f) => f.inAddMeal && f.name === 'meal', 'Shift+Tab');
    await page.keyboard.type(meal.slice(0, 1));
    await expect.poll(addMealValue).toBe(meal);
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await focused()).tag).toBe('INPUT');
  };
  /** The add card's status line. */
  const notice = () => page.locator('.card').first().locator('p[role="status"].ok');

  beforeAll(async () => {
    assertBuilt();
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'calcwise-e2e-keys-'));
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

  it('logs a day from empty with meal slots, the search and a recent food, no clicks', async () => {
    await diary.open(`diary/${DAY}`);
    await page.getByText('Nothing logged on this day yet.').waitFor();
    // No food logged yet: no quick lists.
    expect(await page.locator('.quick-foods').count()).toBe(0);

    // Breakfast: search, Arrow Down into the results, Enter picks, type the amount, Enter adds.
    await tabTo((f) => f.inAddMeal && f.name === 'meal');
    await page.keyboard.type('b');
    await expect.poll(addMealValue).toBe('breakfast');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kale raw');
    await page.getByRole('list', { name: 'Search foods: results' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused()).tag).toBe('BUTTON');
    const kale = (await page.evaluate(
      () => document.activeElement?.querySelector('.hit-name')?.textContent,
    ))!;
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).name).toBe('amount');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect.poll(() => notice().textContent()).toMatch(/^Added 2 .* to breakfast\.$/);
    // Focus is back in the search for the next food.
    await expect.poll(async () => (await focused()).tag).toBe('INPUT');

    // Lunch: cheddar, with the amount and unit the form proposes.
    await chooseMeal('lunch');
    await page.keyboard.type('cheddar');
    await page.getByRole('list', { name: 'Search foods: results' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused()).tag).toBe('BUTTON');
    const cheddar = (await page.evaluate(
      () => document.activeElement?.querySelector('.hit-name')?.textContent,
    ))!;
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).name).toBe('amount');
    await page.keyboard.press('Enter');
    await expect.poll(() => notice().textContent()).toMatch(/ to lunch\.$/);

    // Dinner: the empty search offers the recent foods; Arrow Down and Enter log cheddar again.
    await chooseMeal('dinner');
    await page.locator('.quick-foods').waitFor();
    const recent = page.getByRole('list', { name: 'Recent' }).getByRole('button');
    await expect.poll(() => recent.count()).toBe(2);
    expect(await recent.first().textContent()).toContain(cheddar);
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused()).inQuick).toBe(true);
    expect((await focused()).label).toContain(cheddar);
    await page.keyboard.press('Enter');
    await expect.poll(() => notice().textContent()).toMatch(/ to dinner\.$/);

    const day = await entriesOn(DAY);
    expect(slots(day).map(([meal, name]) => [meal, name])).toEqual([
      ['breakfast', kale],
      ['lunch', cheddar],
      ['dinner', cheddar],
    ]);
    expect(day[0]!.amount).toBe(2);
    // The recent food came with the amount and unit logged at lunch.
    expect([day[2]!.amount, day[2]!.unit]).toEqual([day[1]!.amount, day[1]!.unit]);
    await expect.poll(() => diary.mealHeadings()).toEqual(['Breakfast', 'Lunch', 'Dinner']);
    // Frequent: cheddar twice, first.
    const frequent = page.getByRole('list', { name: 'Frequent' }).getByRole('button');
    await expect.poll(() => frequent.first().textContent()).toMatch(/2×/);

    // Delete the breakfast by keyboard: focus moves to Undo, the status says what went.
    await tabTo((f) => f.label === `Delete ${kale}`);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).label).toBe('Undo');
    const undoStatus = page.locator('.undo-line [role="status"]');
    expect(await undoStatus.textContent()).toBe(`Deleted ${kale} from breakfast.`);
    await expect.poll(async () => slots(await entriesOn(DAY)).length).toBe(2);
    await page.keyboard.press('Enter');
    await expect.poll(() => undoStatus.textContent()).toBe(`Restored ${kale}.`);
    const restored = await entriesOn(DAY);
    expect(slots(restored).find(([, name]) => name === kale)).toEqual(slots(day)[0]);
    await expect.poll(() => diary.namesIn('Breakfast')).toEqual([kale]);
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(0);
  });

  it('copies a meal to another day and changes the food of an entry', async () => {
    await diary.open(`diary/${DAY}`);
    await page.getByRole('button', { name: 'Copy lunch to…' }).click();
    const form = page.getByRole('form', { name: 'Copy lunch' });
    await form.getByLabel('Copy lunch to').fill('2026-11-21');
    await form.getByLabel('Into').selectOption('snack');
    await form.getByRole('button', { name: 'Copy' }).click();
    await page.getByText(/^Copied 1 entry of lunch to snack on 2026-11-21\.$/).waitFor();
    const copied = await entriesOn('2026-11-21');
    expect(copied.map((e) => e.meal)).toEqual(['snack']);

    // Change the copied cheddar into kale: the unit switches to one kale has.
    await diary.open('diary/2026-11-21');
    const row = diary.entries().first();
    await row.getByRole('button', { name: /^Edit / }).click();
    await row.getByRole('button', { name: 'Change food' }).click();
    await row.getByRole('searchbox').fill('kale raw');
    await row
      .getByRole('list', { name: /results$/ })
      .getByRole('button')
      .first()
      .click();
    await row.getByText('(was').waitFor();
    await row.getByRole('button', { name: 'Save' }).click();
    await row.getByRole('button', { name: /^Edit / }).waitFor();
    const [changed] = await entriesOn('2026-11-21');
    expect(changed).toMatchObject({ id: copied[0]!.id, meal: 'snack' });
    expect(changed!.name).toMatch(/^Kale/);
    expect(changed!.food).not.toBe(copied[0]!.food);

    // An empty day offers the day before.
    await diary.open('diary/2026-11-22');
    await page.getByRole('button', { name: 'Copy the day before (2026-11-21)' }).click();
    await expect.poll(() => diary.mealHeadings()).toEqual(['Snack']);
  });

  for (const width of [1280, 390]) {
    it(`has no axe violation with the quick lists, undo and copy and edit forms at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const view = await context.newPage();
      const model = new DiaryModel(view, server.url);
      await model.open(`diary/${DAY}`);
      await view.locator('.quick-foods').waitFor();
      await expect.poll(() => model.entries().count()).toBe(3);
      await view.waitForLoadState('networkidle');
      await view.screenshot({ path: join(SHOTS, `diary-quick-${width}.png`), fullPage: true });
      // Delete one (Undo shows), open a meal's copy form and an edit form with its food search.
      await model
        .entries()
        .nth(1)
        .getByRole('button', { name: /^Delete / })
        .click();
      const undo = view.getByRole('button', { name: 'Undo' });
      await undo.waitFor();
      await view.getByRole('button', { name: 'Copy breakfast to…' }).click();
      const row = model.entries().first();
      await row.getByRole('button', { name: /^Edit / }).click();
      await row.getByRole('button', { name: 'Change food' }).click();
      await row.getByRole('searchbox').fill('salmon');
      await row.getByRole('list', { name: /results$/ }).waitFor();
      const results = await new AxeBuilder({ page: view }).analyze();
      const problems = results.violations.map(
        (v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
      );
      await view.screenshot({ path: join(SHOTS, `diary-controls-${width}.png`), fullPage: true });
      expect(problems).toEqual([]);
      expect(await model.unlabelledControls()).toEqual([]);
      expect(await model.horizontalOverflow()).toBeLessThanOrEqual(0);
      await undo.click();
      await expect.poll(() => model.entries().count()).toBe(3);
      await context.close();
    });
  }
});
