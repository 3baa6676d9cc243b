/**
 * Merging data/supplementary/*.csv into the SR24 foods: a fixture data folder in a temp dir,
 * and the shipped tables against SR24 alone.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nutrientPer100g, type Food, type FoodIndex } from '../src/core/foods.js';
import { MENAQUINONE_IDS, type NutrientId } from '../src/core/nutrients.js';
import { dataDir, loadFoodIndex } from '../src/data/load-foods.js';

const HEADER = 'food_id,nutrient,per100g,min,max,role,approximate,label,pmid,doi,fdc_id,url,note';
const dirs: string[] = [];

/** A data folder with the real SR24 tables and the given supplementary CSV files. */
function dataFolder(csvFiles: Record<string, string> | undefined): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'calcwise-data-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'sr24'));
  for (const file of ['foods.tsv', 'portions.tsv']) {
    copyFileSync(path.join(dataDir(), 'sr24', file), path.join(dir, 'sr24', file));
  }
  if (csvFiles) {
    mkdirSync(path.join(dir, 'supplementary'));
    for (const [name, text] of Object.entries(csvFiles)) {
      writeFileSync(path.join(dir, 'supplementary', name), text);
    }
  }
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function get(index: FoodIndex, id: string): Food {
  const food = index.get(id);
  if (!food) throw new Error(`${id} not loaded`);
  return food;
}

describe('a supplementary fixture', () => {
  let plain: FoodIndex;
  let merged: FoodIndex;

  beforeAll(() => {
    plain = loadFoodIndex(dataFolder(undefined));
    merged = loadFoodIndex(
      dataFolder({
        'k2.csv': [
          HEADER,
          'sr24:16113,mk7,939,850,1000,chosen,0,"Study A, 2007",,10.0000/fixture,,https://example.org/a,"Japan; ""itohiki"" natto"',
          'sr24:16113,mk7,1000,,,alternative,1,Secondary B,,,,https://example.org/b,per-portion figure',
          'sr24:16113,mk4,0,,,chosen,0,"Study A, 2007",,10.0000/fixture,,,',
          'sr24:11233,vitamin-k1,390,,,chosen,0,USDA FoodData Central Foundation Foods,,,323505,,"Kale, raw"',
        ].join('\n'),
      }),
    );
  });

  it('puts a chosen MK-7 row on the food, with range and its study source', () => {
    const mk7 = get(merged, 'sr24:16113').nutrients.mk7;
    expect(mk7?.per100g).toBe(939);
    expect(mk7?.range).toEqual({ min: 850, max: 1000 });
    expect(mk7?.approximate).toBeUndefined();
    expect(mk7?.source).toEqual({
      label: 'Study A, 2007',
      kind: 'study',
      doi: '10.0000/fixture',
      url: 'https://example.org/a',
      note: 'Japan; "itohiki" natto',
    });
    expect(get(plain, 'sr24:16113').nutrients.mk7).toBeUndefined();
  });

  it('puts an alternative row in alternatives, flagged approximate in its note', () => {
    expect(get(merged, 'sr24:16113').nutrients.mk7?.alternatives).toEqual([
      {
        per100g: 1000,
        source: {
          label: 'Secondary B',
          kind: 'study',
          url: 'https://example.org/b',
          note: 'approximate; per-portion figure',
        },
      },
    ]);
  });

  it('keeps a stated zero (MK-4 in natto) as a known 0 and derives K2 and K from it', () => {
    const natto = get(merged, 'sr24:16113');
    expect(natto.nutrients.mk4?.per100g).toBe(0);
    expect(nutrientPer100g(natto, 'vitamin-k2')?.per100g).toBe(939);
    expect(nutrientPer100g(natto, 'vitamin-k')?.per100g).toBeCloseTo(939 + 23.1, 9);
  });

  it('keeps SR24 as the value where SR24 has the nutrient; the row becomes an alternative', () => {
    const k1 = get(merged, 'sr24:11233').nutrients['vitamin-k1'];
    expect(k1?.per100g).toBe(817);
    expect(k1?.source.label).toBe('USDA SR24');
    expect(k1?.alternatives).toEqual([
      {
        per100g: 390,
        source: {
          label: 'USDA FoodData Central Foundation Foods',
          kind: 'dataset',
          dataset: 'USDA FoodData Central',
          record: '323505',
          note: 'Kale, raw',
        },
      },
    ]);
  });

  it('leaves every other SR24 value unchanged', () => {
    for (const [id, food] of plain) {
      const after = get(merged, id);
      for (const [nutrient, value] of Object.entries(food.nutrients)) {
        if (id === 'sr24:11233' && nutrient === 'vitamin-k1') continue;
        expect(after.nutrients[nutrient as NutrientId], `${id} ${nutrient}`).toEqual(value);
      }
      const added = Object.keys(after.nutrients).filter((n) => !(n in food.nutrients));
      expect(added, id).toEqual(id === 'sr24:16113' ? ['mk7', 'mk4'] : []);
    }
  });
});

