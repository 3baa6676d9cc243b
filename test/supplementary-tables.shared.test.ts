/**
 * The curated supplementary tables (data/supplementary/*.csv): strict format, one chosen value
 * per food and nutrient, a source on every row, SR24 foods that exist, FoodData Central values
 * that match the official release, and plausible magnitudes.
 *
 * Reference data is read from the shared data folder beside the repository
 * ($CALCWISE_SHARED_DATA, default ../shared/data): SR24 extract and the FDC Foundation release.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FATTY_ACID_MAPPINGS, rebuildTable } from '../scripts/build-supplementary-fdc.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.CALCWISE_SHARED_DATA ?? path.resolve(repo, '../shared/data');
const fdcDir = path.join(shared, 'fdc/foundation_2024-10-31_foundation_only');
if (!existsSync(path.join(shared, 'sr24/sr24_foods.csv')) || !existsSync(fdcDir)) {
  throw new Error(
    `reference data not found under ${shared}: set CALCWISE_SHARED_DATA to the folder holding sr24/ and fdc/`,
  );
}
const FDC_LABEL = 'USDA FoodData Central Foundation Foods 2024-10-31';

const COLUMNS = [
  'food_id',
  'nutrient',
  'per100g',
  'min',
  'max',
  'role',
  'approximate',
  'label',
  'pmid',
  'doi',
  'fdc_id',
  'url',
  'note',
] as const;

/** FDC nutrient ids, checked against nutrient.csv below. */
const FDC_NUTRIENT = { mk4: '1183', epa: '1278', dha: '1272', dpa: '1280', ala: '1404' };

type Row = Record<(typeof COLUMNS)[number], string>;
type CsvObject = Record<string, string | undefined>;

/**
 * Strict RFC 4180: a quote may only open a field and must close before a separator; records
 * end with CRLF (the USDA files) or LF (the project's files); a lone CR is an error.
 */
