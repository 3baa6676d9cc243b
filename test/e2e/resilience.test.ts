/**
 * Browser tests: a profile saved through the API without the optional lists renders on every
 * page, and a page that throws leaves the rest of the app usable (error boundary).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/index.js';
import { AppPage } from './pages/app-page.js';
import { launchBrowser } from './support/browser.js';
import { assertBuilt, startServer, type RunningServer } from './support/server.js';

describe('a page that fails does not take the app with it', () => {
  let dir: string;
  let db: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let app: AppPage;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'calcwise-e2e-resilience-'));
    db = join(dir, 'calcwise.db');
    server = await startServer(db);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    app = new AppPage(page, server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the report for a profile saved through the API without supplements or exclude', async () => {
    const put = await fetch(`${server.url}/api/profile`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ age: 60, sex: 'female' }),
    });
    expect(put.status).toBe(200);
    await app.open('report');
    const profile = page.getByRole('region', { name: 'Profile' });
    await expect
      .poll(() => profile.textContent(), { timeout: 10_000 })
      .toContain('Supplementsnone given');
    expect(await page.locator('.page-error').count()).toBe(0);
  });

  it('keeps navigation when the report throws on a damaged stored profile', async () => {
    // A document written by an older version, straight into the database: not a list where the
    // report expects one, so rendering it throws.
    const store = await createSqliteStore(db);
    await store.putProfile('local', {
      age: 60,
      sex: 'female',
      supplements: 'none',
      conditions: 'none',
    });
    await store.close();
    consoleErrors.length = 0;
    await app.open('report');
    const alert = page.locator('.page-error [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('This page could not be shown.');
    // The failure is reported where a developer looks, not swallowed.
    expect(consoleErrors.join('\n')).toContain('The Report page failed');
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Main' }).getByRole('link').count())
      .toBe(10);
    await app.screenshot('error-boundary-1280');

    await app.navigate('Diary');
    expect(await app.heading().textContent()).toBe('Diary');
    expect(await page.locator('.page-error').count()).toBe(0);
    await app.navigate('Report');
    await alert.waitFor();
    await app.navigate('Evidence');
    expect(await app.heading().textContent()).toMatch(/Evidence/);
  });
});
