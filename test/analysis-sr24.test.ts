import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDiary, resolveDiary } from '../src/core/analysis/index.js';
import { loadFoodIndex } from '../src/data/load-foods.js';
import { parseDiaryCsv } from '../src/schemas/diary.js';

/**
 * A two-day diary of real SR24 foods, in grams, ounces and household portions, analysed with the
 * bundled data and compared with totals computed by hand from the SR24 extract
 * (test/fixtures/sr24: rows of sr24_nutrients.csv.gz per 100 g and sr24_portions.csv for these
 * foods, cut from the reference extract by scripts/build-test-fixtures.ts).
 */
const DIARY = `date,food,amount,unit
2026-11-20,sr24:11233,1,"cup, chopped"
2026-11-20,sr24:01009,30,g
2026-11-20,sr24:01129,1,large
2026-11-21,sr24:15237,0.5,fillet
2026-11-21,sr24:01079,1,cup
2026-11-21,sr24:01009,1,oz
`;

function analyse() {
  const diary = parseDiaryCsv(DIARY, 'two-days.csv');
  if (!diary.ok) throw new Error(diary.error.message);
  const resolved = resolveDiary(diary.value, loadFoodIndex(), { file: 'two-days.csv' });
  if (!resolved.ok) throw new Error(resolved.error.message);
  return analyzeDiary(resolved.value);
}

/** Per-100 g values from the SR24 extract, keyed "NDB|nutrient". */
function sr24Values(): Map<string, number> {
  const text = readFileSync(new URL('fixtures/sr24/sr24_nutrients.csv', import.meta.url), 'utf8');
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^(\d{5}),(?:"[^"]*"|[^,]*),([^,]+),(?:"[^"]*"|[^,]*),([^,]+),/.exec(line);
    if (match) values.set(`${match[1]}|${match[2]}`, Number(match[3]));
  }
  return values;
}

