import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importCronometer,
  trackerMeal,
  type ImportReport,
  type ReviewFile,
} from '../src/app/import-cronometer.js';
import { loadStoredDiary } from '../src/app/stored-diary.js';
import { analyzeDiary, resolveDiary } from '../src/core/analysis/index.js';
import { nutrientPer100g, type Food } from '../src/core/foods.js';
import type { NutrientId } from '../src/core/nutrients.js';
import { loadFoods } from '../src/cli/commands/foods.js';
import { runCli } from '../src/cli/main.js';
import { createSqliteStore, type Store } from '../src/store/index.js';
import { TRACKER_HEADERS } from './support/tracker-headers.js';

const foods = loadFoods();
const deps = (store: Store) => ({ store, foods: foods.index, search: foods.search });

/** The columns calcwise reads, with the factor from the file's unit to calcwise's. */
const READ: Record<string, [NutrientId, number]> = {
  'Energy (kcal)': ['energy', 1],
  'Protein (g)': ['protein', 1],
  'Fat (g)': ['fat', 1],
  'Saturated (g)': ['saturated-fat', 1],
  'Carbs (g)': ['carbohydrate', 1],
  'Fiber (g)': ['fiber', 1],
  'Sugars (g)': ['sugars', 1],
  'Added Sugars (g)': ['added-sugars', 1],
  'Calcium (mg)': ['calcium', 1],
  'Magnesium (mg)': ['magnesium', 1],
  'Phosphorus (mg)': ['phosphorus', 1],
  'Potassium (mg)': ['potassium', 1],
  'Sodium (mg)': ['sodium', 1],
  'Vitamin C (mg)': ['vitamin-c', 1],
  'Vitamin D (IU)': ['vitamin-d', 1 / 40],
  'Vitamin K (µg)': ['vitamin-k1', 1],
  'Omega-3 (g)': ['omega-3', 1],
  'ALA (g)': ['ala', 1],
  'DHA (g)': ['dha', 1],
  'EPA (g)': ['epa', 1],
};

/** Not an observed header: the 2026 daily summary's nutrients in the servings layout. */
const SERVINGS_2026 = `Day,Time,Group,Food Name,Amount,${TRACKER_HEADERS.daily2026_64.split(',').slice(1, -1).join(',')},Category`;

const SERVINGS_LAYOUTS: Record<string, string> = {
  servings2012_52: TRACKER_HEADERS.servings2012_52,
  servings2020_61: TRACKER_HEADERS.servings2020_61,
  servings2023_73: TRACKER_HEADERS.servings2023_73,
  servings2025_57: TRACKER_HEADERS.servings2025_57,
  servings2026_constructed: SERVINGS_2026,
};

interface ServingRow {
  date: string;
  name: string;
  amount: string;
  /** Cell text by header; absent headers are empty cells. */
  cells: Record<string, string>;
}

const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

function servingsCsv(header: string, rows: ServingRow[]): string {
  const columns = header.split(',');
  const lines = rows.map((row) =>
    columns
      .map((column) => {
        if (column === 'Day') return row.date;
        if (column === 'Time') return '9:00 AM';
        if (column === 'Group') return '"Breakfast"';
        if (column === 'Food Name') return `"${row.name.replace(/"/g, '""')}"`;
        if (column === 'Amount') return `"${row.amount}"`;
        if (column === 'Category') return '"Test"';
        return quote(row.cells[column] ?? '');
      })
      .join(','),
  );
  return `${[header, ...lines].join('\n')}\n`;
}

/** A row whose values are the food's at `grams`, rounded as Cronometer rounds (2 decimals). */
function rowFromFood(header: string, food: Food, grams: number, date: string): ServingRow {
  const cells: Record<string, string> = {};
  for (const column of header.split(',')) {
    const read = READ[column];
    if (!read) continue;
    const known = nutrientPer100g(food, read[0]);
    if (known) cells[column] = ((known.per100g * grams) / 100 / read[1]).toFixed(2);
  }
  return { date, name: food.name, amount: `${grams.toFixed(2)} g`, cells };
}

const bytes = (text: string) => new TextEncoder().encode(text);

