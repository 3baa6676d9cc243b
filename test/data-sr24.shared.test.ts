/**
 * The bundled SR24 data against the reference extract of the same Debian package
 * ($CALCWISE_SHARED_DATA, default ../shared/data: sr24/sr24_foods.csv, sr24_nutrients.csv.gz,
 * sr24_portions.csv), read here with its own small CSV reader, independent of the loader.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { amountToGrams, nutrientPer100g, type Food, type FoodIndex } from '../src/core/foods.js';
import type { NutrientId } from '../src/core/nutrients.js';
import { dataDir, loadFoodIndex, loadFoods } from '../src/data/load-foods.js';
import { SR24_FOOD_GROUPS } from '../src/data/food-groups.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.CALCWISE_SHARED_DATA ?? path.resolve(repo, '../shared/data');
const sr24Dir = path.join(shared, 'sr24');
if (!existsSync(path.join(sr24Dir, 'sr24_nutrients.csv.gz'))) {
  throw new Error(
    `reference data not found under ${shared}: set CALCWISE_SHARED_DATA to the folder holding sr24/`,
  );
}

/** One CSV line (RFC 4180 quoting, no line breaks inside fields: true of these files). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let cell = '';
      i += 1;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (line[i] === '"') {
          i += 1;
          break;
        } else {
          cell += line[i];
          i += 1;
        }
      }
      cells.push(cell);
      i += 1; // the comma
    } else {
      const end = line.indexOf(',', i);
      const stop = end === -1 ? line.length : end;
      cells.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return cells;
}

function readCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line !== '');
  const columns = splitCsvLine(header as string);
  return lines.map((line) => {
    const cells = splitCsvLine(line);
    return Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? '']));
  });
}

/** The reference nutrient names (cronometer XML names) and how calcwise reads them. */
const REFERENCE: Record<
  string,
  { id: NutrientId; unit: string; toCanonical: (x: number) => number }
> = {
  Energy: { id: 'energy', unit: 'kcal', toCanonical: (x) => x },
  Protein: { id: 'protein', unit: 'g', toCanonical: (x) => x },
  Fat: { id: 'fat', unit: 'g', toCanonical: (x) => x },
  Saturated: { id: 'saturated-fat', unit: 'g', toCanonical: (x) => x },
  Carbs: { id: 'carbohydrate', unit: 'g', toCanonical: (x) => x },
  Fiber: { id: 'fiber', unit: 'g', toCanonical: (x) => x },
  Sugars: { id: 'sugars', unit: 'g', toCanonical: (x) => x },
  Calcium: { id: 'calcium', unit: 'mg', toCanonical: (x) => x },
  Magnesium: { id: 'magnesium', unit: 'mg', toCanonical: (x) => x },
  Phosphorus: { id: 'phosphorus', unit: 'mg', toCanonical: (x) => x },
  Potassium: { id: 'potassium', unit: 'mg', toCanonical: (x) => x },
  Sodium: { id: 'sodium', unit: 'mg', toCanonical: (x) => x },
  'Vitamin C': { id: 'vitamin-c', unit: 'mg', toCanonical: (x) => x },
  'Vitamin D': { id: 'vitamin-d', unit: 'IU', toCanonical: (x) => x / 40 },
  'Vitamin K': { id: 'vitamin-k1', unit: 'µg', toCanonical: (x) => x },
  'Omega-3': { id: 'omega-3', unit: 'g', toCanonical: (x) => x },
};

interface Reference {
  currentIds: Set<string>;
  /** ndb → nutrient id → canonical amount, for current foods and mapped nutrients. */
  values: Map<string, Map<NutrientId, number>>;
  /** ndb → alanine (the reference's "ALA", SR 513). */
  alanine: Map<string, number>;
  portions: Map<string, { amount: number; name: string; grams: number }[]>;
}

let index: FoodIndex;
let reference: Reference;

