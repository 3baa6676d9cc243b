import { MENAQUINONE_IDS, type NutrientId } from './nutrients.js';
import { err, ok, type Result } from './result.js';
import type { SourceRef } from './sources.js';

/** `<source>:<id>`: `sr24:11233`, `fdc:323505`, `custom:42`. */
export type FoodId = string;

export interface NutrientValue {
  /** Amount per 100 g of edible portion, in the nutrient's canonical unit. */
  per100g: number;
  source: SourceRef;
  /** Where studies disagree: the published range; `per100g` is the chosen point. */
  range?: { min: number; max: number };
  approximate?: boolean;
  /** Other values for the same food and nutrient that were not chosen, kept for transparency. */
  alternatives?: { per100g: number; source: SourceRef; basis?: ValueBasis; sample?: SampleInfo }[];
  /**
   * How the value reached this food: its own analysis, an analysis of the same food from
   * another sample (brand, country, preparation), or inferred from a related food. Absent for
   * dataset values of the food itself (SR24), which count as measured.
   */
  basis?: ValueBasis;
  /** Who measured what, where and how (menaquinone tables; see docs/vitamin-k2-data.md). */
  sample?: SampleInfo;
  /**
   * Values rolled up from ingredients (recipes, src/core/recipes.ts): `known` of `of`
   * ingredients had a value, covering `share` (0–1) of the ingredients' weight. Below 1 the
   * unknown ingredients are left out, never counted as zero: the value is a lower bound.
   */
  coverage?: IngredientCoverage;
}

export interface IngredientCoverage {
  share: number;
  known: number;
  of: number;
}

export type ValueBasis = 'measured' | 'measured (other sample)' | 'inferred';

export interface SampleInfo {
  /** ISO 3166 alpha-2 country of the analysed samples, lower case ("us", "au", "nl", "jp"). */
  country?: string;
  /** Analytical method and the forms it covers ("LC-ESI-MS/MS (PK, MK-4 to MK-10)"). */
  method?: string;
  /** Number of samples (or FDC data points) behind the value. */
  n?: number;
  /** Where in the source the value stands: table and row, or the abstract sentence. */
  location?: string;
  /** `secondary`: read from a summary of the study, not from the study itself. */
  confidence?: 'primary' | 'secondary';
  /** The mapping rule that attached the study food to this food. */
  rule?: string;
  /** The food as the study names it. */
  studyFood?: string;
  /** Standard deviation as published. */
  sd?: number;
}

/** A household measure: `amount` of `name` weighs `grams` ("0.5 fillet = 198 g"). */
export interface Portion {
  name: string;
  amount: number;
  grams: number;
}

export interface Food {
  id: FoodId;
  name: string;
  /** Food group, e.g. "Dairy and Egg Products". */
  group: string;
  /** Known values only: a nutrient absent here is unknown, never zero. */
  nutrients: Partial<Record<NutrientId, NutrientValue>>;
  /** Why a nutrient is unknown for this food, where a reviewed rule says (vitamin-k2). */
  unknownReasons?: Partial<Record<NutrientId, string>>;
  portions: Portion[];
}

/** All foods, by id. Built by an adapter (src/data) and handed to the core. */
export type FoodIndex = ReadonlyMap<FoodId, Food>;

/** Mass units accepted everywhere, with grams per unit (exact definitions: 1 oz = 28.349523125 g). */
export const MASS_UNITS_G: Readonly<Record<string, number>> = {
  g: 1,
  gram: 1,
  grams: 1,
  kg: 1000,
  oz: 28.349523125,
  lb: 453.59237,
};

/** Grams per one unit of a portion: "0.5 fillet = 198 g" gives 396 g per fillet. */
export function gramsPerPortionUnit(portion: Portion): number {
  return portion.grams / portion.amount;
}

