import { describe, expect, it } from 'vitest';
import { assessLab, LAB_TEST_IDS, LAB_TESTS, latestLab, normalizeLab } from './index.js';

const on = (
  test: string,
  value: number,
  unit: string,
  range: { low?: number; high?: number } = {},
) => normalizeLab({ date: '2026-11-02', test, value, unit, ...range });

describe('lab conversions (factors from molar masses)', () => {
  it.each([
    // 20 ng/mL × 1000 / 400.64 g/mol
    ['25-oh-d', 20, 'ng/mL', 49.92],
    ['25-oh-d', 50, 'nmol/L', 50],
    // 10 mg/dL × 10 / 40.078
    ['calcium', 10, 'mg/dL', 2.495],
    ['calcium', 2.4, 'mmol/L', 2.4],
    // 4.5 mg/dL × 10 / 30.974
    ['phosphate', 4.5, 'mg/dL', 1.453],
    // 2.0 mg/dL × 10 / 24.305
    ['magnesium', 2, 'mg/dL', 0.823],
    ['potassium', 5.2, 'mEq/L', 5.2],
    ['pth', 6.9, 'pmol/L', 65.067],
    ['pth', 40, 'ng/L', 40],
    ['bp-systolic', 16, 'kPa', 120.01],
  ])('%s %d %s → %d in the canonical unit', (test, value, unit, canonical) => {
    const result = on(test, value, unit);
    expect(result.ok && result.value.value).toBe(canonical);
    expect(result.ok && result.value.original).toEqual({ value, unit });
    expect(result.ok && result.value.unit).toBe(LAB_TESTS[test as 'inr'].canonicalUnit);
  });

  it('accepts unit spellings case- and space-insensitively', () => {
    const result = on('egfr', 52, 'mL/min/1.73 m2');
    expect(result.ok && result.value.value).toBe(52);
    expect(on('25-oh-d', 30, 'NG/ML').ok).toBe(true);
  });

  it('converts the person’s own range with the value', () => {
    const result = on('calcium', 10.6, 'mg/dL', { low: 8.6, high: 10.3 });
    expect(result.ok && [result.value.low, result.value.high]).toEqual([2.146, 2.57]);
    expect(result.ok && result.value.original).toEqual({
      value: 10.6,
      unit: 'mg/dL',
      low: 8.6,
      high: 10.3,
    });
  });
});

describe('lab validation names the field', () => {
  it.each([
    [{ test: 'ldl', value: 3, unit: 'mmol/L' }, 'INVALID_INPUT', 'test'],
    [{ test: 'calcium', value: 10, unit: 'g/L' }, 'UNKNOWN_UNIT', 'unit'],
    // 10 mmol/L of calcium is not survivable: a mg/dL value entered as mmol/L.
    [{ test: 'calcium', value: 10, unit: 'mmol/L' }, 'INVALID_AMOUNT', 'value'],
    [{ test: 'potassium', value: -1, unit: 'mmol/L' }, 'INVALID_AMOUNT', 'value'],
    [{ test: 'inr', value: Number.NaN, unit: 'ratio' }, 'INVALID_AMOUNT', 'value'],
    [{ test: 'egfr', value: 500, unit: 'mL/min/1.73m²' }, 'INVALID_AMOUNT', 'value'],
    [{ test: 'inr', value: 2.5, unit: 'ratio', low: 3, high: 2 }, 'INVALID_AMOUNT', 'low'],
    [{ test: 'inr', value: 2.5, unit: 'ratio', high: 99 }, 'INVALID_AMOUNT', 'high'],
    [{ test: 'inr', value: 2.5, unit: 'ratio', date: '2026-13-40' }, 'INVALID_DATE', 'date'],
  ])('%o → %s on %s', (input, code, field) => {
    const result = normalizeLab({ date: '2026-11-02', ...input });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.field).toBe(field);
    }
  });
});

describe('reference ranges', () => {
  it('every range and category scheme carries a source, and every test a plausible window', () => {
    for (const id of LAB_TEST_IDS) {
      const test = LAB_TESTS[id];
      expect(test.plausible.min).toBeLessThan(test.plausible.max);
      if (test.reference) expect(test.reference.source.label.length).toBeGreaterThan(0);
      if (test.categories) expect(test.categories.source.label.length).toBeGreaterThan(0);
      expect(test.reference ?? test.categories ?? test.note, id).toBeDefined();
    }
  });

  it('classifies against the cited default, and the person’s own range wins', () => {
    const k = on('potassium', 5.3, 'mmol/L');
    expect(k.ok && assessLab(k.value)).toMatchObject({
      status: 'high',
      high: 5,
      rangeKind: 'lab-range',
    });
    const own = on('potassium', 5.3, 'mmol/L', { low: 3.5, high: 5.5 });
    expect(own.ok && assessLab(own.value)).toMatchObject({
      status: 'in-range',
      high: 5.5,
      rangeKind: 'own',
    });
    const d = on('25-oh-d', 12, 'ng/mL');
    expect(d.ok && assessLab(d.value)).toMatchObject({ status: 'low', rangeKind: 'guideline' });
  });

  it.each([
    [95, 'ckd-1'],
    [60, 'ckd-2'],
    [59, 'ckd-3a'],
    [44, 'ckd-3b'],
    [29, 'ckd-4'],
    [14, 'ckd-5'],
  ])('eGFR %d is KDIGO %s', (egfr, code) => {
    const result = on('egfr', egfr, 'mL/min/1.73m²');
    expect(result.ok && assessLab(result.value).category?.code).toBe(code);
  });

  it('places an Agatston score in its band and keeps dp-ucMGP without a range', () => {
    const cac = on('cac-agatston', 150, 'AU');
    expect(cac.ok && assessLab(cac.value).category?.code).toBe('cac-100-399');
    const mgp = on('dp-ucmgp', 450, 'pmol/L');
    expect(mgp.ok && assessLab(mgp.value).status).toBeUndefined();
  });

  it('latestLab takes the latest date of the test asked for', () => {
    const labs = [
      { test: 'inr' as const, date: '2026-10-01' },
      { test: 'inr' as const, date: '2026-11-01' },
      { test: 'egfr' as const, date: '2026-12-01' },
    ];
    expect(latestLab(labs, 'inr')?.date).toBe('2026-11-01');
    expect(latestLab(labs, 'pth')).toBeUndefined();
  });
});
