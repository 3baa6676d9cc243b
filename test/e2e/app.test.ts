/**
 * Browser tests: the built UI served by `calcwise serve` on a temporary SQLite file, driven by
 * Debian's Chromium. One person's first session, in order: profile, diary, dashboard, food
 * detail, plan, evidence, report; then a server restart on the same file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage, DISCLAIMER } from './pages/app-page.js';
import { DashboardModel } from './pages/dashboard-page.js';
import { DiaryModel } from './pages/diary-page.js';
import { EvidenceModel, FoodModel, ReportModel } from './pages/evidence-page.js';
import { PlanModel } from './pages/plan-page.js';
import { ProfileModel } from './pages/profile-page.js';
import { formatAmount } from '../../src/web/lib.js';
import { launchBrowser } from './support/browser.js';
import { assertBuilt, startServer, type RunningServer } from './support/server.js';

const KALE = 'sr24:11233';

function isoDay(offset: number): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  local.setUTCDate(local.getUTCDate() + offset);
  return local.toISOString().slice(0, 10);
}

const today = isoDay(0);
const yesterday = isoDay(-1);
const tomorrow = isoDay(1);

interface FoodJson {
  name: string;
  nutrients: Record<string, { per100g: number } | null | undefined>;
  portions: { name: string; amount: number; grams: number }[];
}

describe('calcwise in the browser', () => {
  let dir: string;
  let db: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  async function api<T>(path: string): Promise<T> {
    const response = await fetch(`${server.url}${path}`);
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async function diaryOn(date: string): Promise<{ food: string; amount: number; unit: string }[]> {
    const body = await api<unknown>(`/api/diary?from=${date}&to=${date}`);
    const value = body as { entries?: unknown[]; days?: { entries: unknown[] }[] };
    const entries = Array.isArray(body)
      ? body
      : (value.entries ?? value.days?.flatMap((d) => d.entries) ?? []);
    return entries as { food: string; amount: number; unit: string }[];
  }

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'calcwise-e2e-'));
    db = join(dir, 'calcwise.db');
    server = await startServer(db);
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    // A 404 (no profile yet) is an expected answer; Chromium logs it as a console error, so
    // failed requests are judged by status instead: any 5xx is a server failure.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        consoleErrors.push(message.text());
      }
    });
    page.on('response', (response) => {
      if (response.status() >= 500) consoleErrors.push(`${response.status()} ${response.url()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts with onboarding and stores the profile', async () => {
    const profile = new ProfileModel(page, server.url);
    await profile.open('');
    // With no profile stored, the first visit asks for one.
    await expect.poll(() => profile.heading().textContent()).toMatch(/Welcome/);
    await expect(profile.disclaimer().first().isVisible()).resolves.toBe(true);
    expect(await profile.unlabelledControls()).toEqual([]);

    await profile.fill({
      age: 72,
      sex: 'male',
      conditions: ['ckd-3b'],
      medications: ['warfarin'],
      supplements: [{ nutrient: 'vitamin-d', amount: 1000, unit: 'IU' }],
      pattern: 'omnivore',
      exclude: ['peanut'],
    });
    await profile.screenshot('profile');
    await profile.save();
    // A new profile leads on to the diary.
    await page.waitForURL(/#\/diary$/);

    const stored = await api<{
      age: number;
      sex: string;
      conditions: string[];
      medications: string[];
      supplements: { nutrient: string; amount: number; unit: string }[];
      exclude: string[];
    }>('/api/profile');
    expect(stored.age).toBe(72);
    expect(stored.sex).toBe('male');
    expect(stored.conditions).toContain('ckd-3b');
    expect(stored.medications).toContain('warfarin');
    expect(stored.exclude).toContain('peanut');
    // Stored as entered; the server converts IU to µg when it computes.
    const vitaminD = stored.supplements.find((s) => s.nutrient === 'vitamin-d');
    expect(vitaminD).toMatchObject({ amount: 1000, unit: 'IU' });
  });

  it('logs a day by searching foods, edits, deletes and copies it', async () => {
    const diary = new DiaryModel(page, server.url);
    await diary.open('diary');
    await diary.setDate(today);

    const kale = await api<FoodJson>(`/api/foods/${encodeURIComponent(KALE)}`);
    const cup = kale.portions.find((p) => /cup/i.test(p.name));
    expect(cup, 'kale has a cup portion in SR24').toBeDefined();

    await diary.searchAndPick('kale', /^Kale, raw/);
    await diary.add(1, cup!.name);
    await diary.searchAndPick('natto', /natto/i);
    await diary.add(50, 'g');
    await diary.searchAndPick('cheddar', /cheddar/i);
    await diary.add(30, 'g');
    await diary.searchAndPick('salmon', /salmon/i);
    await diary.add(120, 'g');
    await expect.poll(() => diary.entries().count()).toBe(4);

    await diary.editAmount(/cheddar/i, 40);
    await expect.poll(() => diary.entry(/cheddar/i).textContent()).toMatch(/40 g/);
    await diary.remove(/salmon/i);
    await expect.poll(() => diary.entries().count()).toBe(3);
    expect(await diary.unlabelledControls()).toEqual([]);
    await diary.screenshot('diary');

    const logged = await diaryOn(today);
    expect(logged.map((e) => e.food).sort()).toContain(KALE);
    expect(logged.find((e) => e.food === KALE)).toMatchObject({ amount: 1, unit: cup!.name });
    expect(logged.some((e) => e.amount === 40 && e.unit === 'g')).toBe(true);
    expect(logged).toHaveLength(3);

    // Copy to yesterday so that the trend has two days.
    await diary.copyDayTo(yesterday);
    const copied = await diaryOn(yesterday);
    expect(copied.map((e) => `${e.food} ${e.amount} ${e.unit}`).sort()).toEqual(
      logged.map((e) => `${e.food} ${e.amount} ${e.unit}`).sort(),
    );
  });

  it('shows the error for a bad amount, naming the field, and logs nothing', async () => {
    const diary = new DiaryModel(page, server.url);
    await diary.open('diary');
    await diary.setDate(tomorrow);
    await diary.searchAndPick('kale', /^Kale, raw/);
    const form = diary.addForm();
    await form.getByLabel('Amount').fill('0');
    await form.getByLabel('Unit').selectOption('g');
    await form.getByRole('button', { name: /^Add to / }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/not added/);
    await expect(alert.textContent()).resolves.toMatch(/amount/);
    expect(await diaryOn(tomorrow)).toHaveLength(0);
  });

  it('finds a food with the keyboard alone', async () => {
    const diary = new DiaryModel(page, server.url);
    await diary.open('diary');
    await diary.setDate(tomorrow);
    const search = page.getByLabel('Search foods');
    await search.focus();
    await page.keyboard.type('kale');
    await page.getByRole('list', { name: 'Search foods: results' }).waitFor();
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused.toLowerCase()).toContain('kale');
    await page.keyboard.press('Enter');
    await diary.addForm().waitFor();
    await diary.addForm().getByRole('button', { name: 'Cancel' }).click();
    expect(await diaryOn(tomorrow)).toHaveLength(0);
  });

  it('shows the calcification panel against targets, with coverage and findings', async () => {
    const dashboard = new DashboardModel(page, server.url);
    await dashboard.open('dashboard');
    await dashboard.panel().waitFor();
    await expect(dashboard.disclaimer().first().isVisible()).resolves.toBe(true);

    const analysis = await api<{
      average: Record<
        string,
        | {
            amount: number;
            coverage: number;
            target?: number;
            limit?: number;
            limitAppliesTo?: string;
          }
        | undefined
      >;
    }>(`/api/analysis?from=${isoDay(-6)}&to=${today}`);
    const k1 = analysis.average['vitamin-k1'];
    expect(k1, 'kale has vitamin K1 in SR24').toBeDefined();
    // The panel shows what the API computed: K1 average and its target.
    const k1Row = await dashboard.panelRow('vitamin-k1').textContent();
    expect(k1Row).toContain(formatAmount(k1!.amount, 'µg'));
    if (k1!.target !== undefined) expect(k1Row).toMatch(/Target/);

    // Coverage is shown wherever some entries have no value.
    for (const [id, cell] of Object.entries(analysis.average)) {
      const row = dashboard.panelRow(id);
      if (!cell || (await row.count()) === 0) continue;
      const text = (await row.textContent()) ?? '';
      if (cell.coverage > 0 && cell.coverage < 1) {
        expect(text).toContain(`measured for ${Math.round(cell.coverage * 100)} % of entries`);
      }
    }

    // 1000 IU of vitamin D a day is 25 µg (1 µg = 40 IU): shown beside the food's share.
    await expect(dashboard.panelRow('vitamin-d').textContent()).resolves.toContain(
      'supplements 25 µg',
    );
    // A limit that covers supplements only (the magnesium UL) is not drawn against food.
    for (const [id, cell] of Object.entries(analysis.average)) {
      const row = dashboard.panelRow(id);
      if (!cell || cell.limit === undefined || (await row.count()) === 0) continue;
      const markers = await row.locator('.bar-limit').count();
      expect(markers, `${id} limit marker`).toBe(cell.limitAppliesTo === 'supplements' ? 0 : 1);
    }

    // Warfarin is a vitamin K antagonist: the screening must say something, with sources.
    const findings = await api<{ findings: { severity: string; sources: unknown[] }[] }>(
      '/api/findings',
    );
    expect(findings.findings.length).toBeGreaterThan(0);
    await expect.poll(() => dashboard.findings().count()).toBe(findings.findings.length);
    await expect(dashboard.trendChart().getAttribute('aria-label')).resolves.toMatch(/2 days/);
    await dashboard.screenshot('dashboard');

    await dashboard.choosePeriod(30);
    await expect.poll(() => page.getByText(/2 days with entries/).count()).toBe(1);

    // The targets follow the chosen authority.
    await page.getByLabel('Reference values').selectOption('efsa');
    const efsa = await api<{ average: Record<string, { target?: number } | undefined> }>(
      `/api/analysis?from=${isoDay(-29)}&to=${today}&authority=efsa`,
    );
    const efsaCalcium = efsa.average.calcium?.target;
    expect(efsaCalcium).toBeDefined();
    await expect
      .poll(() => dashboard.panelRow('calcium').textContent())
      .toContain(`Target ${formatAmount(efsaCalcium, 'mg')}`);
  });

  it('shows K forms with provenance on a food page', async () => {
    const food = new FoodModel(page, server.url);
    const natto = (await api<{ results: { id: string; name: string }[] }>('/api/foods?q=natto'))
      .results[0];
    expect(natto).toBeDefined();
    await food.open(`food/${encodeURIComponent(natto!.id)}`);
    const detail = await api<FoodJson>(`/api/foods/${encodeURIComponent(natto!.id)}`);
    for (const id of ['vitamin-k1', 'mk4', 'mk7', 'epa', 'dha']) {
      const text = (await food.nutrientRow(id).textContent()) ?? '';
      // Unknown stays unknown; a known value shows with its source.
      if (detail.nutrients[id]) expect(text).not.toContain('unknown');
      else expect(text).toContain('unknown');
    }
    await food.screenshot('food-natto');
  });

  it('generates a plan and adds it to the diary', async () => {
    const plan = new PlanModel(page, server.url);
    await plan.open('plan');
    await plan.generate(1);
    await expect(page.locator('main .error').allTextContents()).resolves.toEqual([]);
    expect(await plan.items().count()).toBeGreaterThan(3);
    await expect(
      page.getByRole('heading', { name: /discuss with your clinician/ }).count(),
    ).resolves.toBe(1);
    await plan.screenshot('plan');
    await plan.addToDiary(tomorrow);
    const added = await diaryOn(tomorrow);
    expect(added.length).toBe(await plan.items().count());
  });

  it('closes the gaps of a logged day, adding only new foods to it', async () => {
    const plan = new PlanModel(page, server.url);
    await plan.open('plan');
    const before = await diaryOn(yesterday);
    await plan.closeGaps(yesterday);
    await expect(page.locator('main .error').allTextContents()).resolves.toEqual([]);
    const logged = await plan.changed('logged').count();
    const removed = await plan.changed('removed').count();
    const added = await plan.changed('added').count();
    // Every logged food is either kept or suggested for removal; nothing logged is lost.
    expect(logged + removed).toBe(before.length);
    await plan.screenshot('plan-close-gaps');
    await plan.addToDiary(yesterday);
    const after = await diaryOn(yesterday);
    expect(after).toHaveLength(before.length + added);
    for (const entry of before) {
      expect(after).toContainEqual(expect.objectContaining(entry));
    }
  });

  it('opens the evidence table, the FAQ and the studies with PubMed and DOI links', async () => {
    const evidence = new EvidenceModel(page, server.url);
    await evidence.open('evidence');
    await page.locator('table.evidence-table tbody tr, main .error').first().waitFor();
    await expect(page.locator('main .error').allTextContents()).resolves.toEqual([]);
    const body = await api<{ nutrients: unknown[]; studies: { pmid?: string; doi?: string }[] }>(
      '/api/evidence',
    );
    expect(await evidence.comparisonRows().count()).toBe(body.nutrients.length);
    await expect.poll(() => evidence.faqItems().count()).toBeGreaterThan(0);
    const hrefs = await evidence
      .studyLinks()
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const withPmid = body.studies.filter((s) => s.pmid);
    expect(hrefs.filter((h) => h.startsWith('https://pubmed.ncbi.nlm.nih.gov/'))).toHaveLength(
      withPmid.length,
    );
    expect(hrefs.filter((h) => h.startsWith('https://doi.org/'))).toHaveLength(
      body.studies.filter((s) => s.doi).length,
    );
    await evidence.screenshot('evidence', false);
  });

  it('prints a report for a clinician', async () => {
    const report = new ReportModel(page, server.url);
    await report.open('report');
    await report.averagesTable().waitFor();
    await expect(report.profileSummary().textContent()).resolves.toMatch(/warfarin/);
    const vitaminD = report.averagesTable().locator('tr', { hasText: 'Vitamin D' });
    await expect(vitaminD.locator('td').nth(1).textContent()).resolves.toBe('25 µg');
    await expect(page.locator('.report').getByText(DISCLAIMER).isVisible()).resolves.toBe(true);
    await report.printPdfLikeScreenshot('report-print');
    // The navigation is hidden in print; the report body is not.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(false);
    await expect(report.averagesTable().isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('works at 390 px wide: no horizontal scrolling, every control labelled', async () => {
    const mobile = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const small = await mobile.newPage();
    try {
      const app = new AppPage(small, server.url);
      for (const route of [
        'dashboard',
        'diary',
        'profile',
        'foods',
        'plan',
        'evidence',
        'report',
        `food/${encodeURIComponent(KALE)}`,
        'top/vitamin-k2?per=serving',
      ]) {
        await app.open(route);
        await small.waitForLoadState('networkidle');
        expect(await app.horizontalOverflow(), `${route} overflows at 390 px`).toBeLessThanOrEqual(
          0,
        );
        await expect(app.disclaimer().first().isVisible()).resolves.toBe(true);
        expect(await app.unlabelledControls(), `${route} has unlabelled controls`).toEqual([]);
      }
      await app.open('dashboard');
      await small.locator('li[data-nutrient="vitamin-k1"]').waitFor();
      await app.screenshot('dashboard-390');
    } finally {
      await mobile.close();
    }
  });

  it('keeps what was entered across a server restart', async () => {
    const before = await diaryOn(today);
    expect(before.length).toBe(3);
    const port = server.port;
    await server.stop();
    server = await startServer(db, port);

    const diary = new DiaryModel(page, server.url);
    await page.reload();
    await diary.open('diary');
    await diary.setDate(today);
    await expect.poll(() => diary.entries().count()).toBe(3);
    const profile = new ProfileModel(page, server.url);
    await profile.open('profile');
    await expect.poll(() => profile.heading().textContent()).toBe('Your profile');
    await expect(profile.form().getByLabel('Age (years)').inputValue()).resolves.toBe('72');
  });

  it('logged no browser errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
