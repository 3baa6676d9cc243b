import { fmt } from '../context.js';
import { SMPC_KALCIPOS_D, SMPC_MAGNESIUM_12118, CALCIUM_CARBONATE_LABEL } from '../references.js';
import type { SafetyRule } from '../rule.js';
import type { Finding } from '../types.js';

/** Thiazides with calcium and vitamin D (hypercalcaemia); thiazide and loop diuretics with magnesium. */
export const diureticsRule: SafetyRule = {
  family: 'diuretics',
  evaluate(ctx) {
    const findings: Finding[] = [];
    if (ctx.has('thiazide')) {
      const calcium = ctx.supplement('calcium');
      const vitaminD = ctx.supplement('vitamin-d');
      if (calcium > 0 || vitaminD > 0) {
        const what = [
          calcium > 0 ? `calcium ${fmt(calcium)} mg/day` : undefined,
          vitaminD > 0 ? `vitamin D ${fmt(vitaminD)} µg/day` : undefined,
        ].filter(Boolean);
        findings.push({
          id: 'thiazide-calcium-vitamin-d',
          severity: 'caution',
          trigger: `${ctx.medicationTrigger('thiazide')}; supplement: ${what.join(', ')}`,
          nutrient: calcium > 0 ? 'calcium' : 'vitamin-d',
          message: `Thiazide diuretics reduce the calcium the kidneys excrete; with calcium or vitamin D supplements (${what.join(', ')}) this raises the risk of high blood calcium (hypercalcaemia).`,
          action:
            'Avoid high-dose calcium or vitamin D supplements without supervision; discuss with your clinician and have blood calcium checked regularly.',
          sources: [SMPC_KALCIPOS_D, CALCIUM_CARBONATE_LABEL],
        });
      }
    }
    if (ctx.has('thiazide') || ctx.has('loop-diuretic')) {
      findings.push({
        id: 'diuretic-magnesium',
        severity: 'monitor',
        trigger: ctx.medicationTrigger('thiazide', 'loop-diuretic'),
        nutrient: 'magnesium',
        message: 'Thiazide and loop diuretics increase magnesium loss in urine.',
        action:
          'Meet the magnesium RDA from food (nuts, legumes, whole grains); ask your clinician whether your magnesium should be checked before taking a supplement.',
        sources: [SMPC_MAGNESIUM_12118],
      });
    }
    return findings;
  },
};
