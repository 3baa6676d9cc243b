import { fmt } from '../context.js';
import { ANDERSON_2016_MESA, BOLLAND_2010_CALCIUM } from '../references.js';
import type { SafetyRule } from '../rule.js';

/** Calcium supplements carry a harm signal (Bolland 2010; MESA): prefer food calcium. */
export const calciumSupplementsRule: SafetyRule = {
  family: 'calcium-supplements',
  evaluate(ctx) {
    const calcium = ctx.supplement('calcium');
    if (calcium <= 0) return [];
    return [
      {
        id: 'calcium-supplement-harm-signal',
        severity: 'caution',
        trigger: `supplement: calcium ${fmt(calcium)} mg/day`,
        nutrient: 'calcium',
        message:
          'Calcium supplements (unlike calcium from food) carry a harm signal: in a meta-analysis of trials of calcium without vitamin D, myocardial infarction was more frequent (HR 1.31, 1.02–1.67), and in MESA supplement users developed coronary calcium more often (RR 1.22) while high dietary calcium was linked to less.',
        action:
          'Meet the calcium RDA from food where you can; discuss with your clinician whether you need the supplement and at what dose.',
        sources: [BOLLAND_2010_CALCIUM, ANDERSON_2016_MESA],
      },
    ];
  },
};