/** Sum of each read column per day, converted to calcwise's units. */
function fileSums(
  header: string,
  rows: ServingRow[],
): Map<string, Partial<Record<NutrientId, number>>> {
  const sums = new Map<string, Partial<Record<NutrientId, number>>>();
  for (const row of rows) {
    const [y, m, d] = row.date.includes('/')
      ? [row.date.split('/')[2], row.date.split('/')[0], row.date.split('/')[1]]
      : row.date.split('-');
    const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    const day = sums.get(iso) ?? {};
    for (const column of header.split(',')) {
      const read = READ[column];
      const cell = row.cells[column];
      if (!read || cell === undefined || cell === '') continue;
      day[read[0]] = (day[read[0]] ?? 0) + Number(cell) * read[1];
    }
    sums.set(iso, day);
  }
  return sums;
}

async function storedDayTotals(store: Store) {
  const { diary, foods: index } = await loadStoredDiary({ store, foods: foods.index }, 'local');
  const resolved = resolveDiary(diary, index);
  if (!resolved.ok) throw new Error(resolved.error.message);
  return new Map(analyzeDiary(resolved.value).days.map((d) => [d.date, d.totals]));
}

const kale = foods.index.get('sr24:11233')!;
const tallow = foods.index.get('sr24:04520')!;
const salmon = foods.index.get('sr24:15236')!;

