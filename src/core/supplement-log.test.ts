import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Supplement } from './profile.js';
import { exposureProfiles, supplementExposure, type SupplementDay } from './supplement-log.js';

const d = (amount: number): Supplement => ({ nutrient: 'vitamin-d', amount, unit: 'µg' });
const mk7 = (amount: number): Supplement => ({ nutrient: 'mk7', amount, unit: 'µg' });
const regimen = { supplements: [{ ...d(25), entered: '1000 IU' }] };
const week = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'];

describe('supplementExposure', () => {
  it('with nothing logged is the profile’s own list, as average and as peak', () => {
    const exposure = supplementExposure(regimen, [], week);
    expect(exposure.logged).toBe(false);
    expect(exposure.average).toBe(regimen.supplements);
    expect(exposure.peak).toBe(regimen.supplements);
    expect(exposure.days.map((day) => day.source)).toEqual(Array(4).fill('profile'));
  });

  it('a day with nothing taken halves a two-day average but leaves the peak', () => {
    const exposure = supplementExposure(
      regimen,
      [{ date: '2026-11-02', supplements: [] }],
      ['2026-11-01', '2026-11-02'],
    );
    expect(exposure.average).toEqual([
      expect.objectContaining({ nutrient: 'vitamin-d', amount: 12.5 }),
    ]);
    expect(exposure.peak).toEqual([expect.objectContaining({ nutrient: 'vitamin-d', amount: 25 })]);
    expect(exposure.days).toEqual([
      { date: '2026-11-01', source: 'profile', supplements: regimen.supplements },
      { date: '2026-11-02', source: 'logged', supplements: [] },
    ]);
  });

  it('one large day is the peak (upper limits, interactions) and is averaged for adequacy', () => {
    const log: SupplementDay[] = [{ date: '2026-11-03', supplements: [d(250), mk7(90)] }];
    const exposure = supplementExposure(regimen, log, week);
    const amount = (list: Supplement[], nutrient: string) =>
      list.find((s) => s.nutrient === nutrient)?.amount;
    expect(amount(exposure.average, 'vitamin-d')).toBe((25 * 3 + 250) / 4);
    expect(amount(exposure.peak, 'vitamin-d')).toBe(250);
    // A supplement only in the log: taken on one day of four.
    expect(amount(exposure.average, 'mk7')).toBe(22.5);
    expect(amount(exposure.peak, 'mk7')).toBe(90);
    expect(exposure.peak.find((s) => s.nutrient === 'mk7')?.entered).toBe(
      '90 µg on 2026-11-03, the highest day',
    );
    expect(exposure.average.find((s) => s.nutrient === 'mk7')?.entered).toMatch(
      /taken on 1 of 4 days/,
    );
  });

  it('adds two products of one nutrient on the same day', () => {
    const exposure = supplementExposure(
      { supplements: [] },
      [{ date: '2026-11-01', supplements: [d(10), d(15)] }],
      ['2026-11-01'],
    );
    expect(exposure.peak).toEqual([expect.objectContaining({ nutrient: 'vitamin-d', amount: 25 })]);
  });

  it('a logged date outside the given days is counted as a day of its own', () => {
    const exposure = supplementExposure(
      regimen,
      [{ date: '2026-11-09', supplements: [] }],
      ['2026-11-01'],
    );
    expect(exposure.days.map((day) => day.date)).toEqual(['2026-11-01', '2026-11-09']);
    expect(exposure.average[0]?.amount).toBe(12.5);
  });

  it('for any log: peak ≥ average, average × days = the sum of the days, peak is some day’s total', () => {
    const amount = fc.integer({ min: 1, max: 500 });
    const day = fc.array(fc.oneof(amount.map(d), amount.map(mk7)), { maxLength: 3 });
    fc.assert(
      fc.property(
        fc.array(day, { minLength: 1, maxLength: 6 }),
        fc.array(amount.map(d), { maxLength: 2 }),
        (days, profile) => {
          const dates = days.map((_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
          const log = days.map((supplements, i) => ({ date: dates[i]!, supplements }));
          const exposure = supplementExposure({ supplements: profile }, log, dates);
          for (const nutrient of ['vitamin-d', 'mk7'] as const) {
            const totals = days.map((list) =>
              list.filter((s) => s.nutrient === nutrient).reduce((sum, s) => sum + s.amount, 0),
            );
            const avg = exposure.average.find((s) => s.nutrient === nutrient)?.amount ?? 0;
            const peak = exposure.peak.find((s) => s.nutrient === nutrient)?.amount ?? 0;
            expect(peak).toBeGreaterThanOrEqual(avg - 1e-9);
            expect(avg * days.length).toBeCloseTo(
              totals.reduce((a, b) => a + b, 0),
              6,
            );
            expect(peak).toBe(Math.max(...totals));
          }
        },
      ),
    );
  });
});

describe('exposureProfiles', () => {
  it('changes only the supplements: the average for adequacy, the peak for safety', () => {
    const profile = { age: 70, supplements: regimen.supplements };
    const same = exposureProfiles(profile, supplementExposure(profile, [], week));
    expect(same.adequacy).toBe(profile);
    expect(same.safety).toBe(profile);
    const exposure = supplementExposure(profile, [{ date: week[0]!, supplements: [d(100)] }], week);
    const { adequacy, safety } = exposureProfiles(profile, exposure);
    expect(adequacy).toEqual({ age: 70, supplements: exposure.average });
    expect(safety).toEqual({ age: 70, supplements: exposure.peak });
  });
});
