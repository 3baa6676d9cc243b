import { FDA_2011_PPI_MAGNESIUM, PPI_HYPOMAGNESAEMIA_META } from '../references.js';
import type { SafetyRule } from '../rule.js';

/** Long-term proton pump inhibitors and low magnesium. */
export const ppiRule: SafetyRule = {
  family: 'ppi',
  evaluate(ctx) {
    if (!ctx.has('ppi')) return [];
    const alsoAtRisk = ctx.has('digoxin') || ctx.has('thiazide') || ctx.has('loop-diuretic');
    return [
      {
        id: 'ppi-magnesium',
        severity: 'monitor',
        trigger: ctx.medicationTrigger('ppi'),
        nutrient: 'magnesium',
        message: `Long-term use (over a year) of proton pump inhibitors can cause low blood magnesium; in about a quarter of the cases the FDA reviewed, supplements alone did not correct it.${
          alsoAtRisk
            ? ' You also take digoxin or a diuretic, which makes low magnesium more consequential.'
            : ''
        }`,
        action:
          'Ask your clinician to check blood magnesium before and periodically during long-term use; get magnesium from food first and take a supplement only with their advice.',
        sources: [FDA_2011_PPI_MAGNESIUM, PPI_HYPOMAGNESAEMIA_META],
      },
    ];
  },
};
