import { fmt } from '../context.js';
import { AHA_2005_OMEGA3, EXAMINE_VITAMIN_D_DRUGS, SMPC_KALCIPOS_D } from '../references.js';
import type { SafetyRule } from '../rule.js';
import type { Finding } from '../types.js';

/** EPA+DHA supplements above this are for use only under physician care (AHA 2005). */
export const OMEGA3_BLEEDING_G = 3;

/**
 * Smaller interaction families of interactions.csv: omega-3 with anticoagulants and
 * antiplatelets; fat-absorption reducers with vitamin D; enzyme inducers and corticosteroids
 * with vitamin D and calcium.
 */
export const otherMedicationsRule: SafetyRule = {
  family: 'other-medications',
  evaluate(ctx) {
    const findings: Finding[] = [];
    const epaDha = ctx.supplement('epa-dha') + ctx.supplement('omega-3');
    const bleeding = (['vka', 'doac', 'antiplatelet'] as const).filter((cls) => ctx.has(cls));
    if (epaDha > OMEGA3_BLEEDING_G && bleeding.length > 0) {
      findings.push({
        id: 'omega-3-bleeding',
        severity: 'caution',
        trigger: `${ctx.medicationTrigger(...bleeding)}; supplement: omega-3 ${fmt(epaDha)} g/day`,
        nutrient: 'epa-dha',
        message: `Very high omega-3 intakes (above ${OMEGA3_BLEEDING_G} g/day) could cause excessive bleeding in some people, especially with blood thinners; you list ${fmt(epaDha)} g/day. (EFSA found up to 5 g/day did not increase bleeding in general.)`,
        action: `Take more than ${OMEGA3_BLEEDING_G} g/day only under your physician's care; discuss the dose with your clinician.`,
        sources: [AHA_2005_OMEGA3],
      });
    }
    if (ctx.has('fat-absorption-reducer')) {
      findings.push({
        id: 'fat-absorption-vitamin-d',
        severity: 'caution',
        trigger: ctx.medicationTrigger('fat-absorption-reducer'),
        nutrient: 'vitamin-d',
        message: `Orlistat, bile-acid sequestrants and mineral oil reduce the absorption of fat-soluble vitamins (D and K).${
          ctx.has('vka')
            ? ' On a vitamin K antagonist, starting or stopping such a medicine can change your INR.'
            : ''
        }`,
        action:
          'Take vitamin D (and any multivitamin) several hours apart from this medicine; ask your pharmacist for the timing.',
        sources: [SMPC_KALCIPOS_D, EXAMINE_VITAMIN_D_DRUGS],
      });
    }
    const inducers = (['enzyme-inducer', 'corticosteroid'] as const).filter((cls) => ctx.has(cls));
    if (inducers.length > 0) {
      findings.push({
        id: 'vitamin-d-calcium-metabolism',
        severity: 'monitor',
        trigger: ctx.medicationTrigger(...inducers),
        nutrient: 'vitamin-d',
        message:
          'Enzyme-inducing anticonvulsants speed up vitamin D breakdown and systemic corticosteroids reduce calcium absorption, so needs may be higher.',
        action:
          'Ask your clinician whether your vitamin D and calcium status should be checked; take higher doses only under supervision.',
        sources: [SMPC_KALCIPOS_D],
      });
    }
    return findings;
  },
};
