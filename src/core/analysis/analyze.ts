import { nutrientPer100g, type Food, type FoodId } from '../foods.js';
import { valueBasis } from '../k2.js';
import { NUTRIENT_IDS, getNutrient, type NutrientId } from '../nutrients.js';
import type { ResolvedDiary } from './resolve.js';
import type { Analysis, Contributor, DayAnalysis, NutrientTotal } from './types.js';

const NUTRIENT_COUNT = NUTRIENT_IDS.length;
const UNITS = NUTRIENT_IDS.map((id) => getNutrient(id).unit);
const ALWAYS_SPLIT = new Set<NutrientId>(['vitamin-k2']);

/** Per-100 g values of one food for every registry nutrient: NaN where unknown. */
interface FoodVector {
  food: Food;
  per100g: Float64Array;
  partial: Uint8Array;
  /** 1 where the known value is inferred from a related food. */
  inferred: Uint8Array;
}

/**
 * Totals per day, averages over days and top contributors, for every nutrient of the registry
 * (derived ones through nutrientPer100g).
 *
 * Unknown is never zero: a total is the sum over entries whose food has a known value, and
 * `coverage` is the share of entries that had one. A nutrient no entry has a value for
 * (coverage 0) is absent from the totals rather than shown as 0. `average` is the diary's known
 * total divided by its number of days, with coverage over all entries.
 * @example analyzeDiary(resolved).average['vitamin-k1'] // { amount: 182.4, unit: 'µg', coverage: 0.93 }
 */
export function analyzeDiary(
  diary: ResolvedDiary,
  options: { contributors?: number } = {},
): Analysis {
  const maxContributors = options.contributors ?? 5;
  const vectors = new Map<FoodId, FoodVector>();
  const allSums = new Float64Array(NUTRIENT_COUNT);
  const allKnown = new Int32Array(NUTRIENT_COUNT);
  const allPartial = new Int32Array(NUTRIENT_COUNT);
  const allInferred = new Int32Array(NUTRIENT_COUNT);
  const byFood = new Map<FoodId, { food: Food; amounts: Float64Array }>();
  let allEntries = 0;

  const days: DayAnalysis[] = diary.days.map((day) => {
    const sums = new Float64Array(NUTRIENT_COUNT);
    const known = new Int32Array(NUTRIENT_COUNT);
    const partial = new Int32Array(NUTRIENT_COUNT);
    const inferred = new Int32Array(NUTRIENT_COUNT);
    for (const entry of day.entries) {
      const vector = vectorOf(entry.food, vectors);
      let contribution = byFood.get(entry.food.id);
      if (!contribution) {
        contribution = { food: entry.food, amounts: new Float64Array(NUTRIENT_COUNT) };
        byFood.set(entry.food.id, contribution);
      }
      const factor = entry.grams / 100;
      for (let k = 0; k < NUTRIENT_COUNT; k += 1) {
        const value = vector.per100g[k]!;
        if (Number.isNaN(value)) continue;
        const amount = value * factor;
        sums[k] = sums[k]! + amount;
        known[k] = known[k]! + 1;
        partial[k] = partial[k]! + vector.partial[k]!;
        inferred[k] = inferred[k]! + vector.inferred[k]!;
        contribution.amounts[k] = contribution.amounts[k]! + amount;
      }
    }
    for (let k = 0; k < NUTRIENT_COUNT; k += 1) {
      allSums[k] = allSums[k]! + sums[k]!;
      allKnown[k] = allKnown[k]! + known[k]!;
      allPartial[k] = allPartial[k]! + partial[k]!;
      allInferred[k] = allInferred[k]! + inferred[k]!;
    }
    allEntries += day.entries.length;
    return {
      date: day.date,
      entries: day.entries.map((entry) => ({
        foodId: entry.food.id,
        name: entry.food.name,
        amount: entry.amount,
        unit: entry.unit,
        grams: entry.grams,
      })),
      totals: buildTotals(sums, known, partial, inferred, day.entries.length, 1),
    };
  });

  return {
    days,
    average: buildTotals(
      allSums,
      allKnown,
      allPartial,
      allInferred,
      allEntries,
      Math.max(1, days.length),
    ),
    contributors: buildContributors(byFood, allSums, maxContributors),
  };
}

function vectorOf(food: Food, cache: Map<FoodId, FoodVector>): FoodVector {
  const cached = cache.get(food.id);
  if (cached && cached.food === food) return cached;
  const per100g = new Float64Array(NUTRIENT_COUNT).fill(Number.NaN);
  const partial = new Uint8Array(NUTRIENT_COUNT);
  const inferred = new Uint8Array(NUTRIENT_COUNT);
  NUTRIENT_IDS.forEach((id, k) => {
    const value = nutrientPer100g(food, id);
    if (value && Number.isFinite(value.per100g)) {
      per100g[k] = value.per100g;
      partial[k] = value.partial ? 1 : 0;
      inferred[k] = valueBasis(food, id) === 'inferred' ? 1 : 0;
    }
  });
  const vector = { food, per100g, partial, inferred };
  cache.set(food.id, vector);
  return vector;
}

function buildTotals(
  sums: Float64Array,
  known: Int32Array,
  partial: Int32Array,
  inferred: Int32Array,
  entries: number,
  divisor: number,
): Partial<Record<NutrientId, NutrientTotal>> {
  const totals: Partial<Record<NutrientId, NutrientTotal>> = {};
  if (entries === 0) return totals;
  NUTRIENT_IDS.forEach((id, k) => {
    if (known[k] === 0) return; // unknown everywhere: no total, never a zero
    const total: NutrientTotal = {
      amount: sums[k]! / divisor,
      unit: UNITS[k]!,
      coverage: known[k]! / entries,
    };
    if (partial[k]! > 0) total.partial = partial[k]! / entries;
    if (inferred[k]! > 0 || ALWAYS_SPLIT.has(id)) {
      const measuredCount = known[k]! - inferred[k]!;
      total.coverageBasis = {
        measured: measuredCount / entries,
        inferred: inferred[k]! / entries,
        unknown: (entries - known[k]!) / entries,
      };
    }
    totals[id] = total;
  });
  return totals;
}

function buildContributors(
  byFood: Map<FoodId, { food: Food; amounts: Float64Array }>,
  totals: Float64Array,
  limit: number,
): Partial<Record<NutrientId, Contributor[]>> {
  const result: Partial<Record<NutrientId, Contributor[]>> = {};
  const foods = [...byFood.values()];
  NUTRIENT_IDS.forEach((id, k) => {
    const total = totals[k]!;
    if (!(total > 0) || limit <= 0) return;
    const ranked = foods
      .filter(({ amounts }) => amounts[k]! > 0)
      .sort(
        (a, b) =>
          b.amounts[k]! - a.amounts[k]! ||
          (a.food.id < b.food.id ? -1 : a.food.id > b.food.id ? 1 : 0),
      )
      .slice(0, limit)
      .map(({ food, amounts }) => ({
        foodId: food.id,
        name: food.name,
        amount: amounts[k]!,
        share: amounts[k]! / total,
      }));
    if (ranked.length > 0) result[id] = ranked;
  });
  return result;
}
