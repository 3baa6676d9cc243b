import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nutrientPer100g, type Food } from '../core/foods.js';
import { MENAQUINONE_IDS } from '../core/nutrients.js';
import {
  FDC_NUTRIENT_MAP,
  importFdcCsv,
  parseFdcDate,
  type FdcImportResult,
} from './fdc-csv-import.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// USDA's own Foundation Foods test fixture, copied into the repo by scripts/build-test-fixtures.ts.
const fixture = path.join(repo, 'test/fixtures/fdc/foundation_2024-10-31_test_fixture');

function food(result: FdcImportResult, fdcId: string): Food {
  const found = result.foods.find((f) => f.id === `fdc:${fdcId}`);
  if (!found) throw new Error(`fdc:${fdcId} not imported`);
  return found;
}

describe('parseFdcDate', () => {
  it('reads ISO and M/D/YYYY dates and rejects impossible ones', () => {
    expect(parseFdcDate('2019-04-01')).toBe('2019-04-01');
    expect(parseFdcDate('7/19/2023')).toBe('2023-07-19');
    expect(parseFdcDate('2/30/2023')).toBeUndefined();
    expect(parseFdcDate('2023-13-01')).toBeUndefined();
    expect(parseFdcDate('19.07.2023')).toBeUndefined();
  });
});

describe('the official Foundation test fixture (16 foods)', () => {
  let result: FdcImportResult;
  beforeAll(async () => {
    result = await importFdcCsv(fixture, { release: 'Foundation Foods 2024-10-31' });
  });

  it('imports 15 foods: the older of the two "Broccoli, raw" records is reported, not kept', () => {
    expect(result.stats.foodsRead).toBe(16);
    expect(result.foods).toHaveLength(15);
    expect(result.stats.duplicates).toEqual([
      { description: 'Broccoli, raw', kept: '747447', dropped: ['321900'] },
    ]);
  });

  it('counts the food_nutrient row of nutrient 2066 (absent from nutrient.csv, no amount) as bad, not fatal', () => {
    expect(result.stats.badRowCount).toBe(1);
    expect(result.stats.badRows[0]).toMatchObject({
      file: 'food_nutrient.csv',
      reason: expect.stringMatching(/2066/),
    });
  });

  it('reads K1, MK-4, vitamin D in µg, EPA/DHA/DPA/ALA, with the FDC record as source', () => {
    const kale = food(result, '323505');
    expect(kale.name).toBe('Kale, raw');
    expect(kale.group).toBe('Vegetables and Vegetable Products');
    expect(kale.nutrients['vitamin-k1']?.per100g).toBe(390);
    expect(kale.nutrients['vitamin-k1']?.source).toMatchObject({
      kind: 'dataset',
      dataset: 'USDA FoodData Central',
      record: '323505',
      label: 'USDA FoodData Central Foundation Foods 2024-10-31',
    });
    expect(food(result, '328637').nutrients.mk4?.per100g).toBe(9.3);
    expect(food(result, '325992').nutrients.mk4?.per100g).toBe(36.6);
    const pollock = food(result, '333476');
    expect(pollock.nutrients['vitamin-d']?.per100g).toBe(0.2);
    expect(pollock.nutrients.epa?.per100g).toBe(0.049);
    expect(pollock.nutrients.dha?.per100g).toBe(0.116);
    expect(pollock.nutrients.dpa?.per100g).toBe(0.004);
    expect(pollock.nutrients.ala?.per100g).toBe(0.001);
    expect(food(result, '1750351').nutrients.epa?.per100g).toBe(0.000625); // "6.25E-4"
    expect(food(result, '2262075').nutrients.ala?.per100g).toBe(19.42);
  });

  it('takes energy from 1008, else Atwater specific 2048; unknown when the food has none', () => {
    expect(food(result, '323505').nutrients.energy?.per100g).toBe(35);
    expect(food(result, '2003602').nutrients.energy?.per100g).toBe(30.9734625);
    expect(food(result, '2003602').nutrients.energy?.source.note).toMatch(/2048/);
    expect(food(result, '790508').nutrients.energy).toBeUndefined();
  });

  it('reads dihydrophylloquinone (1184) as its own nutrient: a measured 0 is known, no row is unknown', () => {
    const kale = food(result, '323505');
    expect(kale.nutrients.dihydrophylloquinone).toMatchObject({
      per100g: 0,
      source: { record: '323505', note: 'FDC nutrient 1184' },
    });
    expect(kale.nutrients['vitamin-k1']?.per100g).toBe(390);
    // Flaxseed has a K1 row but no 1184 row.
    expect(food(result, '2262075').nutrients.dihydrophylloquinone).toBeUndefined();
    const withDk = result.foods.filter((f) => f.nutrients.dihydrophylloquinone !== undefined);
    expect(withDk).toHaveLength(9); // 10 foods have a row, one of them the dropped broccoli duplicate
  });

  it('has no menaquinone number beyond MK-4 (1183) to read: MK-5 to MK-13 stay unknown', () => {
    const menaquinoneRows = readFileSync(path.join(fixture, 'nutrient.csv'), 'utf8')
      .split('\n')
      .filter((line) => /menaquinone/i.test(line));
    expect(menaquinoneRows).toEqual(['"1183","Vitamin K (Menaquinone-4)","UG","428","8950.0"']);
    const mapped = [...FDC_NUTRIENT_MAP.keys()].filter((id) =>
      (MENAQUINONE_IDS as readonly string[]).includes(id),
    );
    expect(mapped).toEqual(['mk4']);
    for (const f of result.foods) {
      for (const id of MENAQUINONE_IDS.filter((m) => m !== 'mk4')) {
        expect(f.nutrients[id], `${f.id} ${id}`).toBeUndefined();
      }
    }
  });

  it('leaves absent nutrients unknown and has no omega-3 total', () => {
    const egg = food(result, '748967');
    expect(egg.nutrients['vitamin-k1']).toBeUndefined();
    expect(egg.nutrients['vitamin-d']?.per100g).toBe(2.46);
    for (const f of result.foods) expect(f.nutrients['omega-3']).toBeUndefined();
  });

  it('names portions from description, measure unit and modifier', () => {
    expect(food(result, '323505').portions).toEqual([
      { name: 'cup, pieces of ~1"', amount: 1, grams: 20.6 },
    ]);
    expect(food(result, '328637').portions).toEqual([
      { name: 'slice', amount: 1, grams: 17 },
      { name: 'shredded, cup', amount: 1, grams: 105 },
    ]);
  });
});

