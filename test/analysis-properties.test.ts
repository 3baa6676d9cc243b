import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDiary } from '../src/core/analysis/analyze.js';
import { resolveDiary } from '../src/core/analysis/resolve.js';
import type { Analysis, NutrientTotal } from '../src/core/analysis/types.js';
import type { Diary } from '../src/core/diary/types.js';
import type { Food } from '../src/core/foods.js';
import { NUTRIENT_IDS, type NutrientId } from '../src/core/nutrients.js';
import { makeFood, makeFoodIndex } from '../src/core/test-support/make-food.js';

const SOURCE_NUTRIENTS = NUTRIENT_IDS.filter(
  (id) => !['vitamin-k2', 'vitamin-k', 'epa-dha'].includes(id),
);

const foodArb = (index: number) =>
  fc
    .array(
      fc.tuple(fc.constantFrom(...SOURCE_NUTRIENTS), fc.double({ min: 0, max: 1000, noNaN: true })),
      { maxLength: 12 },
    )
    .map((pairs) =>
      makeFood({
        id: `custom:${index}`,
        name: `Food ${index}`,
        nutrients: Object.fromEntries(pairs) as Partial<Record<NutrientId, number>>,
        portions: [{ name: 'piece', amount: 2, grams: 90 }],
      }),
    );

const scenario = fc.tuple(foodArb(0), foodArb(1), foodArb(2), foodArb(3)).chain((foods) =>
  fc
    .array(
      fc.array(
        fc.record({
          food: fc.integer({ min: 0, max: 3 }),
          amount: fc.double({ min: 0.5, max: 10, noNaN: true }), // × k ≤ 10 stays under 5 kg
          unit: fc.constantFrom('g', 'oz', 'piece'),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((days) => ({ foods, days })),
);

function toDiary(days: { food: number; amount: number; unit: string }[][], scale = 1): Diary {
  return {
    days: days.map((entries, index) => ({
      date: `2026-01-${String(index + 1).padStart(2, '0')}`,
      entries: entries.map((entry) => ({
        food: `custom:${entry.food}`,
        amount: entry.amount * scale,
        unit: entry.unit,
      })),
    })),
  };
}

function run(diary: Diary, foods: readonly Food[]): Analysis {
  const resolved = resolveDiary(diary, makeFoodIndex(foods));
  if (!resolved.ok) throw new Error(resolved.error.message);
  return analyzeDiary(resolved.value);
}

function expectTotalsClose(
  actual: Partial<Record<NutrientId, NutrientTotal>>,
  expected: Partial<Record<NutrientId, NutrientTotal>>,
  scale = 1,
) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [id, total] of Object.entries(expected) as [NutrientId, NutrientTotal][]) {
    const got = actual[id]!;
    expect(got.coverage).toBeCloseTo(total.coverage, 12);
    expect(got.unit).toBe(total.unit);
    const want = total.amount * scale;
    expect(Math.abs(got.amount - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
  }
}

describe('analysis properties', () => {
  it('totals are order-independent (entries within days, and days)', () => {
    fc.assert(
      fc.property(scenario, fc.integer(), ({ foods, days }, seed) => {
        const base = run(toDiary(days), foods);
        const diary = toDiary(days);
        const shuffled: Diary = {
          days: [...diary.days].reverse().map((day) => ({
            ...day,
            entries: rotate(day.entries, Math.abs(seed) % day.entries.length),
          })),
        };
        const other = run(shuffled, foods);
        for (const day of base.days) {
          expectTotalsClose(other.days.find((d) => d.date === day.date)!.totals, day.totals);
        }
        expectTotalsClose(other.average, base.average);
      }),
      { numRuns: 200 },
    );
  });

  it('totals are linear in amounts: scaling every amount by k scales every total by k', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0.1, max: 10, noNaN: true }), ({ foods, days }, k) => {
        const base = run(toDiary(days), foods);
        const scaled = run(toDiary(days, k), foods);
        base.days.forEach((day, index) =>
          expectTotalsClose(scaled.days[index]!.totals, day.totals, k),
        );
        expectTotalsClose(scaled.average, base.average, k);
      }),
      { numRuns: 200 },
    );
  });

  it('adding a food with no value for X never changes X, only lowers its coverage', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(...NUTRIENT_IDS), ({ foods, days }, nutrient) => {
        const blank = makeFood({ id: 'custom:blank', name: 'Unknown values', nutrients: {} });
        const base = run(toDiary(days), foods);
        const withBlank = toDiary(days);
        withBlank.days[0]!.entries.push({ food: 'custom:blank', amount: 100, unit: 'g' });
        const after = run(withBlank, [...foods, blank]);
        const before = base.days[0]!.totals[nutrient];
        const now = after.days[0]!.totals[nutrient];
        if (!before) {
          expect(now).toBeUndefined();
        } else {
          expect(now!.amount).toBe(before.amount);
          expect(now!.coverage).toBeLessThan(before.coverage);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('unknown never becomes zero: a nutrient no food reports is absent everywhere', () => {
    fc.assert(
      fc.property(scenario, ({ foods, days }) => {
        const analysis = run(toDiary(days), foods);
        const reported = new Set(foods.flatMap((food) => Object.keys(food.nutrients)));
        for (const id of SOURCE_NUTRIENTS) {
          if (reported.has(id)) continue;
          expect(analysis.average[id]).toBeUndefined();
          for (const day of analysis.days) expect(day.totals[id]).toBeUndefined();
        }
      }),
      { numRuns: 200 },
    );
  });
});

function rotate<T>(items: T[], by: number): T[] {
  return [...items.slice(by), ...items.slice(0, by)].reverse();
}
