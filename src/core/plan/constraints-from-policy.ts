/**
 * The plan's side of the one clinical policy: consequences (src/core/policy) translated into
 * candidate exclusions and a consistency band. Nothing clinical is decided here — which foods,
 * which nutrient, which band and why all come from the consequence and the finding behind it.
 */
import { nutrientPer100g } from '../foods.js';
import type { NutrientId } from '../nutrients.js';
import type { Consequence } from '../policy/types.js';
import type { SourceRef } from '../sources.js';
import type { PantryItem } from './types.js';

export interface Consistency {
  nutrient: NutrientId;
  /** Relative band, e.g. 0.25 = ±25 %. */
  band: number;
  /** Fixed reference (the person's logged average); without it, day 1 of the plan. */
  reference?: number;
  label: string;
  findingId: string;
  source: SourceRef;
}

export interface PolicyConstraints {
  /** Why a food is left out, or undefined when it may be planned. */
  excludes(item: PantryItem): { findingId: string; reason: string } | undefined;
  consistency?: Consistency;
  /** Every exclusion rule, for the explanation. */
  exclusions: { findingId: string; reason: string; source: SourceRef }[];
}

export function constraintsFromPolicy(consequences: readonly Consequence[]): PolicyConstraints {
  const exclusions = consequences.filter(
    (c): c is Extract<Consequence, { type: 'exclude' | 'exclude-tag' }> =>
      c.type === 'exclude' || c.type === 'exclude-tag',
  );
  const hold = consequences.find(
    (c): c is Extract<Consequence, { type: 'holdConsistent' }> => c.type === 'holdConsistent',
  );
  return {
    excludes(item) {
      for (const c of exclusions) {
        const hit =
          c.type === 'exclude'
            ? (nutrientPer100g(item.food, c.nutrient)?.per100g ?? 0) >= c.atLeastPer100g
            : (item.tags ?? []).includes(c.tag);
        if (hit) return { findingId: c.findingId, reason: c.reason };
      }
      return undefined;
    },
    ...(hold
      ? {
          consistency: {
            nutrient: hold.nutrient,
            band: hold.band,
            ...(hold.reference !== undefined ? { reference: hold.reference } : {}),
            label: hold.reason,
            findingId: hold.findingId,
            source: hold.source,
          },
        }
      : {}),
    exclusions: exclusions.map((c) => ({
      findingId: c.findingId,
      reason: c.reason,
      source: c.source,
    })),
  };
}