beforeAll(() => {
  index = loadFoodIndex();
  const foods = readCsv(readFileSync(path.join(sr24Dir, 'sr24_foods.csv'), 'utf8'));
  const currentIds = new Set(
    foods.filter((f) => f.in_sr24_index === '1').map((f) => f.food_id as string),
  );
  const values = new Map<string, Map<NutrientId, number>>();
  const alanine = new Map<string, number>();
  const nutrientText = gunzipSync(
    readFileSync(path.join(sr24Dir, 'sr24_nutrients.csv.gz')),
  ).toString('utf8');
  for (const row of readCsv(nutrientText)) {
    const ndb = row.food_id as string;
    if (!currentIds.has(ndb)) continue;
    if (row.nutrient === 'ALA') alanine.set(ndb, Number(row.amount_per_100g));
    const mapping = REFERENCE[row.nutrient as string];
    if (!mapping) continue;
    expect(row.unit, `${ndb} ${row.nutrient}`).toBe(mapping.unit);
    const perFood = values.get(ndb) ?? new Map<NutrientId, number>();
    perFood.set(mapping.id, mapping.toCanonical(Number(row.amount_per_100g)));
    values.set(ndb, perFood);
  }
  const portions = new Map<string, { amount: number; name: string; grams: number }[]>();
  for (const row of readCsv(readFileSync(path.join(sr24Dir, 'sr24_portions.csv'), 'utf8'))) {
    const list = portions.get(row.food_id as string) ?? [];
    list[Number(row.seq) - 1] = {
      amount: Number(row.amount),
      name: row.measure as string,
      grams: Number(row.grams),
    };
    portions.set(row.food_id as string, list);
  }
  reference = { currentIds, values, alanine, portions };
}, 60_000);

function food(ndb: string): Food {
  const found = index.get(`sr24:${ndb}`);
  if (!found) throw new Error(`sr24:${ndb} not loaded`);
  return found;
}

function isSr24Value(f: Food, id: NutrientId): boolean {
  return f.nutrients[id]?.source.label === 'USDA SR24';
}

