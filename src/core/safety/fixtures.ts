import type { Analysis, DayAnalysis, NutrientTotal } from '../analysis/types.js';
import { getNutrient, type NutrientId } from '../nutrients.js';
import type { Profile, Supplement } from '../profile.js';

/**
 * Small builders for tests of targets, balance and safety: a valid core Profile with
 * defaults, and an Analysis from per-day nutrient totals.
 * @example makeProfile({ age: 72, medications: ['warfarin'] })
 */
export function makeProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    age: 45,
    sex: 'female',
    lifeStage: 'none',
    smoker: false,
    conditions: [],
    medications: [],
    supplements: [],
    pattern: 'omnivore',
    exclude: [],
    dislikes: [],
    targets: {},
    ...overrides,
  };
}

/** A supplement in the nutrient's canonical unit. */
export function supplement(nutrient: NutrientId, amount: number): Supplement {
  return { nutrient, amount, unit: getNutrient(nutrient).unit };
}

/**
 * An Analysis whose days have the given totals (full coverage unless given). The average is
 * the mean per day; a nutrient missing from every day is absent (unknown).
 */
export function makeAnalysis(
  days: {
    date: string;
    totals: Partial<Record<NutrientId, number | { amount: number; coverage: number }>>;
  }[],
): Analysis {
  const toTotal = (
    id: NutrientId,
    value: number | { amount: number; coverage: number },
  ): NutrientTotal =>
    typeof value === 'number'
      ? { amount: value, unit: getNutrient(id).unit, coverage: 1 }
      : { amount: value.amount, unit: getNutrient(id).unit, coverage: value.coverage };
  const dayAnalyses: DayAnalysis[] = days.map((day) => ({
    date: day.date,
    entries: [],
    totals: Object.fromEntries(
      Object.entries(day.totals).map(([id, value]) => [id, toTotal(id as NutrientId, value!)]),
    ),
  }));
  const average: Analysis['average'] = {};
  const ids = new Set(days.flatMap((d) => Object.keys(d.totals) as NutrientId[]));
  for (const id of ids) {
    const totals = dayAnalyses.map((d) => d.totals[id]).filter((t) => t !== undefined);
    const amount = totals.reduce((sum, t) => sum + t.amount, 0) / days.length;
    const coverage = totals.reduce((sum, t) => sum + t.coverage, 0) / days.length;
    average[id] = { amount, unit: getNutrient(id).unit, coverage };
  }
  return { days: dayAnalyses, average, contributors: {} };
}
