import { describe, expect, it } from 'vitest';
import type { Diary } from '../diary/types.js';
import { makeFood, makeFoodIndex } from '../test-support/make-food.js';
import { analyzeDiary } from './analyze.js';
import { MAX_ENTRY_GRAMS, resolveDiary } from './resolve.js';

// Values per 100 g: energy, calcium and K1 of kale and cheddar as in USDA SR24 (11233, 01009);
// the cheddar MK-4 figure is a test value. Expected totals below are computed by hand.
const kale = makeFood({
  id: 'sr24:11233',
  name: 'Kale, raw',
  nutrients: { energy: 50, calcium: 135, 'vitamin-k1': 817 },
  portions: [{ name: 'cup, chopped', amount: 1, grams: 67 }],
});
const cheddar = makeFood({
  id: 'sr24:01009',
  name: 'Cheese, cheddar',
  group: 'Dairy and Egg Products',
  nutrients: { energy: 403, calcium: 721, 'vitamin-k1': 2.8, mk4: 10.2 },
  portions: [{ name: 'cup, diced', amount: 1, grams: 132 }],
});
const foods = makeFoodIndex([kale, cheddar]);

const diary: Diary = {
  days: [
    {
      date: '2026-11-20',
      entries: [
        { food: 'sr24:11233', amount: 1, unit: 'Cup, chopped' },
        { food: 'sr24:01009', amount: 30, unit: 'g' },
      ],
    },
    { date: '2026-11-21', entries: [{ food: 'sr24:01009', amount: 2, unit: 'oz' }] },
  ],
};

function analyze(input: Diary) {
  const resolved = resolveDiary(input, foods, { file: 'd.json' });
  if (!resolved.ok) throw new Error(resolved.error.message);
  return analyzeDiary(resolved.value);
}

describe('analyzeDiary on a hand-computed two-food diary', () => {
  const analysis = analyze(diary);
  const [day1, day2] = analysis.days;

  it('resolves portions and mass units to grams', () => {
    expect(day1!.entries.map((entry) => entry.grams)).toEqual([67, 30]);
    expect(day2!.entries[0]!.grams).toBeCloseTo(56.69904625, 8);
  });

  it('sums known values per day', () => {
    // K1: 817 × 0.67 + 2.8 × 0.30 = 547.39 + 0.84 = 548.23 µg
    expect(day1!.totals['vitamin-k1']).toEqual({
      amount: expect.closeTo(548.23, 9),
      unit: 'µg',
      coverage: 1,
    });
    // Calcium: 135 × 0.67 + 721 × 0.30 = 90.45 + 216.3 = 306.75 mg
    expect(day1!.totals.calcium?.amount).toBeCloseTo(306.75, 9);
    // Day 2: 2 oz = 56.69904625 g of cheddar → calcium 721 × 0.5669904625 = 408.8001235 mg
    expect(day2!.totals.calcium?.amount).toBeCloseTo(408.8001235, 6);
  });

  it('keeps unknown out of the sums and reports coverage', () => {
    // Only cheddar has MK-4: 10.2 × 0.30 = 3.06 µg from one of two entries.
    expect(day1!.totals.mk4).toEqual({
      amount: expect.closeTo(3.06, 9),
      unit: 'µg',
      coverage: 0.5,
    });
    expect(day1!.totals['vitamin-k2']).toEqual({
      amount: expect.closeTo(3.06, 9),
      unit: 'µg',
      coverage: 0.5,
      // Both values are the foods' own (no basis says otherwise): measured; kale unknown.
      coverageBasis: { measured: 0.5, inferred: 0, unknown: 0.5 },
    });
    // Vitamin K = K1 + K2: 547.39 (kale, K2 unknown: partial) + 0.84 + 3.06 = 551.29 µg
    expect(day1!.totals['vitamin-k']).toEqual({
      amount: expect.closeTo(551.29, 9),
      unit: 'µg',
      coverage: 1,
      partial: 0.5,
    });
    // Nothing has vitamin D or EPA: absent, never 0.
    expect(day1!.totals['vitamin-d']).toBeUndefined();
    expect(analysis.average.epa).toBeUndefined();
    expect(analysis.contributors['vitamin-d']).toBeUndefined();
  });

  it('averages over days with coverage over all entries', () => {
    // K1: (548.23 + 2.8 × 0.5669904625) / 2 = (548.23 + 1.587573295) / 2 = 274.9087866 µg
    expect(analysis.average['vitamin-k1']).toEqual({
      amount: expect.closeTo(274.9087866, 6),
      unit: 'µg',
      coverage: 1,
    });
    // MK-4: (3.06 + 5.7833027175) / 2 = 4.4216513588 µg, from 2 of 3 entries.
    expect(analysis.average.mk4?.amount).toBeCloseTo(4.4216513588, 8);
    expect(analysis.average.mk4?.coverage).toBeCloseTo(2 / 3, 12);
  });

  it('ranks contributors over the whole diary with their share', () => {
    const contributors = analysis.contributors['vitamin-k1']!;
    expect(contributors.map((c) => c.foodId)).toEqual(['sr24:11233', 'sr24:01009']);
    expect(contributors[0]!.amount).toBeCloseTo(547.39, 9);
    expect(contributors[0]!.share).toBeCloseTo(547.39 / 549.817573295, 9);
    expect(contributors[1]!.amount).toBeCloseTo(0.84 + 1.587573295, 9);
    expect(contributors.reduce((sum, c) => sum + c.share, 0)).toBeCloseTo(1, 12);
  });
});

describe('resolveDiary errors', () => {
  const one = (entry: Diary['days'][number]['entries'][number]) =>
    resolveDiary({ days: [{ date: '2026-11-20', entries: [entry] }] }, foods, { file: 'd.csv' });

  it('names an unknown food, its entry and the field', () => {
    const result = one({ food: 'sr24:99999', amount: 1, unit: 'g', location: 'line 4' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_FOOD', file: 'd.csv', location: 'line 4', field: 'food' },
    });
    expect(!result.ok && result.error.message).toContain('sr24:99999');
  });

  it('lists the food’s portions for an unknown unit, with a JSON path when no location was read', () => {
    const result = one({ food: 'sr24:11233', amount: 1, unit: 'slice' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_UNIT', location: 'days[0].entries[0]', field: 'unit' },
    });
    expect(!result.ok && result.error.message).toContain('cup, chopped');
  });

  it(`rejects an entry heavier than ${MAX_ENTRY_GRAMS} g as a likely unit mix-up`, () => {
    expect(one({ food: 'sr24:01009', amount: 6, unit: 'kg' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_AMOUNT', field: 'amount' },
    });
    expect(one({ food: 'sr24:01009', amount: 5, unit: 'kg' }).ok).toBe(true);
  });
});
