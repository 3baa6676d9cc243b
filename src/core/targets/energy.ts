import type { Activity, Profile } from '../profile.js';
import type { SourceRef } from '../sources.js';
import type { PersonalTargets } from './types.js';
import { DEFAULT_ENERGY, MIFFLIN_1990 } from './data/references.js';

/** Physical activity multipliers applied to the Mifflin–St Jeor resting energy expenditure. */
export const ACTIVITY_FACTORS: Readonly<Record<Activity, number>> = {
  sedentary: 1.2,
  light: 1.375,
  moderate: 1.55,
  active: 1.725,
  'very-active': 1.9,
};

/** Used only when neither energyKcal nor weight, height and age are known. */
export const DEFAULT_ENERGY_KCAL = 2000;

export interface EnergyEstimate {
  energyKcal: number;
  energySource: PersonalTargets['energySource'];
  source: SourceRef;
  note?: string;
}

/**
 * Resting energy expenditure by Mifflin–St Jeor (kcal/day):
 * 10 × weight (kg) + 6.25 × height (cm) − 5 × age (y) + 5 (men) or − 161 (women).
 * @example mifflinStJeorKcal({ weightKg: 80, heightCm: 180, age: 72, sex: 'male' }) // 1610
 */
export function mifflinStJeorKcal(person: {
  weightKg: number;
  heightCm: number;
  age: number;
  sex: Profile['sex'];
}): number {
  const base = 10 * person.weightKg + 6.25 * person.heightCm - 5 * person.age;
  return base + (person.sex === 'male' ? 5 : -161);
}

/** Daily energy: the profile's own figure, else Mifflin–St Jeor × activity, else a default. */
export function estimateEnergy(profile: Profile): EnergyEstimate {
  if (profile.energyKcal !== undefined) {
    return {
      energyKcal: profile.energyKcal,
      energySource: 'profile',
      source: { label: 'Profile energyKcal', kind: 'user' },
    };
  }
  if (profile.weightKg !== undefined && profile.heightCm !== undefined) {
    const activity = profile.activity ?? 'sedentary';
    const resting = mifflinStJeorKcal({
      weightKg: profile.weightKg,
      heightCm: profile.heightCm,
      age: profile.age,
      sex: profile.sex,
    });
    const notes = [
      `Mifflin–St Jeor ${Math.round(resting)} kcal × activity factor ${ACTIVITY_FACTORS[activity]} (${activity}${profile.activity ? '' : ', assumed: no activity in the profile'}).`,
    ];
    if (profile.lifeStage !== 'none') {
      notes.push(
        'The equation does not account for pregnancy or lactation; set energyKcal in the profile.',
      );
    }
    return {
      energyKcal: Math.round(resting * ACTIVITY_FACTORS[activity]),
      energySource: 'mifflin-st-jeor',
      source: MIFFLIN_1990,
      note: notes.join(' '),
    };
  }
  return {
    energyKcal: DEFAULT_ENERGY_KCAL,
    energySource: 'dri-default',
    source: DEFAULT_ENERGY,
    note: 'No energyKcal, weight or height in the profile: the 2,000 kcal reference is used; energy-relative limits scale with it.',
  };
}
