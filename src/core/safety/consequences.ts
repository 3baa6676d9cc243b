import type { NutrientId } from '../nutrients.js';
import type { SourceRef } from '../sources.js';

/**
 * What the rest of calcwise obeys because of a finding (docs/design.md §11). Rules emit these next
 * to their findings; targets, the planner and supplement suggestions only translate them. Each
 * carries the id of the finding that caused it and that finding's source.
 */
export type Consequence =
  | (Cause & {
      type: 'exclude';
      /** Foods with at least `atLeastPer100g` of the nutrient per 100 g. */
      nutrient: NutrientId;
      atLeastPer100g: number;
    })
  | (Cause & {
      type: 'exclude-tag';
      /** Foods carrying this safety tag (data/pantry/safety-tags.csv). */
      tag: string;
    })
  | (Cause & {
      type: 'cap';
      nutrient: NutrientId;
      /** food: from food only; supplement: from supplements only; both: food + supplements. */
      scope: 'food' | 'supplement' | 'both';
      value: number;
    })
  | (Cause & {
      type: 'replaceTarget';
      nutrient: NutrientId;
      bound: 'min' | 'max';
      value: number | 'not-applicable';
    })
  | (Cause & {
      type: 'holdConsistent';
      nutrient: NutrientId;
      /** Allowed relative deviation per day, e.g. 0.25 for ±25 %. */
      band: number;
      /** The person's own logged daily average, when a history was given. */
      reference?: number;
    })
  | (Cause & {
      type: 'withholdSupplement';
      nutrient: NutrientId | 'all';
    });

export interface Cause {
  findingId: string;
  source: SourceRef;
  /** Plain words: why, for explanations. */
  reason: string;
}

export type ConsequenceType = Consequence['type'];

/** A consequence as a rule writes it next to its finding: the cause is filled in by the screening. */
export type ConsequenceSpec = Consequence extends infer C
  ? C extends Consequence
    ? Omit<C, 'findingId' | 'source'> & { source?: SourceRef }
    : never
  : never;
