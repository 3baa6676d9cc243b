/**
 * Browser test of the Labs screen on the built UI: results entered by keyboard and converted, an
 * impossible value refused naming the field, and for a warfarin user the INR vs daily vitamin K
 * chart over the logged diary; screenshots at 1280 and 390 px.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabsModel } from './pages/labs-page.js';
import { launchBrowser } from './support/browser.js';
import { assertBuilt, startServer, type RunningServer } from './support/server.js';

function isoDay(offset: number): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  local.setUTCDate(local.getUTCDate() + offset);
  return local.toISOString().slice(0, 10);
}

describe('Labs in the browser', () => {
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

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'calcwise-e2e-labs-'));
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
    await send('PUT', '/api/profile', { age: 71, sex: 'female', medications: ['warfarin'] });
    // A week of kale, with one big day: the swing the chart should show beside the INR.
    for (let offset = -6; offset <= 0; offset++) {
      await send('POST', '/api/diary/entries', {
        date: isoDay(offset),
        food: 'sr24:11233',
        amount: offset === -2 ? 200 : 30,
        unit: 'g',
      });
    }
    await send('POST', '/api/labs', { date: isoDay(-5), test: 'inr', value: 2.4, unit: 'ratio' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('enters results by keyboard, converts them, refuses an impossible one, charts INR vs vitamin K', async () => {
    const labs = new LabsModel(page, server.url);
    await labs.open('labs');
    expect(await labs.heading().textContent()).toBe('Labs and measurements');
    await expect.poll(() => labs.rows().count()).toBe(1);

    await labs.add({ test: 'INR', date: isoDay(-1), value: '3.6' });
    await expect.poll(() => labs.status().textContent()).toMatch(/Recorded INR 3\.6 ratio/);
    await expect.poll(() => labs.rows().count()).toBe(2);
    expect(await labs.rows().first().textContent()).toMatch(/above range/);

    await labs.add({ test: '25-hydroxyvitamin D', date: isoDay(-1), value: '18', unit: 'ng/mL' });
    await expect.poll(() => labs.rows().count()).toBe(3);
    const text = await labs.page.getByRole('region', { name: 'Lab results' }).textContent();
    expect(text).toMatch(/44\.9 nmol\/L/);
    expect(text).toMatch(/18 ng\/mL/);

    // 10.8 is a mg/dL value: as mmol/L it is impossible, and the form says which field.
    await labs.add({
      test: 'Serum calcium (total)',
      date: isoDay(0),
      value: '10.8',
      unit: 'mmol/L',
    });
    await expect
      .poll(() => labs.error().textContent())
      .toMatch(/not a possible result.*field: value/);
    expect(await labs.form().getByLabel('Result').getAttribute('aria-invalid')).toBe('true');
    expect(await labs.rows().count()).toBe(3);

    const chart = labs.chart();
    await expect
      .poll(async () => (await chart.getAttribute('aria-label')) ?? '')
      .toMatch(
        /2 INR results \(2\.4 on .*, 3\.6 on .*\), target 2–3, 1 outside it; vitamin K logged on 7 days/,
      );
    expect(await page.locator('.vitamin-k-bar').count()).toBe(7);
    expect(await page.locator('.inr-point-out').count()).toBe(1);

    expect(await labs.unlabelledControls()).toEqual([]);
    const wide = await labs.screenshot('labs-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await labs.horizontalOverflow()).toBeLessThanOrEqual(0);
    const narrow = await labs.screenshot('labs-390');
    console.log(`screenshots: ${wide} ${narrow}`);
    expect(problems).toEqual([]);
  }, 60_000);

  it('an eGFR below 60 suggests a stage; only the person’s confirmation puts it in the profile', async () => {
    const labs = new LabsModel(page, server.url);
    await page.setViewportSize({ width: 1280, height: 900 });
    await labs.open('labs');
    const card = page.getByRole('group', { name: 'Kidney function: a stage to confirm' });
    expect(await card.count()).toBe(0);
    await labs.add({ test: 'eGFR', date: isoDay(0), value: '52' });
    await card.waitFor();
    expect(await card.textContent()).toMatch(/G3a \(mildly to moderately decreased\)/);
    const before = (await (await fetch(`${server.url}/api/profile`)).json()) as {
      conditions?: string[];
    };
    expect(before.conditions ?? []).toEqual([]);
    await labs.screenshot('labs-egfr-suggestion');
    await card.getByRole('button', { name: /My clinician confirmed ckd-3a/ }).click();
    await card.waitFor({ state: 'detached' });
    expect(await page.getByRole('status').filter({ hasText: 'Added ckd-3a' }).count()).toBe(1);
    const after = (await (await fetch(`${server.url}/api/profile`)).json()) as {
      conditions: string[];
    };
    expect(after.conditions).toEqual(['ckd-3a']);
    expect(problems).toEqual([]);
  }, 60_000);
});
