import type { Certainty, Claim, Direction, Study, StudyDesign, StudyEffect } from './types.js';
import { CERTAINTY_ORDER } from './types.js';

/**
 * The grading rules of docs/evidence-grading.md as code. A claim's grade is a GRADE-style
 * certainty about its statement; it can never be higher than the best design among the cited
 * studies whose effect on the claim's outcome points in the claim's direction.
 */

/** The highest certainty one study of this design can give a claim on its own. */
export const DESIGN_CEILING: Readonly<Record<StudyDesign, Certainty>> = {
  'rct-meta-analysis': 'moderate',
  rct: 'moderate',
  'rct-review': 'moderate',
  'rct-secondary': 'low',
  'rct-open': 'low',
  cohort: 'low',
  'cross-sectional': 'low',
  'single-arm': 'very-low',
  animal: 'very-low',
  'in-vitro': 'very-low',
  protocol: 'insufficient',
  guideline: 'insufficient',
};

const RCT_LEVEL: ReadonlySet<StudyDesign> = new Set(['rct-meta-analysis', 'rct', 'rct-review']);

export function certaintyRank(certainty: Certainty): number {
  return CERTAINTY_ORDER.indexOf(certainty);
}

function lower(certainty: Certainty): Certainty {
  return CERTAINTY_ORDER[Math.max(1, certaintyRank(certainty) - 1)] as Certainty;
}

function minCertainty(a: Certainty, b: Certainty): Certainty {
  return certaintyRank(a) <= certaintyRank(b) ? a : b;
}

/** What one effect of one study can support: its design's ceiling, less for subgroups and unverified numbers. */
export function effectCeiling(study: Study, effect: StudyEffect): Certainty {
  let ceiling = DESIGN_CEILING[study.design];
  if (ceiling === 'insufficient') return ceiling;
  if (effect.subgroup) ceiling = lower(ceiling);
  if (!study.verified.result) ceiling = minCertainty(ceiling, 'very-low');
  return ceiling;
}

export interface RelevantEffect {
  study: Study;
  effect: StudyEffect;
}

/** The effects of the cited studies that speak to the claim's outcome, nutrient and exposure. */
export function relevantEffects(claim: Claim, studies: readonly Study[]): RelevantEffect[] {
  return studies.flatMap((study) =>
    study.effects
      .filter(
        (effect) =>
          effect.outcome === claim.outcome &&
          (effect.nutrient === undefined || effect.nutrient === claim.nutrient) &&
          (claim.exposure === undefined ||
            effect.exposure === undefined ||
            effect.exposure === claim.exposure),
      )
      .map((effect) => ({ study, effect })),
  );
}

function opposes(claimed: Direction, found: Direction): boolean {
  if (claimed === 'null') return found === 'benefit' || found === 'harm';
  if (claimed === 'benefit') return found === 'null' || found === 'harm';
  if (claimed === 'harm') return found === 'null' || found === 'benefit';
  return false;
}

/**
 * The highest grade the cited studies allow for the claim. `high` needs two or more RCT-level
 * studies agreeing (whole population, verified numbers) and no RCT-level study against;
 * `mixed` is never above `low`; `none` is always `insufficient`.
 */
export function maxCertainty(claim: Claim, studies: readonly Study[]): Certainty {
  if (claim.direction === 'none') return 'insufficient';
  const relevant = relevantEffects(claim, studies);
  if (claim.direction === 'mixed') {
    const directions = new Set(relevant.map((r) => r.effect.direction));
    const isMixed = directions.has('mixed') || directions.size >= 2;
    if (!isMixed) return 'insufficient';
    const best = relevant.reduce<Certainty>(
      (acc, r) =>
        certaintyRank(effectCeiling(r.study, r.effect)) > certaintyRank(acc)
          ? effectCeiling(r.study, r.effect)
          : acc,
      'insufficient',
    );
    return minCertainty(best, 'low');
  }
  const supporting = relevant.filter((r) => r.effect.direction === claim.direction);
  let best: Certainty = 'insufficient';
  for (const r of supporting) {
    const ceiling = effectCeiling(r.study, r.effect);
    if (certaintyRank(ceiling) > certaintyRank(best)) best = ceiling;
  }
  const strongSupport = new Set(
    supporting
      .filter((r) => RCT_LEVEL.has(r.study.design) && !r.effect.subgroup && r.study.verified.result)
      .map((r) => r.study.id),
  );
  const strongAgainst = relevant.some(
    (r) =>
      RCT_LEVEL.has(r.study.design) &&
      !r.effect.subgroup &&
      opposes(claim.direction as Direction, r.effect.direction),
  );
  if (strongSupport.size >= 2 && !strongAgainst) best = 'high';
  return best;
}

/**
 * Problems with a claim's grade given its studies; empty when the grade is consistent.
 * Reversal claims about human calcification may not point to benefit unless an RCT-level study
 * showed calcification going down (regression) — no study in the base does.
 */
export function checkClaimGrade(claim: Claim, studiesById: ReadonlyMap<string, Study>): string[] {
  const problems: string[] = [];
  const studies: Study[] = [];
  for (const id of claim.studies) {
    const study = studiesById.get(id);
    if (study) studies.push(study);
    else problems.push(`${claim.id}: cites unknown study "${id}"`);
  }
  if (claim.direction === 'none' && claim.grade !== 'insufficient') {
    problems.push(`${claim.id}: direction "none" must be graded insufficient, not ${claim.grade}`);
  }
  if (claim.direction !== 'none' && claim.grade === 'insufficient') {
    problems.push(`${claim.id}: a direction (${claim.direction}) needs a grade above insufficient`);
  }
  if (claim.kind === 'reversal') {
    if (claim.outcome !== 'calcification') {
      problems.push(`${claim.id}: a reversal claim must be about calcification`);
    }
    if (claim.direction === 'benefit' || claim.direction === 'mixed') {
      const regression = relevantEffects(claim, studies).some(
        (r) =>
          r.effect.regression === true &&
          r.effect.direction === 'benefit' &&
          RCT_LEVEL.has(r.study.design) &&
          !r.effect.subgroup,
      );
      if (!regression) {
        problems.push(
          `${claim.id}: reversal graded as ${claim.direction} but no randomised trial it cites showed calcification going down`,
        );
      }
    }
  }
  const ceiling = maxCertainty(claim, studies);
  if (claim.direction !== 'none' && ceiling === 'insufficient') {
    problems.push(
      `${claim.id}: no cited study shows a ${claim.direction} effect on ${claim.outcome}${claim.exposure ? ` (${claim.exposure})` : ''}`,
    );
  } else if (claim.direction !== 'none' && certaintyRank(claim.grade) > certaintyRank(ceiling)) {
    problems.push(`${claim.id}: graded ${claim.grade} but its studies support at most ${ceiling}`);
  }
  return problems;
}
