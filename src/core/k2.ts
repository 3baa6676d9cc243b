/**
 * Menaquinone values by form, region and basis (docs/vitamin-k2-data.md). Pure.
 *
 * A food can carry several candidate values for one form: analyses from different countries
 * and methods, of the food itself or of a related food. One is chosen, the rest stay as
 * alternatives with their range. The choice depends on the person's region: menaquinone
 * contents differ several-fold between countries (chicken fed differently, cheeses made with
 * other cultures) and between methods (LC-MS to MK-13 vs HPLC to MK-10).
 */
import {
  nutrientPer100g,
  type Food,
  type FoodIndex,
  type NutrientValue,
  type SampleInfo,
  type ValueBasis,
} from './foods.js';
import { MENAQUINONE_IDS, type NutrientId } from './nutrients.js';
import type { SourceRef } from './sources.js';

/** The region used when the profile names none: SR24 and FDC are US data. */
export const DEFAULT_REGION = 'us';

/** Nutrients whose values are chosen by region: the menaquinones and dihydrophylloquinone. */
export const REGIONAL_NUTRIENTS: readonly NutrientId[] = [
  ...MENAQUINONE_IDS,
  'dihydrophylloquinone',
];

export interface Candidate {
  per100g: number;
  source: SourceRef;
  basis?: ValueBasis;
  sample?: SampleInfo;
}

const BASIS_RANK: Record<ValueBasis, number> = {
  measured: 0,
  'measured (other sample)': 1,
  inferred: 2,
};

/**
 * Orders candidates for a region, best first: a value from the region; then one read at the
 * source before a secondary one; then by basis (measured, other sample, inferred); then the
 * larger sample; ties keep their order. Region comes first because menaquinone contents differ
 * several-fold between countries (docs/vitamin-k2-data.md, "Region and method").
 */
export function rankCandidates<T extends Pick<Candidate, 'basis' | 'sample'>>(
  candidates: readonly T[],
  region: string,
): T[] {
  const key = (c: T): number[] => [
    c.sample?.country === region ? 0 : 1,
    c.sample?.confidence === 'secondary' ? 1 : 0,
    BASIS_RANK[c.basis ?? 'measured'],
    -(c.sample?.n ?? 0),
  ];
  return candidates
    .map((candidate, index) => ({ candidate, index, key: key(candidate) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i += 1) {
        const d = (a.key[i] as number) - (b.key[i] as number);
        if (d !== 0) return d;
      }
      return a.index - b.index;
    })
    .map(({ candidate }) => candidate);
}

/** The candidates of one value: the chosen one first, then its alternatives. */
export function candidatesOf(value: NutrientValue): Candidate[] {
  const { alternatives = [], range: _range, approximate: _approximate, ...chosen } = value;
  return [chosen, ...alternatives];
}

/** A value from ranked candidates: the first chosen, the others alternatives, range over all. */
export function valueFromCandidates(ranked: readonly Candidate[]): NutrientValue {
  const [chosen, ...rest] = ranked as [Candidate, ...Candidate[]];
  const value: NutrientValue = { per100g: chosen.per100g, source: chosen.source };
  if (chosen.basis) value.basis = chosen.basis;
  if (chosen.sample) value.sample = chosen.sample;
  if (rest.length > 0) {
    value.alternatives = rest;
    const all = ranked.map((c) => c.per100g);
    value.range = { min: Math.min(...all), max: Math.max(...all) };
  }
  return value;
}

/**
 * The food with its menaquinone and dihydrophylloquinone values chosen for `region`. Returns
 * the same object when nothing changes, so callers can cache by identity.
 * @example foodForRegion(chicken, 'au').nutrients.mk4?.sample?.country // 'au'
 */
export function foodForRegion(food: Food, region: string): Food {
  let nutrients: Food['nutrients'] | undefined;
  for (const id of REGIONAL_NUTRIENTS) {
    const value = food.nutrients[id];
    if (!value?.alternatives?.length) continue;
    const candidates = candidatesOf(value);
    const ranked = rankCandidates(candidates, region);
    if (ranked[0] === candidates[0]) continue;
    nutrients ??= { ...food.nutrients };
    nutrients[id] = valueFromCandidates(ranked);
  }
  return nutrients ? { ...food, nutrients } : food;
}

/** Every food of an index with its menaquinone values chosen for `region` (the index itself for us). */
export function foodsForRegion(foods: FoodIndex, region: string): FoodIndex {
  if (region === DEFAULT_REGION) return foods;
  return new Map([...foods].map(([id, food]) => [id, foodForRegion(food, region)]));
}

export type CoverageBasis = 'measured' | 'inferred' | 'unknown';

/**
 * Whether a food's value of a nutrient is measured (its own analysis or another sample of the
 * same food), inferred from a related food, or unknown. A derived value (vitamin-k2,
 * vitamin-k) is inferred when any component it sums is inferred.
 */
export function valueBasis(food: Food, nutrient: NutrientId): CoverageBasis {
  if (!nutrientPer100g(food, nutrient)) return 'unknown';
  const parts: readonly NutrientId[] =
    nutrient === 'vitamin-k2'
      ? MENAQUINONE_IDS
      : nutrient === 'vitamin-k'
        ? ['vitamin-k1', ...MENAQUINONE_IDS]
        : nutrient === 'epa-dha'
          ? ['epa', 'dha']
          : [nutrient];
  return parts.some((id) => food.nutrients[id]?.basis === 'inferred') ? 'inferred' : 'measured';
}

/** Menaquinone forms a food has values for, in chain order, with the value of each. */
export function menaquinoneForms(food: Food): { id: NutrientId; value: NutrientValue }[] {
  return MENAQUINONE_IDS.flatMap((id) => {
    const value = food.nutrients[id];
    return value ? [{ id, value }] : [];
  });
}
