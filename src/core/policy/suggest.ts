/**
 * Supplement suggestions for a plan's gaps: gap → candidate dose → the rules re-run with the
 * dose added to the profile → kept only if nothing reaches caution or avoid (docs/design.md §11).
 * The planner passes what it achieved; every clinical decision is here.
 */
import type { NutrientId, NutrientUnit } from '../nutrients.js';
import { getNutrient } from '../nutrients.js';
import type { Profile } from '../profile.js';
import { screen, supplementAmount, type Finding } from '../safety/index.js';
import type { PersonalTargets } from '../targets/types.js';
import type { Consequence } from './types.js';

export interface SupplementGap {
  nutrient: NutrientId;
  unit: NutrientUnit;
  target: number;
  /** Lowest day, food plus the person's supplements. */
  achieved: number;
  /** Highest day from food alone (for room under a food + supplement limit). */
  foodMax: number;
}

export interface SuggestedSupplement {
  nutrient: NutrientId;
  suggestedAmount: number;
  unit: NutrientUnit;
  reason: string;
  note: 'to discuss with your clinician';
  caution?: string;
}

/** Dose steps per nutrient suggested for a gap (product sizes), and the least gap worth one. */
const STEPS: Partial<Record<NutrientId, { step: number; minGapShare: number }>> = {
  'vitamin-d': { step: 5, minGapShare: 0 },
  'epa-dha': { step: 0.25, minGapShare: 0 },
  magnesium: { step: 50, minGapShare: 0 },
  // Calcium from supplements carries a cardiovascular signal: only for a large gap, never a small one.
  calcium: { step: 250, minGapShare: 0.5 },
};

/** The one trial dose calcwise mentions and the population it was tested in (Knapen 2015). */
const MK7_TRIAL = {
  dose: 180,
  sex: 'female' as const,
  ages: [55, 65] as const,
  population: 'postmenopausal women aged 55–65',
};

export function withheldSupplements(consequences: readonly Consequence[]): {
  all: boolean;
  nutrients: Set<NutrientId>;
} {
  const nutrients = new Set<NutrientId>();
  let all = false;
  for (const c of consequences) {
    if (c.type !== 'withholdSupplement') continue;
    if (c.nutrient === 'all') all = true;
    else nutrients.add(c.nutrient);
  }
  return { all, nutrients };
}

/**
 * Would adding this supplement to the profile raise a caution or avoid? Blocking: any caution or
 * avoid finding that the profile did not have without it, or any about this nutrient.
 */
export function passesCheck(
  profile: Profile,
  nutrient: NutrientId,
  amount: number,
  authority: PersonalTargets['authority'],
): { ok: boolean; blocking: Finding[]; reviews: Finding[] } {
  const unit = getNutrient(nutrient).unit;
  const withIt: Profile = {
    ...profile,
    supplements: [...profile.supplements, { nutrient, amount, unit }],
  };
  const serious = (f: Finding) => f.severity === 'avoid' || f.severity === 'caution';
  const key = (f: Finding) => `${f.id}|${f.severity}|${f.trigger}`;
  const before = new Set(screen(profile, { authority }).findings.filter(serious).map(key));
  const raised = screen(withIt, { authority }).findings.filter(
    (f) => serious(f) && (!before.has(key(f)) || f.nutrient === nutrient),
  );
  const blocking = raised.filter((f) => !REVIEW_REMINDERS.has(f.id));
  const reviews = raised.filter((f) => REVIEW_REMINDERS.has(f.id));
  return { ok: blocking.length === 0, blocking, reviews };
}

/**
 * Cautions that ask for any supplement to be reviewed (in pregnancy: with the midwife) rather
 * than warn about this one. They do not block a suggestion; the suggestion carries their action,
 * so a pregnant person still hears of the supplements guidelines advise, to review.
 */
const REVIEW_REMINDERS: ReadonlySet<string> = new Set(['pregnancy-supplements']);

export function suggestSupplements(input: {
  profile: Profile;
  targets: PersonalTargets;
  consequences: readonly Consequence[];
  findings: readonly Finding[];
  gaps: readonly SupplementGap[];
  /** The plan already has foods with long-chain menaquinones. */
  longChainK2Foods: boolean;
}): SuggestedSupplement[] {
  const { profile, targets, consequences, findings } = input;
  const withheld = withheldSupplements(consequences);
  if (withheld.all) return [];
  const out: SuggestedSupplement[] = [];
  const note = (n: NutrientId) =>
    findings
      .filter((f) => f.nutrient === n && (f.severity === 'monitor' || f.severity === 'info'))
      .map((f) => f.action)
      .join(' ') || undefined;
  for (const gap of input.gaps) {
    const n = gap.nutrient;
    const rule = STEPS[n];
    if (!rule || withheld.nutrients.has(n)) continue;
    const shortfall = gap.target - gap.achieved;
    if (shortfall <= 0 || shortfall < rule.minGapShare * gap.target) continue;
    const current = supplementAmount(profile, n);
    const rooms = targets.targets
      .filter((t) => t.nutrient === n && t.bound === 'max')
      .map((t) =>
        t.appliesTo === 'supplements' ? t.value - current : t.value - current - gap.foodMax,
      );
    let amount = Math.ceil(shortfall / rule.step) * rule.step;
    if (rooms.length > 0)
      amount = Math.min(amount, Math.floor(Math.min(...rooms) / rule.step) * rule.step);
    if (!(amount > 0)) continue;
    const checked = passesCheck(profile, n, amount, targets.authority);
    if (!checked.ok) continue;
    const extra =
      [note(n), ...checked.reviews.map((f) => f.action)].filter(Boolean).join(' ') || undefined;
    out.push({
      nutrient: n,
      suggestedAmount: amount,
      unit: gap.unit,
      reason:
        n === 'epa-dha' && profile.pattern === 'vegan'
          ? `the plan reaches ${gap.achieved} of ${gap.target} ${gap.unit}; algae oil provides EPA and DHA without fish`
          : `the plan reaches ${gap.achieved} of ${gap.target} ${gap.unit} from food${current ? ' and your supplements' : ''}`,
      note: 'to discuss with your clinician',
      ...(extra ? { caution: extra } : {}),
    });
  }

  // MK-7: the trial dose, only to the population it was tested in, never against a finding.
  const trial = targets.context.find(
    (c) => c.nutrient === 'mk7' && c.message.includes(`${MK7_TRIAL.dose} µg/day MK-7`),
  );
  const inPopulation =
    profile.sex === MK7_TRIAL.sex &&
    profile.lifeStage === 'none' &&
    profile.age >= MK7_TRIAL.ages[0] &&
    profile.age <= MK7_TRIAL.ages[1];
  if (
    trial &&
    inPopulation &&
    !input.longChainK2Foods &&
    !(['mk7', 'vitamin-k2', 'vitamin-k'] as const).some((n) => withheld.nutrients.has(n)) &&
    supplementAmount(profile, 'vitamin-k2') === 0 &&
    supplementAmount(profile, 'mk7') === 0 &&
    passesCheck(profile, 'mk7', MK7_TRIAL.dose, targets.authority).ok
  ) {
    out.push({
      nutrient: 'mk7',
      suggestedAmount: MK7_TRIAL.dose,
      unit: 'µg',
      reason: `the plan has no natto or cheese, the main food sources of long-chain menaquinones. ${trial.message} Tested in ${MK7_TRIAL.population}; not a target.`,
      note: 'to discuss with your clinician',
    });
  }
  return out;
}
