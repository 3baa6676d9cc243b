/**
 * The report's "Download PDF": the browser downloads the period shown on the Report page, and
 * the PDF's text has the profile in words, a nutrient row, a finding and the disclaimer.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
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

describe('the report as a PDF download', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'calcwise-e2e-report-'));
    server = await startServer(join(dir, 'calcwise.db'));
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('downloads the 7 days shown, with plain labels, a finding and the disclaimer', async () => {
    const send = (method: string, path: string, body: unknown) =>
      sendJson(server, method, path, body);
    await send('PUT', '/api/profile', {
      age: 72,
      sex: 'male',
      conditions: ['ckd-3b'],
      medications: ['warfarin'],
      supplements: [{ nutrient: 'vitamin-d', amount: 2000, unit: 'IU' }],
    });
    for (const offset of [-3, -2, -1, 0]) {
      await send('POST', '/api/diary/entries', {
        date: isoDay(offset),
        food: 'sr24:11233',
        amount: 1,
        unit: 'cup, chopped',
      });
    }
    const app = new AppPage(page, server.url);
    await app.open('report');
    await page.getByLabel('Period').selectOption('7');
    await page.locator('.report-table').waitFor();
    await app.screenshot('report-download-1280', false);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`calcwise-report-${isoDay(-6)}-to-${isoDay(0)}.pdf`);
    const file = join(dir, 'downloaded.pdf');
    await download.saveAs(file);
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file)));
    expect(pdf.numPages).toBeLessThanOrEqual(2);
    const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain(`Diet from ${isoDay(-6)} to ${isoDay(0)} (4 logged of 7 days)`);
    expect(text).toContain('Chronic kidney disease, stage 3b');
    expect(text).toContain('warfarin (vitamin K antagonist)');
    expect(text).not.toMatch(/\bckd-3b\b/);
    expect(text).toMatch(/Vitamin K1 \(phylloquinone\) [\d,.]+ .g/);
    expect(text).toContain('What to do:');
    expect(text).toContain('calcwise informs; it does not diagnose');
  });

  it('prints the Report page itself compactly: no controls, the findings and their sources once', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      await expect(page.getByRole('link', { name: 'Download PDF' }).isVisible()).resolves.toBe(
        false,
      );
      const printed = await getDocumentProxy(new Uint8Array(await page.pdf({ format: 'A4' })));
      expect(printed.numPages).toBeLessThanOrEqual(2);
      const text = (await extractText(printed, { mergePages: true })).text.replace(/\s+/g, ' ');
      expect(text).toContain('Chronic kidney disease, stage 3b');
      expect(text).toContain('What to do:');
      // Each finding names its sources by number; the numbered list follows the findings.
      expect(text).toMatch(/sources \[1(, \d+)*\]/);
      expect(text).toContain('Sources');
      expect(text).not.toContain('Share with a clinician');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
