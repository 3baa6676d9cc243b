/**
 * Lab results: a test id, a value in one of the test's units, and optionally the reporting lab's
 * own range. Values are converted to the test's canonical unit on entry, checked against a
 * plausibility window, and classified against the person's range when they gave one, else
 * against the cited default (src/core/labs/lab-tests.ts).
 */
import { err, ok, type Result } from '../result.js';
import type { SourceRef } from '../sources.js';
import {
  LAB_TEST_IDS,
  LAB_TESTS,
  type LabCategory,
  type LabTest,
  type LabTestId,
  type RangeKind,
} from './lab-tests.js';

export * from './lab-tests.js';

/** A result as the person enters it (value and range in the unit they give). */
export interface LabInput {
  /** YYYY-MM-DD */
  date: string;
  test: string;
  value: number;
  unit: string;
  /** The reporting lab's own range, in `unit`. */
  low?: number;
  high?: number;
}

/** A result in the test's canonical unit, with what was entered kept beside it. */
export interface LabResult {
  date: string;
  test: LabTestId;
  value: number;
  unit: string;
  /** The person's own range, canonical unit; absent when they gave none. */
  low?: number;
  high?: number;
  original: { value: number; unit: string; low?: number; high?: number };
}

export type LabStatus = 'low' | 'in-range' | 'high';

export interface LabAssessment {
  status?: LabStatus;
  low?: number;
  high?: number;
  /** `own`: the range the person entered; otherwise the kind of the cited default. */
  rangeKind?: RangeKind | 'own';
  rangeSource?: SourceRef;
  category?: LabCategory;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isLabTestId(id: string): id is LabTestId {
  return (LAB_TEST_IDS as readonly string[]).includes(id);
}

export function getLabTest(id: LabTestId): LabTest {
  return LAB_TESTS[id];
}

/** Rounded to what a lab prints (3 significant digits past the integer part at most). */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function normalizeUnit(unit: string): string {
  return unit.trim().toLowerCase().replace(/\s+/g, '').replace('μ', 'µ');
}

/**
 * Converts and checks one result. Unknown test → INVALID_INPUT (field `test`); unit not accepted
 * for the test → UNKNOWN_UNIT (field `unit`); impossible value → INVALID_AMOUNT (field `value`);
 * a range with low ≥ high or outside the window → INVALID_AMOUNT (field `low`/`high`).
 * @example normalizeLab({ date: '2026-11-02', test: '25-oh-d', value: 20, unit: 'ng/mL' }) // value 49.92 nmol/L
 */
export function normalizeLab(input: LabInput): Result<LabResult> {
  if (!ISO_DATE.test(input.date) || Number.isNaN(Date.parse(`${input.date}T00:00:00Z`))) {
    return err({
      code: 'INVALID_DATE',
      message: `"${input.date}" is not a YYYY-MM-DD date`,
      field: 'date',
    });
  }
  const id = input.test.trim().toLowerCase();
  if (!isLabTestId(id)) {
    return err({
      code: 'INVALID_INPUT',
      message: `unknown lab test "${input.test}"; known: ${LAB_TEST_IDS.join(', ')}`,
      field: 'test',
    });
  }
  const test = LAB_TESTS[id];
  const wanted = normalizeUnit(input.unit);
  const unit = test.units.find(
    (u) => normalizeUnit(u.unit) === wanted || (u.aliases ?? []).includes(wanted),
  );
  if (!unit) {
    return err({
      code: 'UNKNOWN_UNIT',
      message: `${test.name} is not reported in "${input.unit}"; use ${test.units.map((u) => u.unit).join(' or ')}`,
      field: 'unit',
    });
  }
  const toCanonical = (raw: number) => round(raw * unit.toCanonical);
  const { min, max } = test.plausible;
  const check = (raw: number | undefined, field: 'value' | 'low' | 'high') => {
    if (raw === undefined) return undefined;
    if (!Number.isFinite(raw)) {
      return `${field} must be a number`;
    }
    const canonical = raw * unit.toCanonical;
    if (canonical < min || canonical > max) {
      return `${test.name} ${field} ${raw} ${unit.unit} is not a possible result (${min}–${max} ${test.canonicalUnit}); check the number and the unit`;
    }
    return undefined;
  };
  for (const field of ['value', 'low', 'high'] as const) {
    const problem = check(input[field], field);
    if (problem) return err({ code: 'INVALID_AMOUNT', message: problem, field });
  }
  if (input.low !== undefined && input.high !== undefined && input.low >= input.high) {
    return err({
      code: 'INVALID_AMOUNT',
      message: `the range's low (${input.low}) must be below its high (${input.high})`,
      field: 'low',
    });
  }
  return ok({
    date: input.date,
    test: id,
    value: toCanonical(input.value),
    unit: test.canonicalUnit,
    ...(input.low !== undefined && { low: toCanonical(input.low) }),
    ...(input.high !== undefined && { high: toCanonical(input.high) }),
    original: {
      value: input.value,
      unit: unit.unit,
      ...(input.low !== undefined && { low: input.low }),
      ...(input.high !== undefined && { high: input.high }),
    },
  });
}

/**
 * Where a result sits: against the person's own range when they entered one (either bound), else
 * the cited default; and its category on the test's scale (KDIGO G-category, Agatston band).
 */
export function assessLab(
  result: Pick<LabResult, 'test' | 'value' | 'low' | 'high'>,
): LabAssessment {
  const test = LAB_TESTS[result.test];
  const own = result.low !== undefined || result.high !== undefined;
  const low = own ? result.low : test.reference?.low;
  const high = own ? result.high : test.reference?.high;
  const category = test.categories?.bands.find(
    (b) =>
      (b.min === undefined || result.value >= b.min) &&
      (b.below === undefined || result.value < b.below),
  );
  const hasRange = low !== undefined || high !== undefined;
  return {
    ...(hasRange && {
      status:
        low !== undefined && result.value < low
          ? 'low'
          : high !== undefined && result.value > high
            ? 'high'
            : 'in-range',
    }),
    ...(low !== undefined && { low }),
    ...(high !== undefined && { high }),
    ...(own
      ? { rangeKind: 'own' as const }
      : test.reference
        ? { rangeKind: test.reference.kind, rangeSource: test.reference.source }
        : {}),
    ...(category && { category }),
  };
}

/** The most recent result of a test (latest date; the later entry on the same date). */
export function latestLab<T extends Pick<LabResult, 'test' | 'date'>>(
  labs: readonly T[],
  test: LabTestId,
): T | undefined {
  let latest: T | undefined;
  for (const lab of labs) {
    if (lab.test === test && (latest === undefined || lab.date >= latest.date)) latest = lab;
  }
  return latest;
}
