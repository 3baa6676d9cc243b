import type { NutrientId, NutrientUnit } from '../nutrients.js';
import type { SourceRef } from '../sources.js';

export type TargetKind = 'RDA' | 'AI' | 'UL' | 'CDRR' | 'guidance';

/** One personal target. Minimums (RDA, AI, guidance minimums) and maximums (UL, CDRR, limits). */
export interface Target {
  nutrient: NutrientId;
  unit: NutrientUnit;
  kind: TargetKind;
  /** `min`: aim at or above; `max`: stay at or below. */
  bound: 'min' | 'max';
  value: number;
  /** What the value limits: all intake, or supplements and medicines only (magnesium UL). */
  appliesTo: 'total' | 'supplements' | 'food';
  source: SourceRef;
  /** Set when the profile's `targets` replaced the reference value. */
  override?: boolean;
  /** Set when a safety finding replaced or added this target (its id). */
  findingId?: string;
  note?: string;
}

export interface PersonalTargets {
  energyKcal: number;
  energySource: 'profile' | 'mifflin-st-jeor' | 'dri-default';
  authority: 'nasem' | 'efsa';
  targets: Target[];
  /** Things that are not targets but context, e.g. MK-7 doses used in trials. */
  context: { nutrient: NutrientId; message: string; source: SourceRef }[];
  /** How energy was estimated and what the chosen authority does not cover. */
  notes?: string[];
  /** Reference targets a finding says do not apply (CKD potassium AI …), with the finding. */
  notApplicable?: {
    nutrient: NutrientId;
    bound: 'min' | 'max';
    kind: TargetKind;
    value: number;
    reason: string;
    findingId: string;
    source: SourceRef;
  }[];
}
