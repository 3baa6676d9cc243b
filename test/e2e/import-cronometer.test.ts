/**
 * Browser test: a Cronometer servings export (written by the test, header names from real
 * exports) uploaded in the Your data panel, reviewed (matched, own, ambiguous, rejected), then
 * confirmed; the entries appear in the diary. Nothing is stored before the confirmation.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFoods } from '../../src/cli/commands/foods.js';
import { cronometerServingsFile } from '../support/cronometer-file.js';
import { DiaryModel } from './pages/diary-page.js';
import { TrackerImportModel } from './pages/import-page.js';
import { launchBrowser } from './support/browser.js';
import { assertBuilt, startServer, type RunningServer } from './support/server.js';

function isoDay(offset: number): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  local.setUTCDate(local.getUTCDate() + offset);
  return local.toISOString().slice(0, 10);
}

const yesterday = isoDay(-1);
const today = isoDay(0);

describe('importing a Cronometer export in the browser', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let file: string;
  const errors: string[] = [];

  async function entriesOn(
    date: string,
  ): Promise<{ food: string; amount: number; unit: string }[]> {
    const response = await fetch(`${server.url}/api/diary?from=${date}&to=${date}`);
    const body = (await response.json()) as {
      days?: { entries: unknown[] }[];
      entries?: unknown[];
    };
    return (body.entries ?? body.days?.flatMap((d) => d.entries) ?? []) as {
      food: string;
      amount: number;
      unit: string;
    }[];
  }

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'calcwise-e2e-import-'));
    file = join(dir, 'servings.csv');
    writeFileSync(file, cronometerServingsFile(loadFoods().index, [yesterday, today]));
    server = await startServer(join(dir, 'calcwise.db'));
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (r) => {
      if (r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('uploads, reviews what each row becomes, and stores nothing yet', async () => {
    const model = new TrackerImportModel(page, server.url);
    await model.open('profile');
    await model.upload(file);
    await expect(model.review().textContent()).resolves.toMatch(
      `servings.csv: Cronometer servings export, 5 rows over 2 day(s), ${yesterday} to ${today}.`,
    );
    expect(await model.counts('Matched to food data')).toEqual({ rows: 2, names: '2' });
    expect(await model.counts('Imported as own food')).toEqual({ rows: 1, names: '1' });
    expect(await model.counts('Ambiguous')).toEqual({ rows: 1, names: '1' });
    expect(await model.counts('Rejected')).toEqual({ rows: 1, names: '' });
    const matched = await model.table('Matched').locator('tbody tr').allTextContents();
    expect(matched).toEqual([
      expect.stringMatching(/^Kale, raw \(g\)\s*1\s*Kale, raw$/),
      expect.stringMatching(/^Cheese, cheddar \(g\)\s*1\s*Cheese, cheddar$/),
    ]);
    await expect(model.table('Ambiguous').textContent()).resolves.toMatch(/similar: .*Kale, raw/);
    await expect(model.table('Own foods').textContent()).resolves.toMatch(/Oma's stamppot/);
    await expect(model.table('Rejected').textContent()).resolves.toMatch(
      /6\s*Coffee, brewed.*zero/,
    );
    expect(await model.unlabelledControls()).toEqual([]);
    await model.screenshot('import-review');
    await model.screenshotPanel('import-review-panel');
    expect(await entriesOn(yesterday)).toEqual([]);
    expect(await entriesOn(today)).toEqual([]);
  });

  it('looks right at 390 px: no horizontal scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const model = new TrackerImportModel(page, server.url);
    expect(await model.horizontalOverflow()).toBeLessThanOrEqual(0);
    await model.screenshotPanel('import-review-390');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('confirms, and the diary shows the imported entries', async () => {
    const model = new TrackerImportModel(page, server.url);
    const status = await model.confirm();
    expect(status).toBe(
      `Imported 4 diary entries and 2 own foods from servings.csv (${yesterday} to ${today}).`,
    );
    const first = await entriesOn(yesterday);
    expect(first.map((e) => e.food)).toEqual(expect.arrayContaining(['sr24:11233', 'sr24:01009']));
    expect(first).toHaveLength(3);
    expect(await entriesOn(today)).toHaveLength(1);

    const diary = new DiaryModel(page, server.url);
    await diary.open('diary');
    await diary.setDate(yesterday);
    await expect.poll(() => diary.entries().count()).toBe(3);
    await expect(diary.entry(/^Kale, raw/).textContent()).resolves.toMatch(/67 g/);
    await expect(diary.entry(/stamppot/).count()).resolves.toBe(1);
    await diary.screenshot('import-diary');
  });

  it('logged no browser errors', () => {
    expect(errors).toEqual([]);
  });
});
