import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseDiary } from '../src/app/analysis.js';
import { LOCAL_OWNER } from '../src/app/deps.js';
import { saveProfile } from '../src/app/profile.js';
import { addLab } from '../src/app/labs.js';
import { buildReport } from '../src/app/report.js';
import { headline, printAmount, renderReportPdf } from '../src/app/report-pdf.js';
import { parseDiaryText } from '../src/schemas/diary.js';
import { loadFoodIndex } from '../src/data/load-foods.js';
import { createApp } from '../src/server/index.js';
import { createSqliteStore, type Store } from '../src/store/index.js';
import { cliIn } from './support/cli-in-process.js';
import { documentedApp } from './support/openapi-responses.js';

const foods = loadFoodIndex();
const diaryText = readFileSync('examples/diary-week.json', 'utf8');
const profileJson = JSON.parse(
  readFileSync('examples/profile-warfarin-ckd3b-72m.json', 'utf8'),
) as Record<string, unknown>;
const clock = () => new Date('2026-11-25T12:00:00Z');

/** A real SQLite store with the example profile (warfarin, CKD 3b) and the example week logged. */
async function seed(store: Store): Promise<void> {
  const saved = await saveProfile({ store }, LOCAL_OWNER, profileJson);
  if (!saved.ok) throw new Error(saved.error.message);
  const diary = parseDiaryText(diaryText, 'examples/diary-week.json');
  if (!diary.ok) throw new Error(diary.error.message);
  await store.addEntries(
    LOCAL_OWNER,
    diary.value.days.flatMap((day) =>
      day.entries.map((e) => ({ date: day.date, food: e.food, amount: e.amount, unit: e.unit })),
    ),
  );
}

/** The PDF's text, whitespace collapsed (a wrapped sentence reads as one line). */
async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  // pdf.js reads the WinAnsi micro sign back as the Greek letter mu.
  return { pages: totalPages, text: text.replace(/\s+/g, ' ').replaceAll('μ', 'µ') };
}

const collapse = (s: string) => s.replace(/\s+/g, ' ');

/** A text as the PDF's standard fonts print it (they lack a few signs). */
const printed = (s: string) =>
  collapse(
    s.replaceAll('≥', '>=').replaceAll('≤', '<=').replaceAll('−', '-').replaceAll('→', '->'),
  );

/** Every run of text on every page: where it starts, how wide it is, its type size (points). */
async function textRuns(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const runs: { page: number; x: number; y: number; width: number; size: number; str: string }[] =
    [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const [, , width, height] = page.view;
    expect([Math.round(width!), Math.round(height!)]).toEqual([595, 842]);
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [size, , , , x, y] = item.transform as number[];
      runs.push({ page: number, x: x!, y: y!, width: item.width, size: size!, str: item.str });
    }
  }
  return runs;
}

/** What the analysis says the week's daily calcium from food is, as the report prints it. */
function expectedCalciumCell(): string {
  const diary = parseDiaryText(diaryText, 'examples/diary-week.json');
  if (!diary.ok) throw new Error(diary.error.message);
  const analysis = analyseDiary(diary.value, foods);
  if (!analysis.ok) throw new Error(analysis.error.message);
  return `${printAmount(analysis.value.average.calcium!.amount)} mg`;
}

