import type { Analysis } from '../analysis/types.js';
import { NUTRIENT_IDS, type NutrientId } from '../nutrients.js';
import type { Profile } from '../profile.js';
import { classifyMedication } from '../safety/medications.js';
import { ODS_VITAMIN_K } from '../safety/references.js';
import { supplementAmount } from '../profile-facts.js';
import type { PersonalTargets, Target } from '../targets/types.js';
import { caMgIndex, caPIndex, dVsK2Index, naKIndex } from './indices.js';
import { round } from './intake.js';
import type {
  AssessedAnalysis,
  AssessedTotal,
  Balance,
  VitaminKConsistencyIndex,
} from './types.js';
import { vitaminKConsistency } from '../analysis/vitamin-k-consistency.js';

export type {
  AssessedAnalysis,
  AssessedTotal,
  Balance,
  BalanceIndex,
  BalanceInput,
  BalanceStatus,
  VitaminKConsistencyIndex,
} from './types.js';
export { vitaminKConsistency, type VitaminKConsistency } from '../analysis/vitamin-k-consistency.js';
export { K2_MIN_COVERAGE, K2_TRIAL_DOSE_UG } from './indices.js';

/**
 * Compares a diary's averages with the person's targets and computes the balance indices.
 * Intake is the food average plus the profile's supplements. A supplements-only limit
 * (magnesium UL) is compared with supplements alone; a total limit with food + supplements.
 * @example assessAnalysis(analysis, profile, computeTargets(profile)).average.calcium
 *   // { amount: 840, target: 1200, targetKind: 'RDA', percent: 70, limit: 2000, overLimit: false, ... }
 */
export function assessAnalysis(
  analysis: Analysis,
  profile: Profile,
  targets: PersonalTargets,
): AssessedAnalysis {
  const average: Partial<Record<NutrientId, AssessedTotal>> = {};
  for (const id of NUTRIENT_IDS) {
    const total = analysis.average[id];
    if (total) average[id] = assessTotal(id, total, profile, targets.targets);
  }
  return { average, balance: computeBalance(analysis, profile, targets) };
}

function assessTotal(
  nutrient: NutrientId,
  total: NonNullable<Analysis['average'][NutrientId]>,
  profile: Profile,
  targets: readonly Target[],
): AssessedTotal {
  const supplement = supplementAmount(profile, nutrient);
  const known = total.coverage > 0;
  const intake = total.amount + supplement;
  const assessed: AssessedTotal = { ...total, supplement, ...(known ? { intake } : {}) };
  const min = targets.find((t) => t.nutrient === nutrient && t.bound === 'min');
  if (min) {
    assessed.target = min.value;
    assessed.targetKind = min.kind;
    if (known && min.value > 0) assessed.percent = round((intake / min.value) * 100, 1);
  }
  const max = targets
    .filter((t) => t.nutrient === nutrient && t.bound === 'max')
    .sort((a, b) => a.value - b.value)[0];
  if (max) {
    assessed.limit = max.value;
    assessed.limitKind = max.kind;
    assessed.limitAppliesTo = max.appliesTo;
    if (max.appliesTo === 'supplements') assessed.overLimit = supplement > max.value;
    else if (known) assessed.overLimit = intake > max.value;
  }
  return assessed;
}

function takesVka(profile: Profile): boolean {
  return profile.medications.some((name) => classifyMedication(name)?.includes('vka'));
}

function computeBalance(analysis: Analysis, profile: Profile, targets: PersonalTargets): Balance {
  const balance: Balance = {
    dVsK2: dVsK2Index(analysis, profile, targets),
    caMg: caMgIndex(analysis, profile, targets),
    naK: naKIndex(analysis, profile, targets),
    caP: caPIndex(analysis, profile, targets),
  };
  if (takesVka(profile)) balance.vitaminKConsistency = vitaminKConsistencyIndex(analysis);
  return balance;
}

function vitaminKConsistencyIndex(analysis: Analysis): VitaminKConsistencyIndex {
  const details = vitaminKConsistency(analysis);
  const swing = details.largestSwings[0];
  const computed = details.cvPercent !== undefined;
  return {
    id: 'vitamin-k-consistency',
    name: 'Vitamin K day-to-day consistency',
    value: details.cvPercent ?? null,
    unit: '% (coefficient of variation of daily total vitamin K)',
    referenceRange: {
      text: 'No validated threshold exists: on a vitamin K antagonist the aim is similar amounts every day, not a particular amount.',
    },
    status: computed ? 'info' : 'unknown',
    source: ODS_VITAMIN_K,
    evidence: `Changes in vitamin K intake shift the INR of people on warfarin-type drugs, which is why a steady intake matters (NIH ODS).${
      computed && swing
        ? ` Over ${details.daysWithData} days your daily vitamin K averaged ${details.meanUg} µg (SD ${details.sdUg} µg); the largest change was ${swing.changeUg > 0 ? '+' : ''}${swing.changeUg} µg from ${swing.from} to ${swing.to}.`
        : ' At least two diary days with vitamin K data are needed to measure consistency.'
    }${details.daysWithoutData.length > 0 ? ` Days without vitamin K data: ${details.daysWithoutData.join(', ')}.` : ''} Share these numbers with your anticoagulation clinic.`,
    inputs: {},
    details,
  };
}