describe('traps of the full releases, in a small folder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'calcwise-fdc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, lines: string[]): void =>
    writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
  let result: FdcImportResult;

  beforeAll(async () => {
    write('nutrient.csv', [
      '"id","name","unit_name","nutrient_nbr","rank"',
      '"1008","Energy","KCAL","208","300.0"',
      '"1110","Vitamin D (D2 + D3), International Units","IU","324","8650.0"',
      '"1114","Vitamin D (D2 + D3)","UG","328","8700.0"',
      '"1185","Vitamin K (phylloquinone)","UG","430","8800.0"',
      '"1184","Vitamin K (Dihydrophylloquinone)","UG","429","8900.0"',
    ]);
    write('food.csv', [
      '"fdc_id","data_type","description","food_category_id","publication_date"',
      '"1","foundation_food","Fish, test, raw","15","7/19/2023"',
      '"2","sub_sample_food","fish, test","","7/21/2023"',
      '"3","foundation_food","Milk, test","1","19.07.2023"',
      '"x4","foundation_food","Broken id","1","2023-01-01"',
    ]);
    write('food_category.csv', [
      '"id","code","description"',
      '"15","1500","Finfish and Shellfish Products"',
    ]);
    write('food_nutrient.csv', [
      '"id","fdc_id","nutrient_id","amount","data_points","derivation_id","min","max","median","footnote","min_year_acquired"',
      '"10","1","1110","400.0","","","","","","",""',
      '"11","1","1185","","","","","","","",""',
      '"12","1","1008","120","","","","","","a footnote',
      'over two lines, with ""quotes""",""',
      '"13","3","1008","60","","","","","","",""',
      '"14","3","1008","61","","","","","","",""',
      '"15","3","2066","","","","","","","",""',
      '"16","2","1008","999","","","","","","",""',
      '"17","3","1184","1.4","","","","","","",""',
      '"18","3","1185","2.5","","","","","","",""',
    ]);
    result = await importFdcCsv(dir);
  });

  it('keeps foods, skips samples, and counts each bad row with file, line and reason', () => {
    expect(result.foods.map((f) => f.id)).toEqual(['fdc:1', 'fdc:3']);
    expect(result.stats.skippedDataTypes).toEqual({ sub_sample_food: 1 });
    expect(result.stats.badRows).toEqual([
      { file: 'food.csv', line: 4, reason: 'publication_date malformed: "19.07.2023"' },
      { file: 'food.csv', line: 5, reason: 'fdc_id malformed: "x4"' },
      {
        file: 'food_nutrient.csv',
        line: 3,
        reason: 'amount of nutrient 1185 missing or malformed: ""',
      },
      { file: 'food_nutrient.csv', line: 7, reason: 'nutrient 1008 twice for fdc 3' },
      { file: 'food_nutrient.csv', line: 8, reason: 'nutrient 2066 not in nutrient.csv' },
    ]);
    expect(result.stats.badRowCount).toBe(5);
  });

  it('converts vitamin D from IU when µg is absent, and reads a quoted field across lines', () => {
    const fish = result.foods[0] as Food;
    expect(fish.nutrients['vitamin-d']?.per100g).toBe(10);
    expect(fish.nutrients['vitamin-d']?.source.note).toMatch(/converted from IU/);
    expect(fish.nutrients.energy?.per100g).toBe(120);
    expect(fish.nutrients['vitamin-k1']).toBeUndefined();
    expect(fish.group).toBe('Finfish and Shellfish Products');
    expect((result.foods[1] as Food).nutrients.energy?.per100g).toBe(60);
  });

  it('keeps dihydrophylloquinone out of vitamin K1 and the vitamin K total', () => {
    const milk = result.foods[1] as Food;
    expect(milk.nutrients.dihydrophylloquinone?.per100g).toBe(1.4);
    expect(milk.nutrients['vitamin-k1']?.per100g).toBe(2.5);
    expect(nutrientPer100g(milk, 'vitamin-k')?.per100g).toBe(2.5);
  });

  it('fails on a missing table', async () => {
    await expect(importFdcCsv(path.join(dir, 'nowhere'))).rejects.toThrow(/nutrient\.csv/);
  });
});
