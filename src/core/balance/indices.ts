import type { Analysis } from '../analysis/types.js';
import { MOLAR_MASS_G_PER_MOL } from '../nutrients.js';
import type { Profile } from '../profile.js';
import type { SourceRef } from '../sources.js';
import { AVADEC_2022, KNAPEN_2015 } from '../targets/data/references.js';
import type { PersonalTargets, Target } from '../targets/types.js';
import { intakeOf, round } from './intake.js';
import type { BalanceIndex } from './types.js';

/** MK-7 dose of the longest placebo-controlled trial (Knapen 2015): a comparison, not a target. */
export const K2_TRIAL_DOSE_UG = 180;
/** Below this share of entries with a K2 value, the K2 total is too sparse to judge. */
export const K2_MIN_COVERAGE = 0.5;

function target(targets: PersonalTargets, nutrient: Target['nutrient'], bound: Target['bound']) {
  return targets.targets.find((t) => t.nutrient === nutrient && t.bound === bound);
}

function derived(label: string, targets: Target[]): SourceRef {
  return {
    label,
    kind: 'derived',
    note: `Computed from: ${targets.map((t) => `${t.nutrient} ${t.kind} ${t.value} ${t.unit} (${t.source.label})`).join('; ')}.`,
  };
}

/** Vitamin D (food + supplements) high while K2 is low: the "calcium paradox" hypothesis. */
export function dVsK2Index(
  analysis: Analysis,
  profile: Profile,
  targets: PersonalTargets,
): BalanceIndex {
  const d = intakeOf(analysis, profile, 'vitamin-d');
  const k2 = intakeOf(analysis, profile, 'vitamin-k2');
  const rda = target(targets, 'vitamin-d', 'min');
  const dLowerBound = (d.amount ?? 0) + (d.amount === null ? (d.supplement ?? 0) : 0);
  const dHigh = rda !== undefined && dLowerBound > rda.value;
  const k2Judgeable = k2.amount !== null && (k2.coverage ?? 0) >= K2_MIN_COVERAGE;

  let status: BalanceIndex['status'];
  if (!rda) status = 'unknown';
  else if (!dHigh) status = d.amount === null ? 'unknown' : 'within';
  else if ((k2.amount ?? k2.supplement ?? 0) >= K2_TRIAL_DOSE_UG) status = 'info';
  else status = k2Judgeable ? 'flag' : 'unknown';

  const coverageNote =
    k2.coverage === undefined
      ? 'No food in the diary has a measured K2 value.'
      : `Only ${Math.round(k2.coverage * 100)} % of diary entries have a measured K2 value; K2 data are sparse and vary with cheese type, ripening and country.`;
  return {
    id: 'd-vs-k2',
    name: 'Vitamin D vs vitamin K2',
    value: d.amount === null ? (d.supplement ?? null) : round(d.amount, 1),
    unit: 'µg/day vitamin D',
    referenceRange: {
      ...(rda ? { min: rda.value } : {}),
      text: `Vitamin D ${rda ? `${rda.kind} ${rda.value} µg/day` : 'has no target here'}. K2 has no reference intake anywhere; for comparison only, trials used ${K2_TRIAL_DOSE_UG} µg/day MK-7 (Knapen 2015) — not a target.`,
    },
    status,
    source: KNAPEN_2015,
    evidence: `Hypothesis-level: vitamin D raises calcium absorption while vitamin K activates matrix Gla protein, so high vitamin D with low vitamin K2 has been proposed to favour calcium deposits in arteries (the "calcium paradox"). This rests on mechanism and observational data; no trial has shown that adding K2 to vitamin D prevents or reverses calcification (AVADEC, ${AVADEC_2022.label}: null primary outcome). ${coverageNote} This is not advice to take a K2 supplement; on a vitamin K antagonist K2 supplements interfere with anticoagulation.`,
    inputs: { 'vitamin-d': d, 'vitamin-k2': k2 },
  };
}

function ratioIndex(options: {
  id: string;
  name: string;
  unit: string;
  numerator: ReturnType<typeof intakeOf>;
  denominator: ReturnType<typeof intakeOf>;
  inputs: Record<string, ReturnType<typeof intakeOf>>;
  convert?: (num: number, den: number) => number;
  reference?: { value: number; text: string; bound: 'max' | 'none' };
  source: SourceRef;
  evidence: string;
}): BalanceIndex {
  const { numerator, denominator } = options;
  const computable =
    numerator.amount !== null && denominator.amount !== null && denominator.amount > 0;
  const ratio = computable
    ? (options.convert ?? ((n, d) => n / d))(numerator.amount!, denominator.amount!)
    : null;
  let status: BalanceIndex['status'] = 'unknown';
  if (ratio !== null) {
    if (options.reference?.bound === 'max') {
      status = ratio > options.reference.value ? 'above' : 'within';
    } else status = 'info';
  }
  return {
    id: options.id,
    name: options.name,
    value: ratio === null ? null : round(ratio, 2),
    unit: options.unit,
    referenceRange: {
      ...(options.reference?.bound === 'max' ? { max: round(options.reference.value, 2) } : {}),
      text: options.reference?.text ?? 'No reference range.',
    },
    status,
    source: options.source,
    evidence: options.evidence,
    inputs: options.inputs,
  };
}

