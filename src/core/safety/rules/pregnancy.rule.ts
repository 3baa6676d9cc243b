import { EFSA_2010_FATS, IOM_2011_VITAMIN_D_UL, PREGNANCY_K2_GAP } from '../references.js';
import type { SafetyRule } from '../rule.js';
import type { Finding } from '../types.js';

/** Pregnancy and lactation: pregnancy DRIs apply; ULs still apply; no safety data for high-dose K2. */
export const pregnancyRule: SafetyRule = {
  family: 'pregnancy',
  evaluate(ctx) {
    const stage = ctx.profile.lifeStage;
    if (stage === 'none') return [];
    const word = stage === 'pregnant' ? 'pregnancy' : 'lactation';
    const findings: Finding[] = [];
    if (ctx.profile.supplements.length > 0) {
      findings.push({
        id: 'pregnancy-supplements',
        severity: 'caution',
        trigger: `lifeStage: ${stage}; supplements: ${ctx.profile.supplements.map((s) => s.nutrient).join(', ')}`,
        nutrient: null,
        message: `In ${word}, reference intakes differ and upper limits still apply (calcium 2,500 mg from 19 to 50, vitamin D 100 µg, supplemental magnesium 350 mg, vitamin C 2,000 mg, phosphorus 3.5 g in pregnancy).`,
        action: `Review every supplement with your midwife or clinician during ${word}.`,
        sources: [IOM_2011_VITAMIN_D_UL, EFSA_2010_FATS],
      });
    }
    const k2 = ctx.supplement('vitamin-k2');
    if (k2 > 0) {
      findings.push({
        id: 'pregnancy-vitamin-k2-supplement',
        severity: 'caution',
        trigger: `lifeStage: ${stage}; supplement: vitamin K2 ${k2} µg/day`,
        nutrient: 'vitamin-k2',
        message: `No safety data for high-dose MK-7 in ${word} were found.`,
        action: `Do not take K2 supplements in ${word} without your clinician's advice.`,
        sources: [PREGNANCY_K2_GAP],
      });
    }
    findings.push({
      id: 'pregnancy-reference-intakes',
      severity: 'info',
      trigger: `lifeStage: ${stage}`,
      nutrient: null,
      message: `Targets use the ${word} reference intakes; EFSA adds 100–200 mg/day of DHA on top of the adult EPA+DHA intake.`,
      action: 'Discuss your diet and any supplement with your midwife or clinician.',
      sources: [EFSA_2010_FATS],
    });
    return findings;
  },
};
