import type { Analysis } from '../analysis/types.js';
import {
  assessLab,
  latestLab,
  type LabAssessment,
  type LabResult,
  type LabTestId,
} from '../labs/index.js';
import type { NutrientId } from '../nutrients.js';
import type { Profile } from '../profile.js';
import type { PersonalTargets, Target } from '../targets/types.js';
import { ckdStage, normalizeCondition, type ConditionCode } from './conditions.js';
import {
  resolveMedication,
  type MedicationClass,
  type MedicationResolution,
} from './medications.js';
import { supplementAmount } from './supplement-totals.js';

/** Everything a rule may look at, worked out once per screening. */
export interface ScreeningContext {
  profile: Profile;
  /** Class → the names the person entered that belong to it. */
  medications: ReadonlyMap<MedicationClass, readonly string[]>;
  unknownMedications: readonly string[];
  /** Every medication as entered, resolved through the vocabulary (brands, salts, combinations). */
  resolutions: readonly MedicationResolution[];
  conditions: ReadonlySet<ConditionCode>;
  unknownConditions: readonly string[];
  ckd: ReturnType<typeof ckdStage>;
  analysis?: Analysis;
  /** The person's lab results, as stored (canonical units). */
  labs: readonly LabResult[];
  /** The latest result of a test with where it sits (own range, else the cited default). */
  latestLab(test: LabTestId): { lab: LabResult; assessment: LabAssessment } | undefined;
  /** Reference targets without the profile's overrides: an override never silences a UL. */
  reference: PersonalTargets;
  supplement(nutrient: NutrientId): number;
  /** Diary average from food, or undefined without a diary or when no food had a value. */
  foodAverage(nutrient: NutrientId): number | undefined;
  has(cls: MedicationClass): boolean;
  /** "medication: warfarin" for the names in a class. */
  medicationTrigger(...classes: MedicationClass[]): string;
  referenceTarget(nutrient: NutrientId, bound: Target['bound']): Target | undefined;
}

export function buildContext(
  profile: Profile,
  reference: PersonalTargets,
  analysis?: Analysis,
  /** ULs used where the chosen authority set none (NASEM when the authority is EFSA). */
  fallback?: PersonalTargets,
  labs: readonly LabResult[] = [],
): ScreeningContext {
  const find = (
    targets: PersonalTargets | undefined,
    nutrient: NutrientId,
    bound: Target['bound'],
  ) =>
    targets?.targets.find(
      (t) =>
        t.nutrient === nutrient && t.bound === bound && (bound === 'max' ? t.kind === 'UL' : true),
    );
  const medications = new Map<MedicationClass, string[]>();
  const unknownMedications: string[] = [];
  const resolutions = profile.medications.map((name) => resolveMedication(name));
  for (const resolution of resolutions) {
    const name = resolution.input;
    if (resolution.matches.length === 0) unknownMedications.push(name);
    for (const match of resolution.matches) {
      // A brand is named with its generic: "coumadin (warfarin)".
      const shown =
        match.generic === name.trim().toLowerCase() ? name : `${name} (${match.generic})`;
      for (const cls of match.classes) {
        const list = medications.get(cls) ?? [];
        if (!list.includes(shown)) medications.set(cls, [...list, shown]);
      }
    }
  }
  const conditions = new Set<ConditionCode>();
  const unknownConditions: string[] = [];
  for (const code of profile.conditions) {
    const known = normalizeCondition(code);
    if (known) conditions.add(known);
    else unknownConditions.push(code);
  }
  return {
    profile,
    medications,
    unknownMedications,
    resolutions,
    conditions,
    unknownConditions,
    ckd: ckdStage(conditions),
    ...(analysis ? { analysis } : {}),
    labs,
    latestLab: (test) => {
      const lab = latestLab(labs, test);
      return lab ? { lab, assessment: assessLab(lab) } : undefined;
    },
    reference,
    supplement: (nutrient) => supplementAmount(profile, nutrient),
    foodAverage: (nutrient) => {
      const total = analysis?.average[nutrient];
      return total && total.coverage > 0 ? total.amount : undefined;
    },
    has: (cls) => medications.has(cls),
    medicationTrigger: (...classes) => {
      const names = [...new Set(classes.flatMap((cls) => medications.get(cls) ?? []))];
      return `medication: ${names.join(', ')}`;
    },
    referenceTarget: (nutrient, bound) =>
      find(reference, nutrient, bound) ??
      (bound === 'max' ? find(fallback, nutrient, bound) : undefined),
  };
}

/** Rounds for messages: whole numbers above 10, one decimal below. */
export function fmt(value: number): string {
  const rounded = Math.abs(value) >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return rounded.toLocaleString('en-US');
}
