import type { FoodId } from '../foods.js';
import type { NutrientId, NutrientUnit } from '../nutrients.js';

export interface NutrientTotal {
  /** Sum over entries with a known value; unknown values are not counted as zero. */
  amount: number;
  unit: NutrientUnit;
  /** Share of entries (0–1) whose food has a known value for this nutrient. */
  coverage: number;
  /**
   * Derived nutrients only (vitamin-k, epa-dha): share (0–1) of entries whose value lacked a
   * component (K1 known but K2 not). Absent when every known value was complete.
   */
  partial?: number;
  /**
   * Coverage split by how the values reached the foods (shares 0–1 of entries, adding up to 1):
   * measured (the food's own analysis or another sample of it), inferred (from a related food,
   * see docs/vitamin-k2-data.md), unknown. `measured + inferred` equals `coverage`. Given for
   * vitamin-k2 and for every nutrient where some entry's value is inferred.
   */
  coverageBasis?: { measured: number; inferred: number; unknown: number };
}

export interface AnalyzedEntry {
  foodId: FoodId;
  name: string;
  amount: number;
  unit: string;
  grams: number;
}

export interface DayAnalysis {
  date: string;
  entries: AnalyzedEntry[];
  totals: Partial<Record<NutrientId, NutrientTotal>>;
}

export interface Contributor {
  foodId: FoodId;
  name: string;
  /** Amount contributed over the whole diary, in the nutrient's unit. */
  amount: number;
  /** Share (0–1) of the diary's known total. */
  share: number;
}

export interface Analysis {
  days: DayAnalysis[];
  /** Mean per day over the diary's days. */
  average: Partial<Record<NutrientId, NutrientTotal>>;
  contributors: Partial<Record<NutrientId, Contributor[]>>;
}
