/**
 * One clinical policy (docs/design.md §11): the screening's consequences applied to the targets.
 * Everything that shows or plans against targets (CLI, dashboard, report, analysis, planner)
 * gets them from `assess`, so no screen shows a target that a finding says does not apply.
 */
import type { Analysis } from '../analysis/types.js';
import type { LabResult } from '../labs/index.js';
import { getNutrient } from '../nutrients.js';
import type { Profile } from '../profile.js';
import { screen, type Finding } from '../safety/index.js';
import { computeTargets, type Authority } from '../targets/index.js';
import type { PersonalTargets, Target } from '../targets/types.js';
import type { Consequence } from './types.js';

export type { Consequence, ConsequenceType, ConsequenceSpec } from './types.js';

export interface Assessment {
  targets: PersonalTargets;
  findings: Finding[];
  consequences: Consequence[];
}

/**
 * Targets, findings and consequences for a profile (and a diary, when given).
 * @example assess(ckdProfile).targets.notApplicable?.map((t) => t.nutrient) // ['potassium', 'phosphorus']
 */
export function assess(
  profile: Profile,
  options: { authority?: Authority; analysis?: Analysis; labs?: readonly LabResult[] } = {},
): Assessment {
  const base = computeTargets(profile, { authority: options.authority ?? 'nasem' });
  const screening = screen(profile, {
    targets: base,
    ...(options.analysis ? { analysis: options.analysis } : {}),
    ...(options.labs ? { labs: options.labs } : {}),
  });
  return {
    targets: applyConsequences(base, screening.consequences),
    findings: screening.findings,
    consequences: screening.consequences,
  };
}

/**
 * Targets with `replaceTarget` and `cap` consequences applied. A profile override always wins
 * (the kidney team's number); a cap only tightens an existing maximum.
 */
export function applyConsequences(
  targets: PersonalTargets,
  consequences: readonly Consequence[],
): PersonalTargets {
  let list: Target[] = [...targets.targets];
  const notApplicable: NonNullable<PersonalTargets['notApplicable']> = [
    ...(targets.notApplicable ?? []),
  ];
  for (const c of consequences) {
    if (c.type === 'replaceTarget') {
      const current = list.filter((t) => t.nutrient === c.nutrient && t.bound === c.bound);
      if (current.some((t) => t.override)) continue;
      list = list.filter((t) => !(t.nutrient === c.nutrient && t.bound === c.bound));
      for (const t of current) {
        if (c.value === 'not-applicable' || t.value !== c.value)
          notApplicable.push({
            nutrient: t.nutrient,
            bound: t.bound,
            kind: t.kind,
            value: t.value,
            reason: c.reason,
            findingId: c.findingId,
            source: t.source,
          });
      }
      if (c.value !== 'not-applicable') {
        list.push({
          nutrient: c.nutrient,
          unit: getNutrient(c.nutrient).unit,
          kind: 'guidance',
          bound: c.bound,
          value: c.value,
          appliesTo: 'total',
          source: c.source,
          findingId: c.findingId,
          note: c.reason,
        });
      }
    } else if (c.type === 'cap') {
      const appliesTo = c.scope === 'both' ? 'total' : c.scope === 'food' ? 'food' : 'supplements';
      if (list.some((t) => t.nutrient === c.nutrient && t.bound === 'max' && t.override)) continue;
      const tighter = list.some(
        (t) =>
          t.nutrient === c.nutrient &&
          t.bound === 'max' &&
          t.appliesTo === appliesTo &&
          t.value <= c.value,
      );
      if (tighter) continue;
      // A minimum above the cap cannot stand beside it: the cap wins, the minimum is lowered.
      list = list.map((t) =>
        t.nutrient === c.nutrient && t.bound === 'min' && !t.override && t.value > c.value
          ? {
              ...t,
              value: c.value,
              note: `${t.note ? `${t.note} ` : ''}Lowered to ${c.value}: ${c.reason}.`,
            }
          : t,
      );
      list.push({
        nutrient: c.nutrient,
        unit: getNutrient(c.nutrient).unit,
        kind: 'guidance',
        bound: 'max',
        value: c.value,
        appliesTo,
        source: c.source,
        findingId: c.findingId,
        note: c.reason,
      });
    }
  }
  return {
    ...targets,
    targets: sortLike(targets.targets, list),
    ...(notApplicable.length > 0 ? { notApplicable } : {}),
  };
}

function sortLike(original: Target[], list: Target[]): Target[] {
  const order = new Map(original.map((t, i) => [t.nutrient, i]));
  return [...list].sort(
    (a, b) =>
      (order.get(a.nutrient) ?? 999) - (order.get(b.nutrient) ?? 999) ||
      (a.bound === b.bound ? 0 : a.bound === 'min' ? -1 : 1),
  );
}