function normalizeUnit(unit: string): string {
  return unit.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Finds a food's household portion by name, case-insensitively.
 * @example findPortion(kale, 'Cup, chopped') // { name: 'cup, chopped', amount: 1, grams: 67 }
 */
export function findPortion(food: Food, unit: string): Portion | undefined {
  const wanted = normalizeUnit(unit);
  return food.portions.find((portion) => normalizeUnit(portion.name) === wanted);
}

/**
 * Converts an amount in a mass unit or one of the food's household portions to grams.
 * @example amountToGrams(salmon, 1, 'fillet') // ok(396) when "0.5 fillet = 198 g"
 */
export function amountToGrams(food: Food, amount: number, unit: string): Result<number> {
  if (!Number.isFinite(amount)) {
    return err({ code: 'INVALID_AMOUNT', message: `amount must be a number`, field: 'amount' });
  }
  if (amount <= 0) {
    return err({
      code: 'INVALID_AMOUNT',
      message: `amount must be greater than 0, got ${amount}`,
      field: 'amount',
    });
  }
  const massFactor = MASS_UNITS_G[normalizeUnit(unit)];
  if (massFactor !== undefined) return ok(amount * massFactor);
  const portion = findPortion(food, unit);
  if (portion) return ok(amount * gramsPerPortionUnit(portion));
  const known = ['g', 'kg', 'oz', 'lb', ...food.portions.map((p) => p.name)];
  return err({
    code: 'UNKNOWN_UNIT',
    message: `unknown unit "${unit}" for ${food.id} (${food.name}); use one of: ${known.join(', ')}`,
    field: 'unit',
  });
}

/**
 * Per-100 g value of a nutrient, derived ones included. Derived values follow docs/design.md §3:
 * vitamin-k2 is the sum of the menaquinones reported (unknown when none is, unless the food
 * states a K2 total with no form, as a label does); vitamin-k is K1 + K2 (known when K1 or K2 is;
 * `partial` says a component was unknown); epa-dha likewise.
 */
export function nutrientPer100g(
  food: Food,
  nutrient: NutrientId,
): { per100g: number; partial: boolean } | undefined {
  if (nutrient === 'vitamin-k2') return sumKnown(food, MENAQUINONE_IDS) ?? stated(food, nutrient);
  if (nutrient === 'vitamin-k') {
    const k1 = food.nutrients['vitamin-k1'];
    const k2 = nutrientPer100g(food, 'vitamin-k2');
    if (!k1 && !k2) return stated(food, nutrient);
    return {
      per100g: (k1?.per100g ?? 0) + (k2?.per100g ?? 0),
      partial: !k1 || !k2 || k2.partial || isPartialValue(k1),
    };
  }
  if (nutrient === 'epa-dha') return sumKnown(food, ['epa', 'dha']) ?? stated(food, nutrient);
  return stated(food, nutrient);
}

/**
 * The value a food states for the nutrient itself. For a derived nutrient this is a total given
 * without its parts — a label's "vitamin K2 10 µg" with no form named — and counts only when none
 * of the parts is known: measured forms always win over a stated total.
 */
function stated(
  food: Food,
  nutrient: NutrientId,
): { per100g: number; partial: boolean } | undefined {
  const value = food.nutrients[nutrient];
  return value ? { per100g: value.per100g, partial: isPartialValue(value) } : undefined;
}

/** A value rolled up from ingredients of which some had no value for it (a lower bound). */
export function isPartialValue(value: NutrientValue): boolean {
  return value.coverage !== undefined && value.coverage.share < 1;
}

function sumKnown(
  food: Food,
  ids: readonly NutrientId[],
): { per100g: number; partial: boolean } | undefined {
  let total = 0;
  let known = 0;
  let partialComponent = false;
  for (const id of ids) {
    const value = food.nutrients[id];
    if (value) {
      total += value.per100g;
      known += 1;
      partialComponent ||= isPartialValue(value);
    }
  }
  if (known === 0) return undefined;
  // For menaquinones a source that reports some forms reports what it measured: not partial.
  // A component rolled up from ingredients that lacked it is partial, and so is the sum.
  return { per100g: total, partial: (ids.length === 2 && known < 2) || partialComponent };
}
