import { DOAC_PHARMACOLOGY, VALKYRIE_2020 } from '../references.js';
import type { SafetyRule } from '../rule.js';

/**
 * DOACs (apixaban, rivaroxaban, dabigatran, edoxaban) do not act through vitamin K: no vitamin K
 * warning, only an information line saying so.
 */
export const doacRule: SafetyRule = {
  family: 'doac',
  evaluate(ctx) {
    if (!ctx.has('doac')) return [];
    return [
      {
        id: 'doac-not-vitamin-k-antagonist',
        severity: 'info',
        trigger: ctx.medicationTrigger('doac'),
        nutrient: null,
        message:
          'Direct oral anticoagulants are not vitamin K antagonists: the diet-consistency advice for warfarin-type drugs does not apply to them.',
        action:
          'No dietary vitamin K restriction is needed for this medicine; never change an anticoagulant without your prescriber.',
        sources: [DOAC_PHARMACOLOGY, VALKYRIE_2020],
      },
    ];
  },
};