describe('Cronometer servings import, every observed header layout', () => {
  for (const [layout, header] of Object.entries(SERVINGS_LAYOUTS)) {
    it(`${layout}: matches what the food data reproduces, keeps the rest as own food`, async () => {
      const store = await createSqliteStore(':memory:');
      const rows: ServingRow[] = [
        rowFromFood(header, tallow, 7, '2020-07-15'),
        rowFromFood(header, salmon, 150, '2020-07-15'),
        {
          date: '2020-07-16',
          name: 'Collagen + protein',
          amount: '1.00 full recipe',
          cells: { 'Energy (kcal)': '170.00', 'Protein (g)': '39.00', 'Calcium (mg)': '100.00' },
        },
        {
          date: '2020-07-16',
          name: 'Gardenia, Enriched White Bread',
          amount: '2.00 x 2.0 slices',
          cells: { 'Energy (kcal)': '300.00', 'Sodium (mg)': '500.00', 'Carbs (g)': '62.40' },
        },
      ];
      const result = await importCronometer(deps(store), {
        owner: 'local',
        file: `${layout}.csv`,
        bytes: bytes(servingsCsv(header, rows)),
      });
      expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
      if (!result.ok) return;
      const report = result.value;
      expect(report.layout).toBe('cronometer-servings');
      expect(report.matched.map((m) => m.food)).toEqual(['sr24:04520', 'sr24:15236']);
      const own = [...report.ownFood, ...report.ambiguous];
      expect(own.map((o) => o.name).sort()).toEqual([
        'Collagen + protein',
        'Gardenia, Enriched White Bread',
      ]);
      expect(report.rejected).toEqual([]);
      expect(report.stored).toMatchObject({ entries: 4, foods: 2 });

      const custom = await store.listCustomFoods('local');
      const collagen = custom.find((f) => f.name === 'Collagen + protein')!;
      expect(collagen.nutrients.protein?.source).toMatchObject({
        label: 'Cronometer export',
        record: `${layout}.csv, line 4`,
      });
      expect(collagen.portions).toEqual([{ name: 'full recipe', amount: 1, grams: 100 }]);
      const bread = (await store.listEntries('local')).find((e) => e.unit === 'x 2.0 slices')!;
      expect(bread.amount).toBe(2);

      const totals = await storedDayTotals(store);
      expect(totals.get('2020-07-16')?.energy?.amount).toBeCloseTo(470, 9);
      expect(totals.get('2020-07-16')?.protein?.amount).toBeCloseTo(39, 9);
      // The matched salmon's K forms and omega-3 come from the food data.
      expect(totals.get('2020-07-15')?.energy?.amount).toBeCloseTo(
        Number(rows[0]!.cells['Energy (kcal)']) + Number(rows[1]!.cells['Energy (kcal)']),
        1,
      );
      await store.close();
    });
  }

  it('reads vitamin D in IU as µg, and dates as YYYY-MM-DD, unpadded or M/D/YYYY', async () => {
    const store = await createSqliteStore(':memory:');
    const header = TRACKER_HEADERS.servings2023_73;
    const rows: ServingRow[] = ['2023-09-17', '2023-9-18', '9/19/2023'].map((date) => ({
      date,
      name: 'Vitamin D3 drops',
      amount: '1.00 drop',
      cells: { 'Energy (kcal)': '0.00', 'Vitamin D (IU)': '1000.00' },
    }));
    const result = await importCronometer(deps(store), {
      owner: 'local',
      file: 'd.csv',
      bytes: bytes(servingsCsv(header, rows)),
    });
    expect(result.ok).toBe(true);
    const totals = await storedDayTotals(store);
    expect([...totals.keys()]).toEqual(['2023-09-17', '2023-09-18', '2023-09-19']);
    expect(totals.get('2023-09-19')?.['vitamin-d']?.amount).toBeCloseTo(25, 9);
    await store.close();
  });

  it('rejects rows it cannot log, with the line and the reason, and imports the rest', async () => {
    const store = await createSqliteStore(':memory:');
    const header = TRACKER_HEADERS.servings2025_57;
    const rows: ServingRow[] = [
      {
        date: '2025-06-21',
        name: 'Main',
        amount: '1.00 full recipe',
        cells: { 'Energy (kcal)': '930.08' },
      },
      { date: '2025-06-21', name: 'Nothing', amount: '0.00 g', cells: { 'Energy (kcal)': '0.00' } },
      { date: '2025-06-21', name: 'No values', amount: '1.00 cup', cells: {} },
      { date: '2025-06-21', name: 'Odd', amount: 'some', cells: { 'Energy (kcal)': '5.00' } },
    ];
    const result = await importCronometer(deps(store), {
      owner: 'local',
      file: 'r.csv',
      bytes: bytes(servingsCsv(header, rows)),
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rejected.map((r) => r.line)).toEqual([3, 4, 5]);
    expect(result.value.rejected[2]?.reason).toMatch(/no number/);
    expect((await store.listEntries('local')).length).toBe(1);
    await store.close();
  });

  it('re-importing the same file replaces its rows instead of doubling them', async () => {
    const store = await createSqliteStore(':memory:');
    const header = TRACKER_HEADERS.servings2020_61;
    const csv = bytes(servingsCsv(header, [rowFromFood(header, kale, 67, '2020-07-15')]));
    await importCronometer(deps(store), { owner: 'local', file: 'k.csv', bytes: csv });
    const again = await importCronometer(deps(store), {
      owner: 'local',
      file: 'k.csv',
      bytes: csv,
    });
    if (!again.ok) throw new Error(again.error.message);
    expect(again.value.stored).toMatchObject({ entries: 1, replacedEntries: 1 });
    expect((await store.listEntries('local')).length).toBe(1);
    await store.close();
  });

  it('a review file accepted with a candidate relinks the rows and the report shows the change', async () => {
    const store = await createSqliteStore(':memory:');
    const header = TRACKER_HEADERS.servings2020_61;
    // Newer kale values (35 kcal/100 g) than SR24's (50): a similar name, values that differ.
    const csv = bytes(
      servingsCsv(header, [
        {
          date: '2020-07-15',
          name: 'Kale, Raw',
          amount: '33.00 g',
          cells: { 'Energy (kcal)': '11.55', 'Vitamin K (µg)': '128.57', 'Calcium (mg)': '83.82' },
        },
      ]),
    );
    const first = await importCronometer(deps(store), {
      owner: 'local',
      file: 'k.csv',
      bytes: csv,
    });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.ambiguous[0]?.candidates[0]?.id).toBe('sr24:11233');
    expect(first.value.totals.find((t) => t.nutrient === 'energy')?.difference).toBeCloseTo(0, 9);

    const review: ReviewFile = structuredClone(first.value.review);
    review.items[0]!.use = 'sr24:11233';
    const second = await importCronometer(deps(store), {
      owner: 'local',
      file: 'k.csv',
      bytes: csv,
      mapping: review,
    });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.matched[0]).toMatchObject({ food: 'sr24:11233', use: 'sr24:11233' });
    const energy = second.value.totals.find((t) => t.nutrient === 'energy')!;
    expect(energy.changedByMapping).toBe(true);
    expect(energy.imported).toBeCloseTo(16.5, 6);
    const entries = await store.listEntries('local');
    expect(entries).toMatchObject([{ food: 'sr24:11233', amount: 33, unit: 'g' }]);
    await store.close();
  });

  it('a review file naming an unknown food is bad input and stores nothing', async () => {
    const store = await createSqliteStore(':memory:');
    const header = TRACKER_HEADERS.servings2020_61;
    const csv = bytes(servingsCsv(header, [rowFromFood(header, kale, 67, '2020-07-15')]));
    const result = await importCronometer(deps(store), {
      owner: 'local',
      file: 'k.csv',
      bytes: csv,
      mapping: {
        format: 'calcwise-import-review',
        version: 1,
        file: 'k.csv',
        importId: 'x',
        items: [
          {
            name: 'Kale, raw',
            unit: 'g',
            rows: 1,
            firstLine: 2,
            status: 'matched',
            food: 'sr24:11233',
            foodName: '',
            candidates: [],
            use: 'sr24:99999',
          },
        ],
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({ code: 'UNKNOWN_FOOD', location: 'items[0].use' });
    expect(await store.listEntries('local')).toEqual([]);
    await store.close();
  });
});

describe('totals invariant (property)', () => {
  const knownFoods = [
    'sr24:04520',
    'sr24:15236',
    'sr24:11233',
    'sr24:01077',
    'sr24:02030',
    'sr24:09236',
  ].map((id) => foods.index.get(id)!);
  const cell = fc.oneof(
    fc.constant(''),
    fc.integer({ min: 0, max: 500_000 }).map((n) => (n / 100).toFixed(2)),
  );
  const ownRow = (header: string) =>
    fc.record({
      name: fc.constantFrom(
        'Grandma soup',
        'Protein bar, brand X',
        'Kale, Raw',
        'Main',
        'Mystery "dish", large',
      ),
      quantity: fc.integer({ min: 1, max: 500 }).map((n) => n / 4),
      unit: fc.constantFrom('g', 'cup', 'full recipe', 'x 2.0 slices', 'serving'),
      values: fc.tuple(
        ...header
          .split(',')
          .filter((c) => READ[c])
          .map(() => cell),
      ),
    });

  it("for every nutrient both track, each imported day totals the file's column sums", async () => {
    let matchedSeen = 0;
    let ownSeen = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(SERVINGS_LAYOUTS)),
        fc.array(
          fc.record({
            day: fc.constantFrom('2024-01-01', '2024-1-2', '1/3/2024'),
            known: fc.option(
              fc.record({
                food: fc.constantFrom(...knownFoods),
                grams: fc.integer({ min: 1, max: 40_000 }).map((g) => g / 100),
              }),
              { nil: undefined },
            ),
            seed: fc.nat(),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (layout, specs) => {
          const header = SERVINGS_LAYOUTS[layout]!;
          const readColumns = header.split(',').filter((c) => READ[c]);
          const own = fc.sample(ownRow(header), { numRuns: specs.length, seed: specs[0]!.seed });
          const rows: ServingRow[] = specs.map((spec, i) => {
            if (spec.known) return rowFromFood(header, spec.known.food, spec.known.grams, spec.day);
            const o = own[i]!;
            const cells: Record<string, string> = {};
            readColumns.forEach((c, k) => (cells[c] = o.values[k] ?? ''));
            if (cells['Energy (kcal)'] === '') cells['Energy (kcal)'] = '1.00';
            return {
              date: spec.day,
              name: o.name,
              amount: `${o.quantity.toFixed(2)} ${o.unit}`,
              cells,
            };
          });
          const store = await createSqliteStore(':memory:');
          try {
            const result = await importCronometer(deps(store), {
              owner: 'local',
              file: 'p.csv',
              bytes: bytes(servingsCsv(header, rows)),
            });
            if (!result.ok) throw new Error(result.error.message);
            expect(result.value.rejected).toEqual([]);
            matchedSeen += result.value.matched.length;
            ownSeen += result.value.ownFood.length + result.value.ambiguous.length;
            const totals = await storedDayTotals(store);
            const matchedRows = new Set(result.value.matched.flatMap((m) => [m.name]));
            for (const [day, sums] of fileSums(header, rows)) {
              for (const [nutrient, sum] of Object.entries(sums) as [NutrientId, number][]) {
                // Matched rows agree within the match tolerance (2 % or 0.02 per row).
                const slack = rows
                  .filter((r) => matchedRows.has(r.name))
                  .reduce((s, r) => {
                    const column = Object.keys(READ).find((c) => READ[c]![0] === nutrient)!;
                    const v = Math.abs(Number(r.cells[column] ?? 0)) * (READ[column]?.[1] ?? 1);
                    return s + Math.max(0.02, 0.02 * v);
                  }, 0);
                const got = totals.get(day)?.[nutrient]?.amount ?? 0;
                expect(Math.abs(got - sum), `${day} ${nutrient}`).toBeLessThanOrEqual(
                  slack + 1e-9 * Math.max(1, sum) + 1e-6,
                );
              }
            }
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 40 },
    );
    // Both paths were exercised: rows linked to the food data and rows kept as own food.
    expect(matchedSeen).toBeGreaterThan(10);
    expect(ownSeen).toBeGreaterThan(10);
  });
});

describe('Cronometer daily summaries and MyFitnessPal summaries', () => {
  it.each([
    ['daily2026_54', TRACKER_HEADERS.daily2026_54],
    ['daily2023_69', TRACKER_HEADERS.daily2023_69],
    ['daily2026_64', TRACKER_HEADERS.daily2026_64],
  ])('%s: day totals marked as totals without foods', async (_layout, header) => {
    const store = await createSqliteStore(':memory:');
    const columns = header.split(',');
    const line = (date: string, energy: string) =>
      columns
        .map((c) =>
          c === 'Date'
            ? date
            : c === 'Energy (kcal)'
              ? energy
              : c === 'Completed'
                ? 'false'
                : c === 'Vitamin D (IU)'
                  ? '400'
                  : c === 'EPA (g)'
                    ? '0.25'
                    : '',
        )
        .join(',');
    const csv = [header, line('1/27/2026', '2474.29'), line('2026-01-28', '2094.30')].join('\n');
    const result = await importCronometer(deps(store), {
      owner: 'local',
      file: 'daily.csv',
      bytes: bytes(csv),
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ layout: 'cronometer-daily', totalsOnly: true, days: 2 });
    const custom = await store.listCustomFoods('local');
    expect(custom.map((f) => f.group)).toEqual([
      'Day totals (Cronometer daily summary, no foods)',
      'Day totals (Cronometer daily summary, no foods)',
    ]);
    const totals = await storedDayTotals(store);
    expect(totals.get('2026-01-27')?.energy?.amount).toBeCloseTo(2474.29, 9);
    expect(totals.get('2026-01-28')?.['vitamin-d']?.amount).toBeCloseTo(10, 9);
    if (columns.includes('EPA (g)'))
      expect(totals.get('2026-01-28')?.epa?.amount).toBeCloseTo(0.25, 9);
    await store.close();
  });

  it.each([
    ['mfp2025_20', TRACKER_HEADERS.mfp2025_20],
    ['mfp2025_21', TRACKER_HEADERS.mfp2025_21],
  ])(
    '%s: meal totals for energy, macros, sodium, potassium; %DV columns not read',
    async (_l, header) => {
      const store = await createSqliteStore(':memory:');
      const columns = header.split(',');
      const values: Record<string, string> = {
        Date: '2015-05-19',
        Meal: 'Breakfast',
        Calories: '316',
        'Sodium (mg)': '430',
        Potassium: '610',
        Calcium: '25',
        'Vitamin A': '278.8',
      };
      const csv = `${header}\r\n${columns.map((c) => values[c] ?? '').join(',')}\r\n`;
      const result = await importCronometer(deps(store), {
        owner: 'local',
        file: 'mfp.csv',
        bytes: bytes(csv),
      });
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.layout).toBe('myfitnesspal-meals');
      expect(result.value.columns.ignored).toContainEqual({
        header: 'Calcium',
        reason: '% Daily Value, not an amount',
      });
      expect(result.value.unknown.join(' ')).toMatch(/vitamin-k1/);
      const totals = await storedDayTotals(store);
      expect(totals.get('2015-05-19')).toMatchObject({
        energy: { amount: 316 },
        sodium: { amount: 430 },
        potassium: { amount: 610 },
      });
      expect(totals.get('2015-05-19')?.calcium).toBeUndefined();
      await store.close();
    },
  );
});

describe('bad input: exit 2 naming file, line and column; the store unchanged', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'calcwise-import-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      cwd: dir,
      env: {},
    });
    return { code, stdout, stderr };
  }

  const header = TRACKER_HEADERS.servings2025_57;
  const good = servingsCsv(header, [rowFromFood(header, kale, 67, '2025-06-21')]);
  const cases: [string, Uint8Array | string, RegExp][] = [
    [
      'zip.csv',
      Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]),
      /zip\.csv: line 1: this is a zip archive/,
    ],
    [
      'utf16.csv',
      Uint8Array.from([0xff, 0xfe, ...[...'Day,Food'].flatMap((c) => [c.charCodeAt(0), 0])]),
      /utf16\.csv: line 1: the file is UTF-16/,
    ],
    [
      'semicolon.csv',
      header.replace(/,/g, ';') + '\n',
      /semicolon\.csv: line 1: the file is separated by semicolons/,
    ],
    [
      'truncated.csv',
      good.slice(0, good.length - 80),
      /truncated\.csv: line 2, column \d+: the record has \d+ of 57 cells/,
    ],
    [
      'unknown.csv',
      good.replace('Caffeine (mg)', 'Mood'),
      /unknown\.csv: line 1, column 7: unknown column "Mood"/,
    ],
    [
      'number.csv',
      good.replace('"1.00 cup"', '"1.00 cup"').replace(/,(\d+\.\d\d),/, ',abc,'),
      /number\.csv: line 2, column \d+: "abc" is not a number/,
    ],
    [
      'date.csv',
      good.replace('2025-06-21', '2025-13-40'),
      /date\.csv: line 2, column 1: "2025-13-40" is not a date/,
    ],
    [
      'biometrics.csv',
      'Day,Group,Metric,Unit,Amount\n2024-08-04,Uncategorized,"Weight",lbs,158.5\n',
      /biometrics export/,
    ],
  ];
  for (const [name, content, message] of cases) {
    it(name, async () => {
      const db = join(dir, `${name}.db`);
      // A first good import, so "unchanged" means something.
      writeFileSync(join(dir, 'good.csv'), good);
      expect((await cli(['import', 'cronometer', 'good.csv', '--db', db])).code).toBe(0);
      writeFileSync(join(dir, name), content);
      const run = await cli(['import', 'cronometer', name, '--db', db]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\bat \w+ \(/);
      const store = await createSqliteStore(db);
      expect((await store.listEntries('local')).length).toBe(1);
      await store.close();
    });
  }

  it('the CLI writes a review file and re-applies it with --mapping', async () => {
    const db = join(dir, 'review.db');
    writeFileSync(
      join(dir, 'kale.csv'),
      servingsCsv(header, [
        {
          date: '2025-06-21',
          name: 'Kale, Raw',
          amount: '33.00 g',
          cells: { 'Energy (kcal)': '11.55' },
        },
      ]),
    );
    const first = await cli([
      'import',
      'cronometer',
      'kale.csv',
      '--db',
      db,
      '--review',
      'review.json',
    ]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/ambiguous \(imported as own food\)\s+1\s+1/);
    const review = JSON.parse(readFileSync(join(dir, 'review.json'), 'utf8')) as ReviewFile;
    review.items[0]!.use = 'sr24:11233';
    writeFileSync(join(dir, 'review.json'), JSON.stringify(review));
    const second = await cli([
      'import',
      'cronometer',
      'kale.csv',
      '--db',
      db,
      '--mapping',
      'review.json',
      '--json',
    ]);
    expect(second.code).toBe(0);
    const report = JSON.parse(second.stdout) as ImportReport;
    expect(report.matched[0]?.food).toBe('sr24:11233');
    expect(report.stored).toMatchObject({ entries: 1, replacedEntries: 1, replacedFoods: 1 });
  });
});

