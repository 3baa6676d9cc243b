import type { NutrientId } from '../nutrients.js';
import type { LifeStage, Profile, Sex } from '../profile.js';
import type { SourceRef } from '../sources.js';
import type { Target, TargetKind } from './types.js';

/**
 * One reference value of a DRI table, as data. A row applies to a sex, an inclusive band of
 * completed years of age and the life stages it lists. `value` is per day in the nutrient's
 * canonical unit unless `basis` says otherwise.
 */
export interface DriRow {
  nutrient: NutrientId;
  kind: TargetKind;
  bound: Target['bound'];
  appliesTo: Target['appliesTo'];
  sex: Sex | 'any';
  ageMin: number;
  /** Inclusive; absent means no upper age. */
  ageMax?: number;
  lifeStages: readonly LifeStage[];
  /** Per-day amount; for `percent-energy` the percentage of energy. */
  value: number;
  /** `per-day` (default) or `percent-energy` (converted with `kcalPerGram`). */
  basis?: 'per-day' | 'percent-energy';
  kcalPerGram?: number;
  /** Grams per kg body weight; used instead of `value` when the profile has a weight. */
  perKgBodyWeight?: number;
  /** When the row has no per-day value without a body weight (EFSA protein). */
  requiresWeight?: boolean;
  /** The energy basis the value was derived from, in units per 1,000 kcal (fiber: 14 g). */
  perThousandKcalBasis?: number;
  /** Added for smokers (vitamin C, NASEM). */
  smokerIncrement?: { value: number; source: SourceRef };
  source: SourceRef;
  note?: string;
}

export const ALL_STAGES: readonly LifeStage[] = ['none', 'pregnant', 'lactating'];
export const NOT_PREGNANT: readonly LifeStage[] = ['none'];
export const PREGNANT: readonly LifeStage[] = ['pregnant'];
export const LACTATING: readonly LifeStage[] = ['lactating'];

/** Pregnancy and lactation DRIs are tabulated to age 50; older pregnant people use the 31–50 row. */
export const PREGNANCY_TABLE_MAX_AGE = 50;

/** Completed years of age used to pick rows (the DRI bands are in completed years: 51–70 y). */
export function tableAge(profile: Pick<Profile, 'age' | 'lifeStage'>): number {
  const years = Math.floor(profile.age);
  return profile.lifeStage === 'none' ? years : Math.min(years, PREGNANCY_TABLE_MAX_AGE);
}

export function rowMatches(
  row: DriRow,
  profile: Pick<Profile, 'age' | 'sex' | 'lifeStage'>,
): boolean {
  const age = tableAge(profile);
  return (
    (row.sex === 'any' || row.sex === profile.sex) &&
    age >= row.ageMin &&
    (row.ageMax === undefined || age <= row.ageMax) &&
    row.lifeStages.includes(profile.lifeStage)
  );
}

/** Every row of a table that applies to a person. */
export function matchingRows(
  rows: readonly DriRow[],
  profile: Pick<Profile, 'age' | 'sex' | 'lifeStage'>,
): DriRow[] {
  return rows.filter((row) => rowMatches(row, profile));
}

type Band = [ageMin: number, ageMax?: number];

export interface RowSpec {
  sex?: Sex | 'any';
  ages: Band;
  stages?: readonly LifeStage[];
  value: number;
  extra?: Partial<DriRow>;
}

/** Builds the rows of one nutrient and kind; ULs and CDRRs are maximums, the rest minimums. */
export function driRows(
  nutrient: NutrientId,
  kind: TargetKind,
  source: SourceRef,
  specs: RowSpec[],
  shared: Partial<DriRow> = {},
): DriRow[] {
  const bound = kind === 'UL' || kind === 'CDRR' ? 'max' : 'min';
  return specs.map(({ sex = 'any', ages, stages = ALL_STAGES, value, extra }) => ({
    nutrient,
    kind,
    bound,
    appliesTo: 'total',
    sex,
    ageMin: ages[0],
    ...(ages[1] === undefined ? {} : { ageMax: ages[1] }),
    lifeStages: stages,
    value,
    source,
    ...shared,
    ...extra,
  }));
}
