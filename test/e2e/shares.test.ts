/**
 * "Share with a clinician": a link made on the Report page opens the report read-only in another
 * browser (no navigation, no form, a read-only notice with the expiry); the owner then sees the
 * opening and revokes the link, after which it opens nothing. Screenshots at 1280 and 390 px.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportModel, SharedReportModel } from './pages/report-page.js';
import { launchBrowser } from './support/browser.js';
import { assertBuilt, sendJson, startServer, type RunningServer } from './support/server.js';

const SHOTS = process.env.CALCWISE_SHARE_SHOTS ?? join(tmpdir(), 'shots-shares');

function isoDay(offset: number): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  local.setUTCDate(local.getUTCDate() + offset);
  return local.toISOString().slice(0, 10);
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Serious and critical axe-core violations on the page as it stands. */
async function axeProblems(page: Page, name: string): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${name}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
    );
}

describe('sharing the report with a clinician', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let owner: BrowserContext;
  let clinician: BrowserContext;

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'calcwise-e2e-shares-'));
    server = await startServer(join(dir, 'calcwise.db'));
    browser = await launchBrowser();
    owner = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // The clinician's browser shares nothing with the owner's.
    clinician = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // The flow plus two pages through axe-core: more than the 60 s default on a busy machine.
  it('creates a link on the Report page that opens the report read-only, then revokes it', async () => {
    const send = (method: string, path: string, body: unknown) =>
      sendJson(server, method, path, body);
    await send('PUT', '/api/profile', {
      age: 72,
      sex: 'male',
      conditions: ['ckd-3b'],
      medications: ['warfarin'],
    });
    for (const offset of [-3, -2, -1]) {
      await send('POST', '/api/diary/entries', {
        date: isoDay(offset),
        food: 'sr24:11233',
        amount: 1,
        unit: 'cup, chopped',
      });
    }
    await send('POST', '/api/labs', { date: isoDay(-2), test: 'inr', value: 2.6, unit: 'ratio' });

    const report = new ReportModel(await owner.newPage(), server.url);
    await report.open('report');
    const url = await report.createShare({ from: isoDay(-6), to: isoDay(0), expires: '7 days' });
    expect(url).toMatch(new RegExp(`^${server.url}/#/share/[A-Za-z0-9_-]{43}$`));
    await expect.poll(() => report.shares().count()).toBe(1);
    expect(await report.shares().first().textContent()).toMatch(/Active.*opened 0 times/);
    await report.shareSection().scrollIntoViewIfNeeded();
    await shot(report.page, 'report-share-1280');
    expect(await axeProblems(report.page, 'report with a new link')).toEqual([]);

    // The clinician opens the link.
    const shared = new SharedReportModel(await clinician.newPage(), server.url);
    await shared.openLink(url);
    await expect.poll(() => shared.notice().textContent()).toMatch(/read-only.*expires/);
    expect(await shared.heading().textContent()).toBe('calcwise report for a clinician');
    await shared.page.getByRole('table').first().waitFor();
    const body = (await shared.page.locator('main').textContent()) ?? '';
    expect(body).toContain(`diet from ${isoDay(-6)} to ${isoDay(0)} (3 logged days of 7`);
    expect(body).toContain('Chronic kidney disease, stage 3b');
    expect(body).toContain('INR');
    // Read-only: no navigation into the app, no form control, no link but the PDF.
    expect(await shared.page.getByRole('navigation').count()).toBe(0);
    expect(await shared.page.locator('form, input, select, textarea, button').count()).toBe(0);
    const hrefs = await shared.page
      .locator('a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual([
      expect.stringMatching(/^\/api\/shared\/[A-Za-z0-9_-]{43}\/report\.pdf$/),
    ]);
    await shot(shared.page, 'shared-report-1280');
    expect(await axeProblems(shared.page, 'shared report')).toEqual([]);
    await shared.page.setViewportSize({ width: 390, height: 844 });
    await shared.page.locator('main h1').waitFor();
    expect(await shared.horizontalOverflow()).toBe(0);
    await shot(shared.page, 'shared-report-390');
    await shared.page.screenshot({ path: join(SHOTS, 'shared-report-390-top.png') });

    // The owner sees the opening, then revokes the link.
    await report.open('report');
    await expect.poll(() => report.shares().first().textContent()).toMatch(/opened 1 time(?!s)/);
    await report.shares().first().getByRole('button', { name: 'Openings' }).click();
    await expect.poll(() => report.shares().first().locator('.share-accesses li').count()).toBe(1);
    expect(await report.shares().first().locator('.share-accesses').textContent()).toMatch(
      /report · 127\.0\.0\.1/,
    );
    await report.page.setViewportSize({ width: 390, height: 844 });
    await report.shareSection().scrollIntoViewIfNeeded();
    expect(await report.horizontalOverflow()).toBe(0);
    await shot(report.page, 'report-share-390');
    await report.shareSection().screenshot({ path: join(SHOTS, 'report-share-390-section.png') });
    await report
      .shares()
      .first()
      .getByRole('button', { name: /^Revoke/ })
      .click();
    await expect.poll(() => report.shares().first().textContent()).toMatch(/Revoked/);

    await shared.openLink(url);
    expect(await shared.heading().textContent()).toBe('This link opens nothing');
    // The server's log never held the token.
    const token = url.split('/').at(-1)!;
    expect(server.output()).toContain('/api/shared/[token]');
    expect(server.output()).not.toContain(token);
  }, 180_000);
});