describe('a defective supplementary file stops the load, naming file and line', () => {
  const cases: [string, string, RegExp][] = [
    [
      'unknown food',
      'sr24:99999,mk7,1,,,chosen,0,A,,,,https://x.org,',
      /bad\.csv:3: food_id: unknown food "sr24:99999"/,
    ],
    [
      'unknown nutrient',
      'sr24:16113,mk14,1,,,chosen,0,A,,,,https://x.org,',
      /bad\.csv:3: nutrient: unknown nutrient "mk14"/,
    ],
    [
      'bad number',
      'sr24:16113,mk7,about 900,,,chosen,0,A,,,,https://x.org,',
      /bad\.csv:3: per100g: not a non-negative number/,
    ],
    [
      'derived nutrient',
      'sr24:16113,vitamin-k2,900,,,chosen,0,A,,,,https://x.org,',
      /bad\.csv:3: nutrient: vitamin-k2 is derived/,
    ],
    [
      'two chosen',
      'sr24:16113,mk4,1,,,chosen,0,A,,,,https://x.org,',
      /bad\.csv:3: role: a second chosen mk4/,
    ],
  ];
  it.each(cases)('%s', (_name, row, message) => {
    const good = 'sr24:16113,mk4,0,,,chosen,0,A,,,,https://x.org,';
    const dir = dataFolder({ 'bad.csv': `${HEADER}\n${good}\n${row}\n` });
    expect(() => loadFoodIndex(dir)).toThrow(message);
  });
});

describe('the shipped supplementary tables', () => {
  it('change only menaquinones and EPA/DHA/DPA/ALA values; K1 and omega-3 gain alternatives at most', () => {
    const plain = loadFoodIndex(dataFolder(undefined));
    const shipped = loadFoodIndex();
    const addable = new Set<string>([
      ...MENAQUINONE_IDS,
      'dihydrophylloquinone',
      'epa',
      'dha',
      'dpa',
      'ala',
    ]);
    let added = 0;
    for (const [id, food] of plain) {
      const after = get(shipped, id);
      for (const [nutrient, value] of Object.entries(after.nutrients)) {
        const before = food.nutrients[nutrient as NutrientId];
        if (!before) {
          expect(addable.has(nutrient), `${id} ${nutrient}`).toBe(true);
          added += 1;
          continue;
        }
        const { alternatives, ...rest } = value;
        expect(rest, `${id} ${nutrient}`).toEqual(before);
        if (alternatives)
          expect(['vitamin-k1', 'omega-3'], `${id} ${nutrient}`).toContain(nutrient);
      }
    }
    expect(added).toBeGreaterThan(50);
    expect(get(shipped, 'sr24:16113').nutrients.mk7?.per100g).toBeGreaterThan(500);
  });
});
