import {
  isPartialValue,
  nutrientPer100g,
  type IngredientCoverage,
  type Food,
  type NutrientValue,
  type SampleInfo,
  type ValueBasis,
} from '../core/foods.js';
import { valueBasis, type CoverageBasis } from '../core/k2.js';
import { getNutrient, NUTRIENT_IDS, vitaminDUgToIu, type NutrientId } from '../core/nutrients.js';
import type { SourceRef } from '../core/sources.js';

export interface ShownNutrient {
  per100g: number;
  unit: string;
  source: SourceRef;
  range?: { min: number; max: number };
  approximate?: boolean;
  alternatives?: NonNullable<NutrientValue['alternatives']>;
  /** measured | measured (other sample) | inferred (vitamin-k2: measured or inferred). */
  basis?: ValueBasis | CoverageBasis;
  /** Country, method, samples and where in the source (menaquinones, dK). */
  sample?: SampleInfo;
  derived?: true;
  /** A lower bound: a component (derived values) or some ingredients (recipes) lacked a value. */
  partial?: true;
  /** Recipes: how many ingredients, and what share of their weight, had a value. */
  coverage?: IngredientCoverage;
  per100gIu?: number;
}

export interface FoodDescription {
  id: string;
  name: string;
  group: string;
  nutrients: Partial<Record<NutrientId, ShownNutrient>>;
  /** Why a nutrient is unknown, where a reviewed rule says (vitamin-k2). */
  unknownReasons?: Partial<Record<NutrientId, string>>;
  portions: { name: string; amount: number; grams: number }[];
}

/**
 * The food document both `foods show --json` and `GET /api/foods/{id}` return: known nutrients in
 * registry order (derived ones marked, with the components they sum), portions.
 */
export function describeFood(food: Food): FoodDescription {
  const nutrients: Partial<Record<NutrientId, ShownNutrient>> = {};
  for (const id of NUTRIENT_IDS) {
    const definition = getNutrient(id);
    if (definition.derivedFrom) {
      const value = nutrientPer100g(food, id);
      if (!value) continue;
      const parts = definition.derivedFrom.filter(
        (part) => nutrientPer100g(food, part) !== undefined,
      );
      const stated = food.nutrients[id];
      if (parts.length === 0 && stated) {
        // A total the food states without its parts (a label's K2 with no form): as stated.
        nutrients[id] = {
          per100g: stated.per100g,
          unit: definition.unit,
          source: {
            ...stated.source,
            note: [stated.source.note, 'a total as stated; its parts (forms) not given']
              .filter(Boolean)
              .join('; '),
          },
          ...(isPartialValue(stated) ? { partial: true as const } : {}),
        };
        continue;
      }
      nutrients[id] = {
        per100g: value.per100g,
        unit: definition.unit,
        source: {
          label: 'calcwise (derived)',
          kind: 'derived',
          note: `sum of the known components: ${parts.join(' + ')}${value.partial ? '; other components unknown' : ''}`,
        },
        derived: true,
        ...(value.partial ? { partial: true as const } : {}),
      };
      continue;
    }
    const value = food.nutrients[id];
    if (!value) continue;
    nutrients[id] = {
      per100g: value.per100g,
      unit: definition.unit,
      source: value.source,
      ...(value.range ? { range: value.range } : {}),
      ...(value.approximate ? { approximate: value.approximate } : {}),
      ...(value.alternatives ? { alternatives: value.alternatives } : {}),
      ...(value.basis ? { basis: value.basis } : {}),
      ...(value.sample ? { sample: value.sample } : {}),
      ...(value.coverage ? { coverage: value.coverage } : {}),
      ...(isPartialValue(value) ? { partial: true as const } : {}),
      ...(id === 'vitamin-d' ? { per100gIu: vitaminDUgToIu(value.per100g) } : {}),
    };
  }
  const k2 = nutrients['vitamin-k2'];
  if (k2) k2.basis = valueBasis(food, 'vitamin-k2');
  return {
    id: food.id,
    name: food.name,
    group: food.group,
    nutrients,
    ...(food.unknownReasons ? { unknownReasons: food.unknownReasons } : {}),
    portions: food.portions.map((portion) => ({
      name: portion.name,
      amount: portion.amount,
      grams: portion.grams,
    })),
  };
}
