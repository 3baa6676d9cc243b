import { getNutrient, NUTRIENT_IDS, type NutrientId } from '../nutrients.js';
import type { Profile, TargetOverride } from '../profile.js';
import { targetContext } from './context.js';
import { ATWATER_FACTORS } from './data/references.js';
import { EFSA_DRV_ROWS, EFSA_MIN_AGE, EFSA_OMISSIONS } from './data/efsa-drv.js';
import { NASEM_DRI_ROWS } from './data/nasem-dri.js';
import { matchingRows, type DriRow } from './dri-row.js';
import { estimateEnergy } from './energy.js';
import type { PersonalTargets, Target } from './types.js';

export type { PersonalTargets, Target, TargetKind } from './types.js';
export {
  ACTIVITY_FACTORS,
  DEFAULT_ENERGY_KCAL,
  estimateEnergy,
  mifflinStJeorKcal,
} from './energy.js';

export type Authority = PersonalTargets['authority'];

export interface ComputeTargetsOptions {
  authority?: Authority;
}

/**
 * A person's targets: reference intakes for their sex, age and life stage from the chosen
 * authority (NASEM by default, or EFSA), energy-relative guidance scaled to their energy,
 * and their own overrides, which win and are marked `override: true`.
 * @example computeTargets(profile).targets.find((t) => t.nutrient === 'vitamin-d' && t.kind === 'RDA')
 *   // { value: 20, unit: 'µg', ... } for a 72-year-old
 */
export function computeTargets(
  profile: Profile,
  options: ComputeTargetsOptions = {},
): PersonalTargets {
  const authority = options.authority ?? 'nasem';
  const energy = estimateEnergy(profile);
  const notes: string[] = energy.note ? [energy.note] : [];
  const table = authority === 'efsa' ? EFSA_DRV_ROWS : NASEM_DRI_ROWS;
  if (authority === 'efsa') {
    notes.push(...EFSA_OMISSIONS);
    if (profile.age < EFSA_MIN_AGE) notes.push('No EFSA targets are given for this age.');
  }
  if (profile.lifeStage !== 'none' && Math.floor(profile.age) > 50) {
    notes.push('Pregnancy and lactation DRIs are tabulated to age 50; the 31–50 values are used.');
  }

  const reference = matchingRows(table, profile).flatMap((row) => {
    const target = toTarget(row, profile, energy.energyKcal);
    if (!target)
      notes.push(`${getNutrient(row.nutrient).name}: no ${row.kind} without a body weight.`);
    return target ? [target] : [];
  });
  return {
    energyKcal: energy.energyKcal,
    energySource: energy.energySource,
    authority,
    targets: sortTargets(applyOverrides(reference, profile.targets)),
    context: targetContext(authority),
    notes,
  };
}

/** Targets from the reference tables only, ignoring the profile's overrides (used by safety). */
export function computeReferenceTargets(
  profile: Profile,
  options: ComputeTargetsOptions = {},
): PersonalTargets {
  return computeTargets({ ...profile, targets: {} }, options);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function toTarget(row: DriRow, profile: Profile, energyKcal: number): Target | undefined {
  const unit = getNutrient(row.nutrient).unit;
  const notes: string[] = row.note ? [row.note] : [];
  let value = row.value;
  let source = row.source;

  if (row.basis === 'percent-energy') {
    const kcalPerGram = row.kcalPerGram ?? 9;
    value = round((energyKcal * row.value) / 100 / kcalPerGram, 1);
    notes.push(
      `${row.value} % of ${energyKcal} kcal at ${kcalPerGram} kcal/g (${ATWATER_FACTORS.label}).`,
    );
  } else if (row.perKgBodyWeight !== undefined) {
    if (profile.weightKg !== undefined) {
      value = round(row.perKgBodyWeight * profile.weightKg, 1);
      notes.push(`${row.perKgBodyWeight} g/kg × ${profile.weightKg} kg.`);
    } else if (row.requiresWeight) {
      return undefined;
    } else {
      notes.push(
        `Reference-weight value; with a weight in the profile it is ${row.perKgBodyWeight} g/kg.`,
      );
    }
  }
  if (row.smokerIncrement && profile.smoker) {
    value += row.smokerIncrement.value;
    notes.push(
      `Includes +${row.smokerIncrement.value} ${unit} for smokers (${row.smokerIncrement.source.label}).`,
    );
    source = {
      ...source,
      note: [source.note, `smoker increment: ${row.smokerIncrement.source.url}`]
        .filter(Boolean)
        .join(' '),
    };
  }
  if (row.perThousandKcalBasis !== undefined) {
    const scaled = round((row.perThousandKcalBasis * energyKcal) / 1000, 1);
    notes.push(
      `At ${energyKcal} kcal the ${row.perThousandKcalBasis} ${unit}/1,000 kcal basis gives ${scaled} ${unit}.`,
    );
  }
  return {
    nutrient: row.nutrient,
    unit,
    kind: row.kind,
    bound: row.bound,
    value,
    appliesTo: row.appliesTo,
    source,
    ...(notes.length > 0 ? { note: notes.join(' ') } : {}),
  };
}

function applyOverrides(
  reference: Target[],
  overrides: Partial<Record<NutrientId, TargetOverride>>,
): Target[] {
  let targets = reference;
  for (const [id, override] of Object.entries(overrides) as [NutrientId, TargetOverride][]) {
    for (const bound of ['min', 'max'] as const) {
      const value = override[bound];
      if (value === undefined) continue;
      const replaced = targets.filter((t) => t.nutrient === id && t.bound === bound);
      targets = targets.filter((t) => !(t.nutrient === id && t.bound === bound));
      const unit = getNutrient(id).unit;
      targets.push({
        nutrient: id,
        unit,
        kind: replaced[0]?.kind ?? 'guidance',
        bound,
        value,
        appliesTo: 'total',
        source: { label: 'Profile override', kind: 'user' },
        override: true,
        note:
          replaced.length > 0
            ? `Replaces ${replaced.map((t) => `${t.kind} ${t.value} ${unit} (${t.source.label})`).join('; ')}.`
            : 'No reference value exists for this bound.',
      });
    }
  }
  return targets;
}

function sortTargets(targets: Target[]): Target[] {
  const order = new Map<NutrientId, number>(NUTRIENT_IDS.map((id, i) => [id, i]));
  return [...targets].sort(
    (a, b) =>
      (order.get(a.nutrient) ?? 0) - (order.get(b.nutrient) ?? 0) ||
      (a.bound === b.bound ? 0 : a.bound === 'min' ? -1 : 1),
  );
}
