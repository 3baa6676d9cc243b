import type { FoodId } from './foods.js';
import type { NutrientId } from './nutrients.js';

export type Sex = 'female' | 'male';
export type LifeStage = 'none' | 'pregnant' | 'lactating';
export type DietPattern = 'omnivore' | 'pescatarian' | 'vegetarian' | 'vegan';
export type Activity = 'sedentary' | 'light' | 'moderate' | 'active' | 'very-active';
export const ALLERGEN_GROUPS = [
  'dairy',
  'egg',
  'fish',
  'shellfish',
  'peanut',
  'tree-nut',
  'soy',
  'gluten',
  'sesame',
] as const;
export type AllergenGroup = (typeof ALLERGEN_GROUPS)[number];

/** A supplement, already converted to the nutrient's canonical unit at the edge. */
export interface Supplement {
  nutrient: NutrientId;
  amount: number;
  /** Canonical unit of the nutrient (vitamin D in µg even when entered in IU). */
  unit: string;
  /** As the person entered it, for display: "2000 IU". */
  entered?: string;
}

export interface TargetOverride {
  min?: number;
  max?: number;
}

/** A validated profile (docs/design.md §4). Parsing and validation live in src/schemas. */
export interface Profile {
  age: number;
  sex: Sex;
  lifeStage: LifeStage;
  smoker: boolean;
  weightKg?: number;
  heightCm?: number;
  activity?: Activity;
  energyKcal?: number;
  /** Condition codes as entered; unknown ones are reported by screening, not dropped. */
  conditions: string[];
  /** Generic medication names as entered, lower-cased. */
  medications: string[];
  supplements: Supplement[];
  pattern: DietPattern;
  exclude: AllergenGroup[];
  dislikes: FoodId[];
  targets: Partial<Record<NutrientId, TargetOverride>>;
  /**
   * ISO 3166 alpha-2 country (lower case) whose food analyses are preferred where they differ
   * by country (menaquinones); absent means "us", the country of SR24 and FDC.
   */
  region?: string;
}
