import { getNutrient, NUTRIENT_IDS } from '../../nutrients.js';
import { fmt } from '../context.js';
import type { SafetyRule } from '../rule.js';
import type { Finding } from '../types.js';

/**
 * Any supplement above its UL. For supplements-only ULs (magnesium) the supplement is compared
 * alone; for ULs on total intake the diary's food average is added when there is a diary.
 */
export const upperLimitsRule: SafetyRule = {
  family: 'upper-limits',
  evaluate(ctx) {
    const findings: Finding[] = [];
    for (const nutrient of NUTRIENT_IDS) {
      const supplement = ctx.supplement(nutrient);
      if (supplement <= 0) continue;
      const ul = ctx.referenceTarget(nutrient, 'max');
      if (!ul || ul.kind !== 'UL') continue;
      const { name, unit } = getNutrient(nutrient);
      const entered = ctx.profile.supplements
        .filter((s) => s.nutrient === nutrient && s.entered && s.entered !== `${s.amount} ${unit}`)
        .map((s) => s.entered);
      const enteredNote = entered.length > 0 ? ` (entered as ${entered.join(' + ')})` : '';
      const scope =
        ul.appliesTo === 'supplements' ? 'from supplements and medicines only' : 'from all sources';
      if (supplement > ul.value) {
        findings.push({
          id: `upper-limit-${nutrient}`,
          severity: 'avoid',
          trigger: `supplement: ${name} ${fmt(supplement)} ${unit}/day`,
          nutrient,
          message: `Your ${name} supplement is ${fmt(supplement)} ${unit}/day${enteredNote}, above the UL of ${fmt(ul.value)} ${unit}/day (${scope}).`,
          action: `Do not exceed the UL unless a clinician prescribed this dose and monitors it; discuss the dose with your clinician.`,
          sources: [ul.source],
        });
        continue;
      }
      const food = ul.appliesTo === 'total' ? ctx.foodAverage(nutrient) : undefined;
      if (food !== undefined && food + supplement > ul.value) {
        findings.push({
          id: `upper-limit-total-${nutrient}`,
          severity: 'caution',
          trigger: `supplement: ${name} ${fmt(supplement)} ${unit}/day + diet ${fmt(food)} ${unit}/day`,
          nutrient,
          message: `Food (${fmt(food)} ${unit}/day in your diary) plus your supplement (${fmt(supplement)} ${unit}/day) gives ${fmt(food + supplement)} ${unit}/day, above the UL of ${fmt(ul.value)} ${unit}/day (${scope}).`,
          action: 'Lower the supplement dose or stop it; discuss with your clinician.',
          sources: [ul.source],
        });
      }
    }
    return findings;
  },
};
