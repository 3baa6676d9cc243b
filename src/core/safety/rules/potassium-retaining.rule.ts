import { CKD_G3A } from '../conditions.js';
import { fmt } from '../context.js';
import {
  ALDACTONE_LABEL_HYPERKALEMIA,
  CCJM_HYPERKALAEMIA,
  PALMER_2004_HYPERKALAEMIA,
} from '../references.js';
import type { RuleFinding, SafetyRule } from '../rule.js';

/** Medicines that reduce potassium excretion (also read by the labs rule). */
export const POTASSIUM_RETAINING_CLASSES = [
  'ace-inhibitor',
  'arb',
  'potassium-sparing',
  'nsaid',
  'trimethoprim',
] as const;

/**
 * ACE inhibitors, ARBs, potassium-sparing diuretics, NSAIDs and trimethoprim reduce potassium
 * excretion: potassium supplements and salt substitutes are a hard stop; a high-potassium
 * diet matters too when the kidneys are impaired.
 */
export const potassiumRetainingRule: SafetyRule = {
  family: 'potassium-retaining',
  evaluate(ctx) {
    const present = POTASSIUM_RETAINING_CLASSES.filter((cls) => ctx.has(cls));
    if (present.length === 0) return [];
    const trigger = ctx.medicationTrigger(...present);
    const withhold = {
      type: 'withholdSupplement' as const,
      nutrient: 'potassium' as const,
      reason: 'potassium-retaining medication: no potassium supplement',
    };
    // Two different potassium-retaining medicines (ACE inhibitor + spironolactone …) add up.
    const drugs = new Set(present.flatMap((cls) => ctx.medications.get(cls) ?? []));
    const combined = present.length >= 2 || drugs.size >= 2;
    const combination: RuleFinding[] = combined
      ? [
          {
            id: 'potassium-retaining-combination',
            severity: 'caution',
            trigger,
            nutrient: 'potassium',
            message: `You take ${drugs.size >= 2 ? [...drugs].join(' and ') : 'medicines'} that each reduce potassium excretion; together the risk of high blood potassium is higher than with either alone.`,
            action:
              'Ask your clinician how often your blood potassium should be checked; avoid potassium supplements and potassium-based salt substitutes.',
            sources: [ALDACTONE_LABEL_HYPERKALEMIA, PALMER_2004_HYPERKALAEMIA],
            consequences: [withhold],
          },
        ]
      : [];
    const supplement = ctx.supplement('potassium');
    if (supplement > 0) {
      return [
        ...combination,
        {
          id: 'potassium-retaining-supplement',
          severity: 'avoid',
          trigger: `${trigger}; supplement: potassium ${fmt(supplement)} mg/day`,
          nutrient: 'potassium',
          message: `These medicines reduce how much potassium the kidneys excrete; about 1 in 10 outpatients on ACE inhibitors or ARBs develops high blood potassium within a year, more with diabetes, heart failure or CKD. You list a potassium supplement of ${fmt(supplement)} mg/day.`,
          action:
            'Do not take potassium supplements or potassium-based salt substitutes unless your clinician prescribes them and monitors your blood potassium.',
          sources: [PALMER_2004_HYPERKALAEMIA, CCJM_HYPERKALAEMIA],
          consequences: [withhold],
        },
      ];
    }
    const diet = ctx.foodAverage('potassium');
    const ai = ctx.referenceTarget('potassium', 'min');
    const impairedKidneys = (ctx.ckd?.rank ?? 0) >= CKD_G3A;
    if ((impairedKidneys || combined) && diet !== undefined && ai && diet >= ai.value) {
      const why = impairedKidneys ? `${ctx.ckd?.label}` : 'two potassium-retaining medicines';
      return [
        ...combination,
        {
          id: 'potassium-retaining-high-diet-ckd',
          severity: 'avoid',
          trigger: `${trigger}${impairedKidneys ? `; condition: ${ctx.ckd?.code}` : ''}; diet potassium ${fmt(diet)} mg/day`,
          nutrient: 'potassium',
          message: `With these medicines and ${why}, a high-potassium diet can raise blood potassium. Your diary averages ${fmt(diet)} mg/day, at or above the general AI of ${fmt(ai.value)} mg${impairedKidneys ? ', which does not apply to you' : ''}.`,
          action:
            'Ask your clinician or kidney dietitian for your potassium range and have blood potassium checked soon; avoid potassium-based salt substitutes.',
          sources: [PALMER_2004_HYPERKALAEMIA, CCJM_HYPERKALAEMIA],
          consequences: [withhold],
        },
      ];
    }
    return [
      ...combination,
      {
        id: 'potassium-retaining-salt-substitutes',
        severity: 'caution',
        trigger,
        nutrient: 'potassium',
        message:
          'These medicines reduce potassium excretion, so extra potassium from supplements or potassium chloride salt substitutes can raise blood potassium.',
        action:
          'Avoid potassium supplements and potassium-based salt substitutes; take food-based potassium advice only with your clinician’s approval and blood potassium monitoring.',
        sources: [PALMER_2004_HYPERKALAEMIA, CCJM_HYPERKALAEMIA],
        consequences: [withhold],
      },
    ];
  },
};