describe('tracker groups become meal slots', () => {
  it('Breakfast, Lunch, Dinner and Snacks fill the slots; a group of the person’s own stays unassigned', async () => {
    const store = await createSqliteStore(':memory:');
    const csv = [
      'Day,Time,Group,Food Name,Amount,Energy (kcal),Calcium (mg)',
      '2026-11-20,7:30 AM,Breakfast,"House porridge","1.00 bowl",300,120',
      '2026-11-20,12:30 PM,Lunch,"House soup","1.00 bowl",250,80',
      '2026-11-20,7:00 PM,Dinner,"House stew","1.00 plate",600,90',
      '2026-11-20,4:00 PM,Snacks,"House biscuit","2.00 biscuit",120,10',
      '2026-11-20,9:00 AM,Drinks,"House tea","1.00 mug",5,2',
    ].join('\n');
    const result = await importCronometer(deps(store), {
      owner: 'local',
      file: 'servings.csv',
      bytes: bytes(csv),
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const entries = await store.listEntries('local');
    const foodsById = new Map((await store.listCustomFoods('local')).map((f) => [f.id, f.name]));
    const meals = Object.fromEntries(entries.map((e) => [foodsById.get(e.food), e.meal ?? null]));
    expect(meals).toEqual({
      'House porridge': 'breakfast',
      'House soup': 'lunch',
      'House stew': 'dinner',
      'House biscuit': 'snack',
      'House tea': null,
    });
    await store.close();
  });

  it('reads the names as trackers write them', () => {
    expect(
      ['Breakfast', ' LUNCH ', 'Supper', 'Snack', 'snacks', 'Staples', ''].map(trackerMeal),
    ).toEqual(['breakfast', 'lunch', 'dinner', 'snack', 'snack', undefined, undefined]);
    expect(trackerMeal(undefined)).toBeUndefined();
  });
});
