import type { Analysis } from '../analysis/types.js';
import type { LabResult } from '../labs/index.js';
import type { Profile } from '../profile.js';
import { computeReferenceTargets } from '../targets/index.js';
import type { PersonalTargets } from '../targets/types.js';
import { buildContext } from './context.js';
import type { SafetyRule } from './rule.js';
import { calciumDisordersRule } from './rules/calcium-disorders.rule.js';
import { calciumSupplementsRule } from './rules/calcium-supplements.rule.js';
import { chelationTimingRule } from './rules/chelation-timing.rule.js';
import { clinicianMedicationsRule } from './rules/clinician-medications.rule.js';
import { ckdRule } from './rules/ckd.rule.js';
import { digoxinRule } from './rules/digoxin.rule.js';
import { diureticsRule } from './rules/diuretics.rule.js';
import { doacRule } from './rules/doac.rule.js';
import { kidneyStonesRule } from './rules/kidney-stones.rule.js';
import { escalateForLabs, labsRule } from './rules/labs.rule.js';
import { otherMedicationsRule } from './rules/other-medications.rule.js';
import { potassiumRetainingRule } from './rules/potassium-retaining.rule.js';
import { ppiRule } from './rules/ppi.rule.js';
import { pregnancyRule } from './rules/pregnancy.rule.js';
import { profileNotesRule } from './rules/profile-notes.rule.js';
import { upperLimitsRule } from './rules/upper-limits.rule.js';
import { vitaminKAntagonistsRule } from './rules/vitamin-k-antagonists.rule.js';
import type { Consequence } from './consequences.js';
import type { Finding, Severity } from './types.js';

export type { Finding, Severity } from './types.js';
export {
  classifyMedication,
  KNOWN_MEDICATIONS,
  MEDICATION_CLASSES,
  resolveMedication,
  type MedicationClass,
  type MedicationResolution,
} from './medications.js';
export type { Consequence } from './consequences.js';
export { CONDITION_CODES, normalizeCondition, type ConditionCode } from './conditions.js';
export { supplementAmount } from './supplement-totals.js';

/** Every rule family, in the order their findings are listed within a severity. */
export const SAFETY_RULES: readonly SafetyRule[] = [
  vitaminKAntagonistsRule,
  doacRule,
  ckdRule,
  labsRule,
  upperLimitsRule,
  calciumDisordersRule,
  potassiumRetainingRule,
  diureticsRule,
  digoxinRule,
  ppiRule,
  chelationTimingRule,
  kidneyStonesRule,
  calciumSupplementsRule,
  otherMedicationsRule,
  clinicianMedicationsRule,
  pregnancyRule,
  profileNotesRule,
];

export const SEVERITY_ORDER: readonly Severity[] = ['avoid', 'caution', 'monitor', 'info'];

/**
 * Screens a profile (and, when given, a diary analysis) against the safety rules. Findings
 * come sorted from most to least severe; each carries its sources. ULs come from the
 * reference tables of the chosen authority (NASEM where it set none), never from the profile's
 * overrides.
 * @example screenProfile(profile).filter((f) => f.severity === 'avoid')
 */
export function screenProfile(profile: Profile, options: ScreenOptions = {}): Finding[] {
  return screen(profile, options).findings;
}

export interface ScreenOptions {
  analysis?: Analysis;
  /** Lab results (canonical units): the latest of each test informs the rules. */
  labs?: readonly LabResult[];
  targets?: PersonalTargets;
  /** Authority for the ULs when no targets are given. */
  authority?: PersonalTargets['authority'];
}

export interface Screening {
  findings: Finding[];
  /** What targets, plans and suggestions must obey, each naming the finding that caused it. */
  consequences: Consequence[];
}

/**
 * The one screening: findings (what the person reads) and consequences (what the rest obeys).
 * @example screen(profile).consequences.filter((c) => c.type === 'replaceTarget')
 */
export function screen(profile: Profile, options: ScreenOptions = {}): Screening {
  const authority = options.targets?.authority ?? options.authority ?? 'nasem';
  const reference = computeReferenceTargets(profile, { authority });
  const fallback = authority === 'nasem' ? undefined : computeReferenceTargets(profile);
  const context = buildContext(profile, reference, options.analysis, fallback, options.labs);
  const raw = escalateForLabs(
    context,
    SAFETY_RULES.flatMap((rule) => rule.evaluate(context)),
  );
  const consequences: Consequence[] = raw.flatMap(({ consequences: specs, ...finding }) =>
    (specs ?? []).map(
      (spec) =>
        ({
          ...spec,
          findingId: finding.id,
          source: spec.source ?? (finding.sources[0] as Finding['sources'][number]),
        }) as Consequence,
    ),
  );
  const findings: Finding[] = raw.map(({ consequences: _omit, ...finding }) => finding);
  return { findings: sortFindings(findings), consequences };
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER.indexOf(a.finding.severity) - SEVERITY_ORDER.indexOf(b.finding.severity) ||
        a.index - b.index,
    )
    .map(({ finding }) => finding);
}