describe('bundled SR24 foods reproduce the reference extract', () => {
  it('holds every current SR24 food but the empty calculator entry 23999, and no deprecated one', () => {
    const loaded = new Set(
      loadFoods()
        .filter((f) => f.id.startsWith('sr24:'))
        .map((f) => f.id.slice(5)),
    );
    const expected = new Set([...reference.currentIds].filter((id) => id !== '23999'));
    expect(reference.currentIds.has('23999')).toBe(true);
    expect(loaded).toEqual(expected);
    expect(loaded.size).toBe(7906);
  });

  it('gives the SANITY_CHECKS values: kale K1, sockeye vitamin D in µg, butter sodium', () => {
    expect(food('11233').nutrients['vitamin-k1']?.per100g).toBe(817);
    expect(food('15086').nutrients['vitamin-d']?.per100g).toBeCloseTo(526 / 40, 12);
    expect(food('15086').nutrients['vitamin-d']?.per100g).toBeCloseTo(13.15, 12);
    expect(food('15086').nutrients['vitamin-d']?.source.note).toBe('converted from IU (÷40)');
    expect(food('01001').nutrients.sodium?.per100g).toBe(714);
    expect(food('01001').nutrients.energy?.per100g).toBe(717);
    expect(food('11457').nutrients['vitamin-k1']?.per100g).toBe(482.9);
    expect(food('01077').nutrients.calcium?.per100g).toBe(113);
    expect(food('16113').nutrients['vitamin-k1']?.per100g).toBe(23.1);
  });

  it('matches every mapped reference value, with the SR24 record as source', () => {
    let compared = 0;
    for (const [ndb, expected] of reference.values) {
      if (ndb === '23999') continue;
      const loaded = food(ndb);
      for (const [id, amount] of expected) {
        const value = loaded.nutrients[id];
        expect(value, `sr24:${ndb} ${id}`).toBeDefined();
        if (!isSr24Value(loaded, id)) throw new Error(`sr24:${ndb} ${id} is not the SR24 value`);
        expect(
          Math.abs((value?.per100g as number) - amount),
          `sr24:${ndb} ${id}`,
        ).toBeLessThanOrEqual(Math.abs(amount) * 1e-9);
        expect(value?.source.record).toBe(ndb);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(100_000);
  });

  it('has the same household portions, in order, with amount and grams as given', () => {
    for (const [ndb, expected] of reference.portions) {
      if (!reference.currentIds.has(ndb) || ndb === '23999') continue;
      expect(food(ndb).portions, `sr24:${ndb}`).toEqual(expected);
    }
    expect(food('15086').portions[0]).toEqual({ name: 'fillet', amount: 0.5, grams: 155 });
    expect(food('11233').portions).toEqual([{ name: 'cup, chopped', amount: 1, grams: 67 }]);
  });
});

describe('unknown is never zero', () => {
  it('leaves a nutrient absent wherever the XML had no element', () => {
    let absent = 0;
    for (const ndb of reference.currentIds) {
      if (ndb === '23999') continue;
      const loaded = food(ndb);
      const expected = reference.values.get(ndb) ?? new Map<NutrientId, number>();
      for (const { id } of Object.values(REFERENCE)) {
        if (expected.has(id)) continue;
        // A supplementary table may fill what SR24 lacks, never with an SR24 source.
        expect(isSr24Value(loaded, id), `sr24:${ndb} ${id}`).toBe(false);
        absent += 1;
      }
    }
    expect(absent).toBeGreaterThan(10_000);
  });

  it('has no vitamin D for farmed Atlantic salmon (15236) and no sugars for kale', () => {
    expect(food('15236').nutrients['vitamin-d']).toBeUndefined();
    expect(nutrientPer100g(food('15236'), 'vitamin-d')).toBeUndefined();
    expect(food('11233').nutrients.sugars).toBeUndefined();
  });

  it('keeps zeros the XML states (kale vitamin D 0.0)', () => {
    expect(food('11233').nutrients['vitamin-d']?.per100g).toBe(0);
  });

  it('has no SR24 value for what SR24 lacks: added sugars, EPA, DHA, DPA, ALA, menaquinones', () => {
    const lacking: NutrientId[] = [
      'added-sugars',
      'epa',
      'dha',
      'dpa',
      'ala',
      'mk4',
      'mk5',
      'mk6',
      'mk7',
      'mk8',
      'mk9',
      'mk10',
    ];
    for (const f of index.values()) {
      for (const id of lacking) expect(isSr24Value(f, id), `${f.id} ${id}`).toBe(false);
    }
  });
});

describe('"ALA" is alanine', () => {
  it('never becomes α-linolenic acid', () => {
    expect(reference.alanine.get('15086')).toBe(1.582);
    expect(reference.alanine.get('11233')).toBe(0.166);
    let checked = 0;
    for (const ndb of reference.alanine.keys()) {
      if (ndb === '23999') continue;
      const ala = food(ndb).nutrients.ala;
      if (ala) expect(ala.source.label, `sr24:${ndb}`).not.toBe('USDA SR24');
      checked += 1;
    }
    expect(checked).toBeGreaterThan(4500);
    expect(food('11233').nutrients.ala).toBeUndefined();
  });
});

describe('ids and groups', () => {
  it('gives every food an sr24:<5-digit NDB> id and one of the 25 SR24 food groups', () => {
    const groups = new Set(SR24_FOOD_GROUPS.values());
    for (const [id, f] of index) {
      expect(id).toMatch(/^sr24:\d{5}$/);
      expect(f.id).toBe(id);
      expect(groups.has(f.group), `${id} group "${f.group}"`).toBe(true);
      expect(f.name.trim()).not.toBe('');
    }
    expect(new Set([...index.values()].map((f) => f.group)).size).toBe(25);
  });

  it('files foods in their SR group, including those whose NDB prefix is not the group', () => {
    expect(food('11233').group).toBe('Vegetables and Vegetable Products');
    expect(food('01123').group).toBe('Dairy and Egg Products');
    expect(food('15086').group).toBe('Finfish and Shellfish Products');
    expect(food('16113').group).toBe('Legumes and Legume Products');
    expect(food('19002').name).toMatch(/^Snacks, beef jerky/);
    expect(food('19002').group).toBe('Snacks');
    expect(food('43278').group).toBe('Dairy and Egg Products');
    expect(food('23501').group).toBe('Beef Products');
    expect(food('80200').group).toBe('Finfish and Shellfish Products');
  });

  it('keeps the leading zero of the NDB number', () => {
    expect(index.has('sr24:01123')).toBe(true);
    expect(index.has('sr24:1123')).toBe(false);
  });
});

describe('loading', () => {
  it('resolves the data folder of the repository and caches the index', () => {
    expect(path.resolve(dataDir())).toBe(path.join(repo, 'data'));
    expect(loadFoodIndex()).toBe(index);
  });
});

describe('a two-day diary of real SR24 foods, by hand from the reference files', () => {
  const days: { food: string; amount: number; unit: string }[][] = [
    [
      { food: '11233', amount: 1, unit: 'cup, chopped' },
      { food: '15086', amount: 1, unit: 'fillet' },
      { food: '01001', amount: 1, unit: 'tbsp' },
      { food: '01123', amount: 2, unit: 'large' },
      { food: '09003', amount: 150, unit: 'g' },
    ],
    [
      { food: '16113', amount: 50, unit: 'g' },
      { food: '01009', amount: 1, unit: 'oz' },
      { food: '01077', amount: 1, unit: 'cup' },
      { food: '15236', amount: 0.25, unit: 'lb' },
      { food: '11233', amount: 0.5, unit: 'Cup, Chopped' },
    ],
  ];
  const nutrients: NutrientId[] = [
    'energy',
    'protein',
    'calcium',
    'sodium',
    'vitamin-d',
    'vitamin-k1',
    'omega-3',
    'sugars',
  ];
  const MASS_G: Record<string, number> = { g: 1, oz: 28.349523125, lb: 453.59237 };

  function gramsByHand(ndb: string, amount: number, unit: string): number {
    if (MASS_G[unit] !== undefined) return amount * MASS_G[unit];
    const portion = reference.portions
      .get(ndb)
      ?.find((p) => p.name.toLowerCase() === unit.toLowerCase());
    if (!portion) throw new Error(`no portion ${unit} for ${ndb}`);
    return (amount * portion.grams) / portion.amount;
  }

  it('agrees per nutrient, per day, with amountToGrams × nutrientPer100g', () => {
    for (const entries of days) {
      for (const nutrient of nutrients) {
        let byHand = 0;
        let knownByHand = 0;
        let computed = 0;
        let knownComputed = 0;
        for (const entry of entries) {
          const per100g = reference.values.get(entry.food)?.get(nutrient);
          if (per100g !== undefined) {
            byHand += (per100g * gramsByHand(entry.food, entry.amount, entry.unit)) / 100;
            knownByHand += 1;
          }
          const f = food(entry.food);
          const grams = amountToGrams(f, entry.amount, entry.unit);
          if (!grams.ok) throw new Error(grams.error.message);
          const value = nutrientPer100g(f, nutrient);
          if (value) {
            computed += (value.per100g * grams.value) / 100;
            knownComputed += 1;
          }
        }
        expect(knownComputed, nutrient).toBe(knownByHand);
        expect(computed, nutrient).toBeCloseTo(byHand, 9);
      }
    }
  });

  it('matches hand arithmetic for a few figures', () => {
    // Day 1 vitamin D: 1 fillet sockeye = 2 × 155 g at 526 IU/100 g; eggs 2 × 50 g at 82 IU.
    const sockeye = (526 / 40) * 3.1;
    const eggs = (82 / 40) * 1;
    const kale = 0; // kale states 0 IU
    const butter = (60 / 40) * 0.142; // 01001 vitamin D 60 IU
    expect(reference.values.get('01001')?.get('vitamin-d')).toBe(1.5);
    expect(reference.values.get('09003')?.get('vitamin-d')).toBe(0);
    const hand = sockeye + eggs + kale + butter;
    let computed = 0;
    for (const entry of days[0] ?? []) {
      const f = food(entry.food);
      const grams = amountToGrams(f, entry.amount, entry.unit);
      if (grams.ok)
        computed += ((nutrientPer100g(f, 'vitamin-d')?.per100g ?? NaN) * grams.value) / 100;
    }
    expect(computed).toBeCloseTo(hand, 9);
    expect(computed).toBeCloseTo(40.765 + 2.05 + 0.213, 9);
  });
});