describe('the clinician report', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'calcwise-report-'));
    db = join(dir, 'home.db');
    const store = await createSqliteStore(db);
    await seed(store);
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (args: string[]) => cliIn(dir, args);

  it('covers the logged week by default, in plain labels, with the findings of the one policy', async () => {
    const store = await createSqliteStore(db);
    try {
      const result = await buildReport({ store, foods, clock }, { owner: LOCAL_OWNER });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const report = result.value;
      expect(report.period).toEqual({
        from: '2026-11-16',
        to: '2026-11-22',
        days: 7,
        loggedDays: 7,
        entries: 120,
      });
      const profile = Object.fromEntries(report.profile!.map((r) => [r.label, r.value]));
      expect(profile.Conditions).toBe('Chronic kidney disease, stage 3b');
      expect(profile.Medications).toContain('warfarin (vitamin K antagonist)');
      expect(profile.Supplements).toContain('Vitamin K2 as MK-7 100 µg a day');
      expect(JSON.stringify(report.profile)).not.toMatch(/ckd-3b|"mk7|vitamin-d/);
      // The VKA finding is there, with its action and numbered sources.
      const vka = report.findings.find((f) => /warfarin|vitamin K antagonist/i.test(f.because));
      expect(vka).toBeDefined();
      expect(vka!.references.length).toBeGreaterThan(0);
      expect(report.references[vka!.references[0]! - 1]).toBeTruthy();
      expect(report.panel.map((r) => r.nutrient)).toContain('mk7');
      const k2 = report.panel.find((r) => r.nutrient === 'vitamin-k2')!;
      expect(k2.coverageBasis).toBeDefined();
      expect(report.coverage[0]).toContain('7 of the 7 days');
      expect(report.plan).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('`report --pdf` writes an A4 PDF whose text has the labels, a finding, a nutrient row and the disclaimer', async () => {
    const out = join(dir, 'report.pdf');
    const run = await cli(['report', '--pdf', out, '--db', db]);
    expect(run.stderr).toContain('wrote');
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const bytes = new Uint8Array(readFileSync(out));
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    expect(text).toContain('calcwise report for a clinician');
    expect(text).toContain('Diet from 2026-11-16 to 2026-11-22');
    expect(text).toContain('Chronic kidney disease, stage 3b');
    expect(text).toContain('warfarin (vitamin K antagonist)');
    expect(text).not.toMatch(/ckd-3b|vitamin-k2|\bmk7\b/);
    // A nutrient row: the name, then the week's daily calcium from food as the analysis has it.
    expect(text).toContain(`Calcium ${expectedCalciumCell()}`);
    expect(text).toContain('Vitamin K2 as MK-7');
    // A finding's message and its action, as the policy words them.
    const store = await createSqliteStore(db);
    const report = await buildReport({ store, foods, clock }, { owner: LOCAL_OWNER });
    await store.close();
    if (!report.ok) throw new Error(report.error.message);
    const first = report.value.findings[0]!;
    expect(text).toContain(collapse(first.message));
    expect(text).toContain(collapse(`What to do: ${first.action}`));
    // The cause, in words: a lab is named as its test is ("INR"), never by its id ("inr").
    expect(text).toContain(collapse(`Because of ${first.because}`));
    expect(text).toContain('Avoid (');
    expect(text).toContain(`[1] ${report.value.references[0]}`);
    expect(text).toContain('calcwise informs; it does not diagnose');
    expect(text).toContain('with your clinician');

    // As printed: A4, every line inside 10 mm margins, nothing smaller than 7.5 pt, and the
    // disclaimer at the foot of every page.
    const runs = await textRuns(bytes);
    const outside = runs.filter((r) => r.x < 28 || r.x + r.width > 595 - 28 || r.y < 26);
    expect(outside.map((r) => r.str)).toEqual([]);
    expect(Math.min(...runs.map((r) => r.size))).toBeGreaterThanOrEqual(7.5);
    const footers = runs.filter((r) => r.y < 60 && r.str.startsWith('calcwise informs'));
    expect(footers.map((r) => r.page)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
  });

  it('`report` refuses a date that does not exist with exit 2, naming the field', async () => {
    const out = join(dir, 'bad.pdf');
    const run = await cli(['report', '--pdf', out, '--db', db, '--from', '2026-02-30']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"from"');
    expect(existsSync(out)).toBe(false);
    const reversed = await cli([
      'report',
      '--pdf',
      out,
      '--db',
      db,
      '--from',
      '2026-11-22',
      '--to',
      '2026-11-16',
    ]);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain('"from"');
    const unwritable = await cli(['report', '--pdf', join(dir, 'missing', 'x.pdf'), '--db', db]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain('(field "pdf")');
  });

  it('fits an everyday profile on two pages, and shows the latest saved plan', async () => {
    const store = await createSqliteStore(':memory:');
    try {
      await seed(store);
      const omnivore = JSON.parse(
        readFileSync('examples/profile-omnivore-64f.json', 'utf8'),
      ) as Record<string, unknown>;
      const saved = await saveProfile({ store }, LOCAL_OWNER, omnivore);
      expect(saved.ok).toBe(true);
      await store.savePlan(LOCAL_OWNER, {
        request: { days: 1 },
        result: {
          status: 'optimal',
          days: [
            {
              day: 1,
              date: '2026-11-23',
              items: [
                { foodId: 'sr24:11233', name: 'Kale, raw', grams: 67, portion: '1 cup, chopped' },
                { foodId: 'sr24:16113', name: 'Natto', grams: 20, portion: '' },
              ],
            },
          ],
          supplements: [{ nutrient: 'vitamin-d', suggestedAmount: 10, unit: 'µg' }],
        },
      });
      const report = await buildReport({ store, foods, clock }, { owner: LOCAL_OWNER });
      if (!report.ok) throw new Error(report.error.message);
      expect(report.value.plan?.days).toEqual([
        { label: '2026-11-23', foods: ['Kale, raw, 1 cup, chopped', 'Natto, 20 g'] },
      ]);
      const bytes = await renderReportPdf(report.value);
      // The same report gives the same bytes (no clock or random id inside).
      expect(Buffer.from(await renderReportPdf(report.value)).equals(Buffer.from(bytes))).toBe(
        true,
      );
      const { pages, text } = await pdfText(bytes);
      expect(pages).toBeLessThanOrEqual(2);
      expect(text).toContain('64, female');
      expect(text).toContain('Latest saved plan');
      expect(text).toContain('2026-11-23: Kale, raw, 1 cup, chopped; Natto, 20 g');
      expect(text).toContain('Vitamin D 10 µg (to discuss with your clinician)');
      expect(text).toContain('No laboratory results are recorded');
    } finally {
      await store.close();
    }
  });

  it.each([
    ['a raised potassium', 5.1],
    ['a potassium in range', 4.6],
  ])(
    'fits warfarin, CKD 3b, a week and labs (INR, eGFR, %s) on two pages with nothing left out',
    async (_, potassium) => {
      const store = await createSqliteStore(':memory:');
      try {
        await seed(store);
        for (const lab of [
          { date: '2026-11-16', test: 'inr', value: 2.4, unit: 'ratio', low: 2, high: 3 },
          { date: '2026-11-19', test: 'inr', value: 2.9, unit: 'ratio', low: 2, high: 3 },
          { date: '2026-11-21', test: 'inr', value: 3.6, unit: 'ratio', low: 2, high: 3 },
          { date: '2026-11-17', test: 'egfr', value: 38, unit: 'mL/min/1.73m2' },
          { date: '2026-11-17', test: 'potassium', value: 4.8, unit: 'mmol/L', low: 3.5, high: 5 },
          {
            date: '2026-11-21',
            test: 'potassium',
            value: potassium,
            unit: 'mmol/L',
            low: 3.5,
            high: 5,
          },
        ]) {
          const added = await addLab({ store }, { owner: LOCAL_OWNER, lab });
          if (!added.ok) throw new Error(added.error.message);
        }
        const built = await buildReport({ store, foods, clock }, { owner: LOCAL_OWNER });
        if (!built.ok) throw new Error(built.error.message);
        const report = built.value;
        expect(report.findings.length).toBeGreaterThan(12);
        const bytes = await renderReportPdf(report);
        const { pages, text } = await pdfText(bytes);
        expect(pages).toBeLessThanOrEqual(2);

        // Every finding: its first sentence, its action and its cause; in full unless the page
        // says its severity was shortened, and the most serious always in full.
        const shortened = /Shortened to fit two pages: ([a-z, ]+) findings show their first/.exec(
          text,
        )?.[1];
        for (const finding of report.findings) {
          expect(text).toContain(printed(headline(finding.message)));
          expect(text).toContain(printed(`What to do: ${finding.action}`));
          expect(text).toContain(printed(`Because of ${finding.because}`));
          const label = finding.severity === 'info' ? 'information' : finding.severity;
          if (!shortened?.includes(label)) expect(text).toContain(printed(finding.message));
        }
        for (const finding of report.findings.filter((f) => f.severity === 'avoid')) {
          expect(text).toContain(printed(finding.message));
        }
        // Labs as one row a test, oldest first; intake vs targets; coverage; every source.
        expect(text).toContain('INR 2026-11-16: 2.4 · 2026-11-19: 2.9 · 2026-11-21: 3.6 HIGH');
        expect(text).toContain('eGFR 2026-11-17: 38');
        expect(text).toContain(
          `Serum potassium 2026-11-17: 4.8 · 2026-11-21: ${potassium}${potassium > 5 ? ' HIGH' : ''}`,
        );
        expect(text).toContain('Calcification panel: average daily intake vs targets');
        expect(text).toContain(`Calcium ${expectedCalciumCell()}`);
        for (const row of report.panel) expect(text).toContain(row.name);
        expect(text).toContain('Other intake vs targets');
        for (const row of report.other) expect(text).toContain(row.name);
        for (const line of report.coverage) expect(text).toContain(printed(line));
        report.references.forEach((reference, index) =>
          expect(text).toContain(printed(`[${index + 1}] ${reference}`)),
        );
        expect(text).toContain('No plan has been saved.');
        // Plain labels only: no condition, nutrient or lab ids.
        expect(text).not.toMatch(/\bckd-3[ab]\b|vitamin-k|vitamin-d|\bmk[47]\b|\b(inr|egfr)\b/);
        const runs = await textRuns(bytes);
        expect(Math.min(...runs.map((r) => r.size))).toBeGreaterThanOrEqual(7.5);
      } finally {
        await store.close();
      }
    },
  );

  it('without a profile still reports the intake, and says why there are no targets', async () => {
    const store = await createSqliteStore(':memory:');
    try {
      await store.addEntries(LOCAL_OWNER, [
        { date: '2026-11-20', food: 'sr24:11233', amount: 134, unit: 'g' },
      ]);
      const report = await buildReport({ store, foods, clock }, { owner: LOCAL_OWNER });
      if (!report.ok) throw new Error(report.error.message);
      expect(report.value.profile).toBeUndefined();
      expect(report.value.findings).toEqual([]);
      const k1 = report.value.panel.find((r) => r.nutrient === 'vitamin-k1')!;
      expect(k1.food).toBeGreaterThan(0);
      expect(k1.target).toBeUndefined();
      const { text } = await pdfText(await renderReportPdf(report.value));
      expect(text).toContain('No profile has been entered');
      expect(text).toContain(`Vitamin K1 (phylloquinone) ${printAmount(k1.food!)} µg`);
      expect(text).toContain('Fewer than three logged days');
    } finally {
      await store.close();
    }
  });

  it('shows labs by test and date, with a result outside the own range marked', async () => {
    const store = await createSqliteStore(db);
    try {
      // The store's own labs: the INR of the 21st is outside the range the person entered.
      for (const lab of [
        { date: '2026-11-21', test: 'inr', value: 3.6, unit: 'ratio', low: 2, high: 3 },
        { date: '2026-11-17', test: 'egfr', value: 38, unit: 'mL/min/1.73m2' },
        { date: '2026-11-16', test: 'inr', value: 2.4, unit: 'ratio', low: 2, high: 3 },
        { date: '2026-10-01', test: 'inr', value: 2.2, unit: 'ratio' },
      ]) {
        const added = await addLab({ store }, { owner: LOCAL_OWNER, lab });
        if (!added.ok) throw new Error(added.error.message);
      }
      const report = await buildReport({ store, foods, clock }, { owner: LOCAL_OWNER });
      if (!report.ok) throw new Error(report.error.message);
      // Only the period's results (16–22 November), by test then date.
      expect(report.value.labs!.map((l) => `${l.test} ${l.date}`)).toEqual([
        'eGFR 2026-11-17',
        'INR 2026-11-16',
        'INR 2026-11-21',
      ]);
      const { text } = await pdfText(await renderReportPdf(report.value));
      // One row a test, its results oldest first: the trend reads along the row.
      expect(text).toContain('INR 2026-11-16: 2.4 · 2026-11-21: 3.6 HIGH ratio 2-3 +1.2');
      expect(text).toContain('eGFR 2026-11-17: 38 mL/min/1.73m² - -');
      expect(text).not.toContain('No laboratory results');
    } finally {
      await store.close();
    }
  });

  it('GET /api/report.pdf answers application/pdf as documented, and 400 for a bad date', async () => {
    const store = await createSqliteStore(':memory:');
    try {
      await seed(store);
      const app = documentedApp(createApp({ store, foods, log: false, clock }));
      const response = await app.request('/api/report.pdf?from=2026-11-20&to=2026-11-22');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toContain(
        'calcwise-report-2026-11-20-to-2026-11-22.pdf',
      );
      const { text } = await pdfText(new Uint8Array(await response.arrayBuffer()));
      expect(text).toContain('Diet from 2026-11-20 to 2026-11-22 (3 logged of 3 days)');
      expect(text).toContain('Chronic kidney disease, stage 3b');
      const bad = await app.request('/api/report.pdf?from=2026-13-01');
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { field?: string } }).error.field).toBe('from');
    } finally {
      await store.close();
    }
  });
});
