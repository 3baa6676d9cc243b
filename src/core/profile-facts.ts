/**
 * Facts read off a profile that several parts of the core need (balance, safety, the planner).
 * Kept apart so none of them has to import another for them.
 */
import { MENAQUINONE_IDS, type NutrientId } from './nutrients.js';
import type { Profile } from './profile.js';

/** Which supplement nutrients count toward a nutrient: derived nutrients include their parts. */
const COMPONENTS: Partial<Record<NutrientId, readonly NutrientId[]>> = {
  'vitamin-k2': [...MENAQUINONE_IDS, 'vitamin-k2'],
  'vitamin-k': ['vitamin-k1', ...MENAQUINONE_IDS, 'vitamin-k2', 'vitamin-k'],
  'epa-dha': ['epa', 'dha', 'epa-dha'],
};

/**
 * Daily amount of a nutrient from the profile's supplements, in its canonical unit; 0 when
 * the person takes none (a known zero: the profile lists every supplement).
 * @example supplementAmount(profile, 'vitamin-k') // K1 + MK-7 + … from supplements
 */
export function supplementAmount(
  profile: Pick<Profile, 'supplements'>,
  nutrient: NutrientId,
): number {
  const parts = COMPONENTS[nutrient] ?? [nutrient];
  return profile.supplements
    .filter((s) => parts.includes(s.nutrient))
    .reduce((sum, s) => sum + s.amount, 0);
}

export function takesSupplement(
  profile: Pick<Profile, 'supplements'>,
  nutrient: NutrientId,
): boolean {
  return supplementAmount(profile, nutrient) > 0;
}