/** Calcium to magnesium, mass ratio. */
export function caMgIndex(
  analysis: Analysis,
  profile: Profile,
  targets: PersonalTargets,
): BalanceIndex {
  const ca = intakeOf(analysis, profile, 'calcium');
  const mg = intakeOf(analysis, profile, 'magnesium');
  const caT = target(targets, 'calcium', 'min');
  const mgT = target(targets, 'magnesium', 'min');
  const implied = caT && mgT ? caT.value / mgT.value : undefined;
  return ratioIndex({
    id: 'ca-mg',
    name: 'Calcium : magnesium (mass)',
    unit: 'mg/mg',
    numerator: ca,
    denominator: mg,
    inputs: { calcium: ca, magnesium: mg },
    ...(implied !== undefined
      ? {
          reference: {
            value: implied,
            bound: 'none' as const,
            text: `No official range exists. Meeting your calcium target (${caT!.value} mg) and magnesium target (${mgT!.value} mg) gives ${round(implied, 2)}:1.`,
          },
        }
      : {}),
    source: derived(
      'Ratio implied by the reference intakes',
      [caT, mgT].filter((t) => t !== undefined),
    ),
    evidence:
      'No guideline sets a calcium-to-magnesium range. Ratios around 2:1 are often quoted, from observational and mechanistic work (not verified in calcwise’s sources). Magnesium intake was linked to less coronary calcification in Framingham (observational); meeting both targets from food matters more than the ratio.',
  });
}

/** Sodium to potassium, molar ratio (molar masses from the nutrient registry). */
export function naKIndex(
  analysis: Analysis,
  profile: Profile,
  targets: PersonalTargets,
): BalanceIndex {
  const na = intakeOf(analysis, profile, 'sodium');
  const k = intakeOf(analysis, profile, 'potassium');
  const naT = target(targets, 'sodium', 'max');
  const kT = target(targets, 'potassium', 'min');
  const molar = (naMg: number, kMg: number) =>
    naMg / MOLAR_MASS_G_PER_MOL.sodium / (kMg / MOLAR_MASS_G_PER_MOL.potassium);
  const implied = naT && kT ? molar(naT.value, kT.value) : undefined;
  return ratioIndex({
    id: 'na-k',
    name: 'Sodium : potassium (molar)',
    unit: 'mol/mol',
    numerator: na,
    denominator: k,
    inputs: { sodium: na, potassium: k },
    convert: molar,
    ...(implied !== undefined
      ? {
          reference: {
            value: implied,
            bound: 'max' as const,
            text: `At most ${round(implied, 2)}: the ratio of your sodium limit (${naT!.kind} ${naT!.value} mg) to your potassium target (${kT!.kind} ${kT!.value} mg), in moles (Na 22.99, K 39.098 g/mol).`,
          },
        }
      : {}),
    source: derived(
      'Ratio implied by the sodium limit and potassium AI',
      [naT, kT].filter((t) => t !== undefined),
    ),
    evidence:
      'The link to calcification runs through blood pressure: in SCAPIS, higher urinary sodium was associated with coronary calcium, but not after adjusting for blood pressure (observational). The reference is derived from the sodium limit and potassium AI, not a separately validated cut-off. With CKD or potassium-retaining medicines the potassium AI does not apply: ask your clinician.',
  });
}

/** Calcium to phosphorus, mass ratio. */
export function caPIndex(
  analysis: Analysis,
  profile: Profile,
  targets: PersonalTargets,
): BalanceIndex {
  const ca = intakeOf(analysis, profile, 'calcium');
  const p = intakeOf(analysis, profile, 'phosphorus');
  const caT = target(targets, 'calcium', 'min');
  const pT = target(targets, 'phosphorus', 'min');
  const implied = caT && pT ? caT.value / pT.value : undefined;
  return ratioIndex({
    id: 'ca-p',
    name: 'Calcium : phosphorus (mass)',
    unit: 'mg/mg',
    numerator: ca,
    denominator: p,
    inputs: { calcium: ca, phosphorus: p },
    ...(implied !== undefined
      ? {
          reference: {
            value: implied,
            bound: 'none' as const,
            text: `No official range exists. Meeting your calcium (${caT!.value} mg) and phosphorus (${pT!.value} mg) targets gives ${round(implied, 2)}:1.`,
          },
        }
      : {}),
    source: derived(
      'Ratio implied by the reference intakes',
      [caT, pT].filter((t) => t !== undefined),
    ),
    evidence:
      'No guideline sets a calcium-to-phosphorus range for adults. In CKD, phosphorus intake matters on its own (KDOQI: keep blood phosphate normal), whatever the ratio.',
  });
}