function parseStrictCsv(text: string, file: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${file}: record ${records.length + 1}: ${why}`);
  };
  while (i < text.length) {
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) fail('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else {
          field += text[i];
          i += 1;
        }
      }
      if (text[i] === '\r' && text[i + 1] === '\n') i += 1;
      if (i < text.length && text[i] !== ',' && text[i] !== '\n') {
        fail('text after a closing quote');
      }
    }
    while (i < text.length && text[i] !== ',' && text[i] !== '\n') {
      if (text[i] === '"') fail('quote inside an unquoted field');
      if (text[i] === '\r' && text[i + 1] !== '\n') fail('carriage return outside a line end');
      if (text[i] !== '\r') field += text[i];
      i += 1;
    }
    record.push(field);
    field = '';
    if (text[i] === '\n' || i >= text.length) {
      records.push(record);
      record = [];
    }
    i += 1;
  }
  return records;
}

function readTable(name: string): Row[] {
  const file = path.join(repo, 'data/supplementary', name);
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('\n'), `${name} ends with a newline`).toBe(true);
  const [header, ...records] = parseStrictCsv(text.slice(0, -1), name);
  expect(header).toEqual(COLUMNS);
  return records.map((record, i) => {
    expect(record.length, `${name} line ${i + 2}: field count`).toBe(COLUMNS.length);
    return Object.fromEntries(COLUMNS.map((c, j) => [c, record[j] ?? ''])) as Row;
  });
}

function readCsvObjects(file: string): CsvObject[] {
  const [header, ...records] = parseStrictCsv(readFileSync(file, 'utf8').trimEnd(), file);
  return records.map((r) => Object.fromEntries((header ?? []).map((c, j) => [c, r[j] ?? ''])));
}

// menaquinones.csv has its own sources, rules and tests (test/menaquinones*.test.ts).
const tables = {
  'fatty-acids.csv': {
    rows: readTable('fatty-acids.csv'),
    nutrients: ['epa', 'dha', 'dpa', 'ala'],
  },
};
const allRows = [...tables['fatty-acids.csv'].rows];
const where = (r: Row): string => `${r.food_id} ${r.nutrient} (${r.label})`;
const key = (r: Row): string => `${r.food_id}|${r.nutrient}`;
const groups = new Map<string, Row[]>();
for (const r of allRows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
const chosen = allRows.filter((r) => r.role === 'chosen');
const chosenValue = (foodId: string, nutrient: string): number | undefined => {
  const r = chosen.find((c) => c.food_id === foodId && c.nutrient === nutrient);
  return r === undefined ? undefined : Number(r.per100g);
};
const DECIMAL = /^\d+(\.\d+)?$/;

describe('supplementary tables: format', () => {
  for (const [name, table] of Object.entries(tables)) {
    it(`${name} has rows with valid fields`, () => {
      expect(table.rows.length).toBeGreaterThan(10);
      for (const r of table.rows) {
        expect(r.food_id, where(r)).toMatch(/^sr24:\d{5}$/);
        expect(table.nutrients, where(r)).toContain(r.nutrient);
        expect(r.per100g, where(r)).toMatch(DECIMAL);
        expect(['chosen', 'alternative'], where(r)).toContain(r.role);
        expect(['0', '1'], where(r)).toContain(r.approximate);
        expect(r.label.trim(), where(r)).not.toBe('');
        if (r.pmid) expect(r.pmid, where(r)).toMatch(/^\d{1,9}$/);
        if (r.doi) expect(r.doi, where(r)).toMatch(/^10\.\d{4,9}\/\S+$/);
        if (r.fdc_id) expect(r.fdc_id, where(r)).toMatch(/^\d+$/);
        if (r.url) expect(r.url, where(r)).toMatch(/^https?:\/\/\S+$/);
        expect(r.pmid || r.doi || r.fdc_id || r.url, `${where(r)}: a source id`).not.toBe('');
        expect(r.min === '', `${where(r)}: min and max come together`).toBe(r.max === '');
      }
    });
  }

  it('an exact literature value carries a PMID or DOI; an approximate one says why', () => {
    for (const r of allRows.filter((row) => row.fdc_id === '')) {
      if (r.approximate === '0') expect(r.pmid || r.doi, where(r)).not.toBe('');
      else expect(r.note.length, where(r)).toBeGreaterThan(20);
    }
  });
});

describe('supplementary tables: chosen values and ranges', () => {
  it('has exactly one chosen row per food and nutrient', () => {
    for (const [k, rows] of groups) {
      expect(rows.filter((r) => r.role === 'chosen').length, k).toBe(1);
    }
  });

  it('puts the range on the chosen row: every value kept for the food and nutrient', () => {
    for (const [k, rows] of groups) {
      const values = rows.map((r) => Number(r.per100g));
      const distinct = new Set(values).size > 1;
      for (const r of rows) {
        if (r.role === 'alternative' || !distinct) {
          expect([r.min, r.max], `${k}: no range`).toEqual(['', '']);
          continue;
        }
        expect(r.min, k).toMatch(DECIMAL);
        expect(r.max, k).toMatch(DECIMAL);
        expect(Number(r.min), k).toBe(Math.min(...values));
        expect(Number(r.max), k).toBe(Math.max(...values));
        expect(Number(r.per100g), k).toBeGreaterThanOrEqual(Number(r.min));
        expect(Number(r.per100g), k).toBeLessThanOrEqual(Number(r.max));
      }
    }
  });
});

describe('supplementary tables: SR24 foods', () => {
  const foods = readCsvObjects(path.join(shared, 'sr24/sr24_foods.csv'));
  const current = new Map(
    foods.filter((f) => f.in_sr24_index === '1').map((f) => [`sr24:${f.food_id}`, f.name]),
  );

  it('attaches every row to a current SR24 food', () => {
    expect(current.size).toBeGreaterThan(7000);
    for (const r of allRows) expect(current.has(r.food_id), where(r)).toBe(true);
  });
});

describe('supplementary tables: FoodData Central rows', () => {
  const nutrients = readCsvObjects(path.join(fdcDir, 'nutrient.csv'));
  const fdcFoods = new Map(readCsvObjects(path.join(fdcDir, 'food.csv')).map((f) => [f.fdc_id, f]));
  const amounts = new Map(
    readCsvObjects(path.join(fdcDir, 'food_nutrient.csv')).map((r) => [
      `${r.fdc_id}:${r.nutrient_id}`,
      r.amount,
    ]),
  );
  const fdcRows = allRows.filter((r) => r.fdc_id !== '');

  it('uses the FDC nutrient ids the release defines', () => {
    const byId = new Map(nutrients.map((n) => [n.id, n]));
    expect(byId.get(FDC_NUTRIENT.mk4)?.name).toBe('Vitamin K (Menaquinone-4)');
    expect(byId.get(FDC_NUTRIENT.mk4)?.unit_name).toBe('UG');
    expect(byId.get(FDC_NUTRIENT.epa)?.name).toBe('PUFA 20:5 n-3 (EPA)');
    expect(byId.get(FDC_NUTRIENT.dha)?.name).toBe('PUFA 22:6 n-3 (DHA)');
    expect(byId.get(FDC_NUTRIENT.dpa)?.name).toBe('PUFA 22:5 n-3 (DPA)');
    expect(byId.get(FDC_NUTRIENT.ala)?.name).toBe('PUFA 18:3 n-3 c,c,c (ALA)');
    for (const id of [FDC_NUTRIENT.epa, FDC_NUTRIENT.dha, FDC_NUTRIENT.dpa, FDC_NUTRIENT.ala]) {
      expect(byId.get(id)?.unit_name).toBe('G');
    }
  });

  it('matches the Foundation release value of the analysed food', () => {
    expect(fdcRows.length).toBeGreaterThan(30);
    for (const r of fdcRows) {
      expect(r.label, where(r)).toBe(FDC_LABEL);
      expect(r.approximate, where(r)).toBe('0');
      expect(fdcFoods.get(r.fdc_id)?.data_type, where(r)).toBe('foundation_food');
      const fdcNutrient = FDC_NUTRIENT[r.nutrient as keyof typeof FDC_NUTRIENT];
      const amount = amounts.get(`${r.fdc_id}:${fdcNutrient}`);
      expect(amount, `${where(r)}: FDC has a value`).toMatch(/^[\d.]+(E-?\d+)?$/i);
      expect(Number(r.per100g), where(r)).toBeCloseTo(Number(amount), 9);
    }
  });

  it('is exactly what the build script derives from the release', () => {
    for (const [name, mappings] of [['fatty-acids.csv', FATTY_ACID_MAPPINGS]] as const) {
      const file = path.join(repo, 'data/supplementary', name);
      expect(rebuildTable(file, mappings, fdcDir), name).toBe(readFileSync(file, 'utf8'));
    }
  });
});

describe('supplementary tables: plausibility', () => {
  it('keeps fish and seafood EPA + DHA at or below 5 g/100 g', () => {
    const fish = new Set(
      chosen.filter((r) => r.food_id.startsWith('sr24:15')).map((r) => r.food_id),
    );
    expect(fish.size).toBeGreaterThan(15);
    for (const id of fish) {
      const sum = (chosenValue(id, 'epa') ?? 0) + (chosenValue(id, 'dha') ?? 0);
      expect(sum, id).toBeLessThanOrEqual(5);
    }
  });

  it('stays within twice the omega-3 total SR24 gives for the same food (unit check)', () => {
    const csv = gunzipSync(
      readFileSync(path.join(shared, 'sr24/sr24_nutrients.csv.gz')),
    ).toString();
    const total = new Map<string, number>();
    for (const line of csv.split(/\r?\n/)) {
      const m = /^(\d{5}),.*,Omega-3,(?:"[^"]*"|[^,]*),([\d.]+),g$/.exec(line);
      if (m?.[1] && m[2]) total.set(`sr24:${m[1]}`, Number(m[2]));
    }
    expect(total.size).toBeGreaterThan(1000);
    const foods = new Set(tables['fatty-acids.csv'].rows.map((r) => r.food_id));
    let compared = 0;
    for (const id of foods) {
      const sr24 = total.get(id);
      if (sr24 === undefined) continue;
      const sum = ['epa', 'dha', 'dpa', 'ala'].reduce((s, n) => s + (chosenValue(id, n) ?? 0), 0);
      expect(sum, id).toBeLessThanOrEqual(2 * sr24 + 0.35);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(30);
  });
});
