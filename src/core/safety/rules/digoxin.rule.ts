import { fmt } from '../context.js';
import { FDA_2011_PPI_MAGNESIUM, SMPC_KALCIPOS_D, SMPC_MAGNESIUM_2678 } from '../references.js';
import type { SafetyRule } from '../rule.js';
import type { Finding } from '../types.js';

/** Digoxin with calcium (+ vitamin D) supplements and with magnesium status. */
export const digoxinRule: SafetyRule = {
  family: 'digoxin',
  evaluate(ctx) {
    if (!ctx.has('digoxin')) return [];
    const trigger = ctx.medicationTrigger('digoxin');
    const findings: Finding[] = [];
    const calcium = ctx.supplement('calcium');
    const vitaminD = ctx.supplement('vitamin-d');
    if (calcium > 0 || vitaminD > 0) {
      findings.push({
        id: 'digoxin-calcium',
        severity: 'caution',
        trigger: `${trigger}; supplement: ${[calcium > 0 ? `calcium ${fmt(calcium)} mg/day` : '', vitaminD > 0 ? `vitamin D ${fmt(vitaminD)} µg/day` : ''].filter(Boolean).join(', ')}`,
        nutrient: 'calcium',
        message:
          'High blood calcium increases the toxicity of digoxin; calcium and vitamin D supplements can raise blood calcium.',
        action:
          'Discuss these supplements with your clinician; if you take them, blood calcium and ECG monitoring are advised.',
        sources: [SMPC_KALCIPOS_D],
      });
    }
    findings.push({
      id: 'digoxin-magnesium',
      severity: 'monitor',
      trigger,
      nutrient: 'magnesium',
      message:
        'Low magnesium can enhance digoxin toxicity, and digoxin itself increases magnesium loss.',
      action: 'Ask your clinician to check your blood magnesium; meet the magnesium RDA from food.',
      sources: [SMPC_MAGNESIUM_2678, FDA_2011_PPI_MAGNESIUM],
    });
    return findings;
  },
};
