import {
  CALCWISE_CONDITION_LIST,
  CALCWISE_MEDICATION_LIST,
  IOM_2000_SMOKERS,
} from '../references.js';
import type { SafetyRule } from '../rule.js';
import type { RuleFinding } from '../rule.js';

/** Unknown medications and conditions are reported as not screened, never dropped; smokers. */
export const profileNotesRule: SafetyRule = {
  family: 'profile-notes',
  evaluate(ctx) {
    const findings: RuleFinding[] = [];
    for (const resolution of ctx.resolutions) {
      if (resolution.matches.length > 0) continue;
      const name = resolution.input;
      const didYouMean =
        resolution.suggestions.length > 0
          ? ` Did you mean ${resolution.suggestions.map((s) => `"${s}"`).join(' or ')}?`
          : '';
      findings.push({
        id: 'not-screened-medication',
        severity: 'caution',
        trigger: `medication: ${name}`,
        nutrient: null,
        message: `We could not screen "${name}": calcwise does not know this medication, so its interactions with nutrients and supplements were not checked.${didYouMean} Until every medication is screened, calcwise suggests no supplement.`,
        action:
          'Correct the name (generic or brand) in your profile, or ask your pharmacist whether it interacts with your diet or supplements.',
        sources: [CALCWISE_MEDICATION_LIST],
        consequences: [
          {
            type: 'withholdSupplement',
            nutrient: 'all',
            reason: `medication "${name}" could not be screened`,
          },
        ],
      });
    }
    for (const code of ctx.unknownConditions) {
      findings.push({
        id: 'not-screened-condition',
        severity: 'info',
        trigger: `condition: ${code}`,
        nutrient: null,
        message: `calcwise does not know the condition "${code}", so it was not screened.`,
        action:
          'Check the condition code, or ask your clinician whether it changes your nutrient needs.',
        sources: [CALCWISE_CONDITION_LIST],
      });
    }
    if (ctx.profile.smoker) {
      findings.push({
        id: 'smoker-vitamin-c',
        severity: 'monitor',
        trigger: 'smoker: true',
        nutrient: 'vitamin-c',
        message:
          'Smokers turn over about 35 mg more vitamin C a day; NASEM adds 35 mg/day to the RDA.',
        action: 'Aim for the higher vitamin C target from fruit and vegetables.',
        sources: [IOM_2000_SMOKERS],
      });
    }
    return findings;
  },
};