describe('analysis of real SR24 foods against hand-computed totals', () => {
  const analysis = analyse();
  const [day1, day2] = analysis.days;
  const sr24 = sr24Values();

  it('uses the SR24 values and portions the hand computation uses', () => {
    // The inputs of the arithmetic below, checked against the extract.
    expect(sr24.get('11233|Calcium')).toBe(135);
    expect(sr24.get('11233|Vitamin K')).toBe(817);
    expect(sr24.get('01009|Calcium')).toBe(721);
    expect(sr24.get('01009|Vitamin D')).toBe(24); // IU
    expect(sr24.get('01129|Vitamin D')).toBe(87); // IU
    expect(sr24.get('01079|Vitamin D')).toBe(49); // IU
    expect(sr24.get('15237|Vitamin K')).toBeUndefined(); // salmon: K1 not reported in SR24
    const portions = readFileSync(
      new URL('fixtures/sr24/sr24_portions.csv', import.meta.url),
      'utf8',
    );
    expect(portions).toContain('11233,"Kale, raw",1,1,"cup, chopped",67');
    expect(portions).toContain('01129,"Egg, whole, cooked, hard-boiled",3,1,large,50');
    expect(portions).toContain(
      '15237,"Fish, salmon, Atlantic, farmed, cooked, dry heat",1,0.5,fillet,178',
    );
    expect(portions).toContain(
      '01079,"Milk, reduced fat, fluid, 2% milkfat, with added vitamin A and vitamin D",1,1,cup,244',
    );
    expect(day1!.entries.map((e) => e.grams)).toEqual([67, 30, 50]);
    expect(day2!.entries[0]!.grams).toBe(178); // "0.5 fillet = 178 g": 0.5 fillet is 178 g
    expect(day2!.entries[2]!.grams).toBeCloseTo(28.349523125, 9);
  });

  it('day 1: kale 67 g, cheddar 30 g, egg 50 g', () => {
    // Calcium: 135×0.67 + 721×0.30 + 50×0.50 = 90.45 + 216.3 + 25 = 331.75 mg
    expect(day1!.totals.calcium).toEqual({
      amount: expect.closeTo(331.75, 9),
      unit: 'mg',
      coverage: 1,
    });
    // K1: 817×0.67 + 2.8×0.30 + 0.3×0.50 = 547.39 + 0.84 + 0.15 = 548.38 µg
    expect(day1!.totals['vitamin-k1']).toEqual({
      amount: expect.closeTo(548.38, 9),
      unit: 'µg',
      coverage: 1,
    });
    // Energy: 50×0.67 + 403×0.30 + 155×0.50 = 33.5 + 120.9 + 77.5 = 231.9 kcal
    expect(day1!.totals.energy!.amount).toBeCloseTo(231.9, 9);
    // Vitamin D (IU ÷ 40): 0 + 24/40×0.30 + 87/40×0.50 = 0.18 + 1.0875 = 1.2675 µg; kale's 0 is a known 0.
    expect(day1!.totals['vitamin-d']).toEqual({
      amount: expect.closeTo(1.2675, 9),
      unit: 'µg',
      coverage: 1,
    });
  });

  it('day 2: salmon 0.5 fillet, milk 1 cup, cheddar 1 oz — salmon has no K1 or vitamin D in SR24', () => {
    // Calcium: 15×1.78 + 120×2.44 + 721×0.28349523125 = 26.7 + 292.8 + 204.4000617 = 523.9000617 mg
    expect(day2!.totals.calcium!.amount).toBeCloseTo(523.9000617, 6);
    // K1: salmon unknown; 0.2×2.44 + 2.8×0.28349523125 = 0.488 + 0.7937866 = 1.2817866 µg from 2 of 3 entries
    expect(day2!.totals['vitamin-k1']!.amount).toBeCloseTo(1.2817866, 6);
    expect(day2!.totals['vitamin-k1']!.coverage).toBeCloseTo(2 / 3, 12);
    // Vitamin D: salmon unknown; 49/40×2.44 + 24/40×0.28349523125 = 2.989 + 0.1700971 = 3.1590971 µg
    expect(day2!.totals['vitamin-d']!.amount).toBeCloseTo(3.1590971, 6);
    expect(day2!.totals['vitamin-d']!.coverage).toBeCloseTo(2 / 3, 12);
    // Omega-3 total (SR24): 2.26×1.78 + 0.008×2.44 + 0.365×0.28349523125 = 4.0228 + 0.01952 + 0.1034758 = 4.1457958 g
    expect(day2!.totals['omega-3']!.amount).toBeCloseTo(4.1457958, 6);
  });

  it('averages over the two days', () => {
    expect(analysis.average.calcium!.amount).toBeCloseTo((331.75 + 523.9000617) / 2, 6);
    expect(analysis.average['vitamin-k1']!.coverage).toBeCloseTo(5 / 6, 12);
  });

  it('K2 and EPA/DHA come only from the supplementary tables, with their own sources', () => {
    const foods = loadFoodIndex();
    for (const id of ['sr24:11233', 'sr24:01009', 'sr24:01129', 'sr24:15237', 'sr24:01079']) {
      const food = foods.get(id)!;
      for (const nutrient of [
        'mk4',
        'mk5',
        'mk6',
        'mk7',
        'mk8',
        'mk9',
        'mk10',
        'epa',
        'dha',
        'dpa',
        'ala',
      ] as const) {
        const value = food.nutrients[nutrient];
        if (value) expect(value.source.label).not.toBe('USDA SR24');
      }
      // Every SR24 nutrient keeps its SR24 source: the supplements did not replace it.
      for (const nutrient of ['energy', 'calcium', 'vitamin-k1', 'omega-3'] as const) {
        const value = food.nutrients[nutrient];
        if (value) expect(value.source.record).toBe(id.slice(5));
      }
    }
    // Salmon's EPA+DHA is known only through the supplementary table; milk's is not known.
    expect(day2!.totals['epa-dha']!.coverage).toBeLessThan(1);
  });
});
