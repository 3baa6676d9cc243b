import type { Analysis } from '../analysis/types.js';
import { getNutrient, type NutrientId } from '../nutrients.js';
import type { Profile } from '../profile.js';
import { supplementAmount } from '../profile-facts.js';
import type { BalanceInput } from './types.js';

/**
 * Food average plus supplements. Unknown food (no diary value) stays unknown: the amount is
 * null unless the food part is known, so a supplement alone is never shown as the whole intake.
 */
export function intakeOf(analysis: Analysis, profile: Profile, nutrient: NutrientId): BalanceInput {
  const food = analysis.average[nutrient];
  const supplement = supplementAmount(profile, nutrient);
  const known = food !== undefined && food.coverage > 0;
  return {
    amount: known ? food.amount + supplement : null,
    unit: getNutrient(nutrient).unit,
    ...(known ? { coverage: food.coverage } : {}),
    ...(supplement > 0 ? { supplement } : {}),
  };
}

export const round = (value: number, digits = 2): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};
