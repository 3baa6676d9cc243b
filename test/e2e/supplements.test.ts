/**
 * Browser test of the day's supplement log on the Diary: the profile's regimen shown for a day
 * not logged, one extra MK-7 capsule logged for the day reaching a warfarin user's findings,
 * and "Use my usual supplements" taking it back; screenshots at 1280 and 390 px.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiaryModel } from './pages/diary-page.js';
import { launchBrowser } from './support/browser.js';
import { assertBuilt, startServer, type RunningServer } from './support/server.js';

const DAY = '2026-11-20';

describe('Supplements by day in the browser', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  async function send(method: string, path: string, body: unknown): Promise<void> {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  }
  const findingIds = async () =>
    (
      (await (await fetch(`${server.url}/api/findings`)).json()) as { findings: { id: string }[] }
    ).findings.map((f) => f.id);

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'calcwise-e2e-supplements-'));
    server = await startServer(join(dir, 'calcwise.db'));
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(message.text());
      }
    });
    page.on('response', (response) => {
      if (response.status() >= 500) problems.push(`${response.status()} ${response.url()}`);
    });
    await send('PUT', '/api/profile', {
      age: 74,
      sex: 'male',
      medications: ['Coumadin'],
      supplements: [{ nutrient: 'vitamin-d', amount: 1000, unit: 'IU' }],
    });
    await send('POST', '/api/diary/entries', {
      date: DAY,
      food: 'sr24:11233',
      amount: 30,
      unit: 'g',
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the regimen, logs an extra capsule for the day, and the check sees it', async () => {
    const diary = new DiaryModel(page, server.url);
    await diary.open('diary');
    await diary.setDate(DAY);
    const card = page.getByRole('region', { name: `Supplements on ${DAY}` });
    await expect.poll(() => card.textContent()).toMatch(/Not logged: your usual supplements/);
    expect(await card.textContent()).toMatch(/Vitamin D 1000 IU/);
    expect(await findingIds()).not.toContain('vka-mk7-supplement');

    await card.getByRole('button', { name: 'Change what I took' }).click();
    const form = card.getByRole('form', { name: `Supplements taken on ${DAY}` });
    await form.getByRole('button', { name: 'Add a supplement' }).click();
    await form.locator('select[name="taken-1-nutrient"]').selectOption('mk7');
    await form.locator('input[name="taken-1-amount"]').fill('90');
    await form.getByRole('button', { name: `Save for ${DAY}` }).click();
    await expect.poll(() => card.textContent()).toMatch(/Logged for this day\./);
    expect(await card.getByRole('status').textContent()).toBe(`Supplements logged for ${DAY}.`);
    expect(await card.locator('.supplements-taken li').allTextContents()).toEqual([
      'Vitamin D 1000 IU',
      'Menaquinone-7 (MK-7) 90 µg',
    ]);
    // The one policy reads the day's capsule: a warfarin user is told to avoid MK-7.
    expect(await findingIds()).toContain('vka-mk7-supplement');

    expect(await diary.unlabelledControls()).toEqual([]);
    const wide = await diary.screenshot('diary-supplements-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await diary.horizontalOverflow()).toBeLessThanOrEqual(0);
    const narrow = await diary.screenshot('diary-supplements-390');
    console.log(`screenshots: ${wide} ${narrow}`);
    await page.setViewportSize({ width: 1280, height: 900 });

    await card.getByRole('button', { name: 'Use my usual supplements' }).click();
    await expect.poll(() => card.textContent()).toMatch(/Not logged: your usual supplements/);
    expect(await findingIds()).not.toContain('vka-mk7-supplement');
    expect(problems).toEqual([]);
  }, 60_000);
});
