import { CKD_G3A } from '../conditions.js';
import { fmt } from '../context.js';
import {
  IOM_1997_MAGNESIUM,
  KDIGO_2017_CKD_MBD,
  KDOQI_2003_PHOSPHORUS,
  KDOQI_2020,
  MAGICAL_CKD_2023,
  POTASSIUM_AI_FOOTNOTE,
} from '../references.js';
import type { SafetyRule } from '../rule.js';
import type { Finding } from '../types.js';

/** KDOQI 2020: sodium below 100 mmol (2.3 g) per day in CKD G3–G5 and G5D. */
export const CKD_SODIUM_LIMIT_MG = 2300;

/**
 * Chronic kidney disease from G3a (eGFR < 60) through dialysis: magnesium supplements,
 * potassium, phosphorus, calcium supplements, vitamin D, sodium.
 */
export const ckdRule: SafetyRule = {
  family: 'ckd',
  evaluate(ctx) {
    const stage = ctx.ckd;
    const transplant = ctx.conditions.has('kidney-transplant');
    if ((!stage || stage.rank < CKD_G3A) && !transplant) return [];
    const impaired = stage !== undefined && stage.rank >= CKD_G3A;
    const trigger = `condition: ${[impaired ? stage.code : undefined, transplant ? 'kidney-transplant' : undefined].filter(Boolean).join(', ')}`;
    const label = impaired ? stage.label : 'kidney transplant';
    const findings: Finding[] = [];

    const potassiumSupplement = ctx.supplement('potassium');
    const dietPotassium = ctx.foodAverage('potassium');
    const potassiumAi = ctx.referenceTarget('potassium', 'min');
    findings.push({
      id: 'ckd-potassium',
      severity: potassiumSupplement > 0 ? 'avoid' : 'caution',
      trigger:
        potassiumSupplement > 0
          ? `${trigger}; supplement: potassium ${fmt(potassiumSupplement)} mg/day`
          : trigger,
      nutrient: 'potassium',
      message: `With ${label}, the kidneys excrete potassium less well, so the usual potassium AI does not apply: the right amount is individual and set by your blood potassium.${
        potassiumSupplement > 0
          ? ` You list a potassium supplement of ${fmt(potassiumSupplement)} mg/day.`
          : ''
      }${
        dietPotassium !== undefined && potassiumAi && dietPotassium >= potassiumAi.value
          ? ` Your diary averages ${fmt(dietPotassium)} mg/day from food, at or above the general AI of ${fmt(potassiumAi.value)} mg.`
          : ''
      }`,
      action: `${potassiumSupplement > 0 ? 'Do not take potassium supplements or potassium-based salt substitutes unless your clinician prescribes them. ' : 'Avoid potassium supplements and potassium-based salt substitutes. '}Ask your kidney team how much dietary potassium suits you and have your blood potassium checked.`,
      sources: [KDOQI_2020, POTASSIUM_AI_FOOTNOTE],
    });

    const sodium = ctx.foodAverage('sodium');
    findings.push({
      id: 'ckd-sodium',
      severity: 'caution',
      trigger,
      nutrient: 'sodium',
      message: `For ${label}, KDOQI advises keeping sodium below ${fmt(CKD_SODIUM_LIMIT_MG)} mg (100 mmol) per day for blood pressure and fluid control.${
        sodium !== undefined ? ` Your diary averages ${fmt(sodium)} mg/day.` : ''
      }`,
      action:
        'Keep sodium under 2,300 mg/day; choose low-salt foods and avoid potassium-based salt substitutes.',
      sources: [KDOQI_2020],
    });
    if (!impaired) return findings;

    const magnesium = ctx.supplement('magnesium');
    if (magnesium > 0) {
      findings.push({
        id: 'ckd-magnesium-supplement',
        severity: 'avoid',
        trigger: `${trigger}; supplement: magnesium ${fmt(magnesium)} mg/day`,
        nutrient: 'magnesium',
        message: `With ${label}, magnesium from supplements and medicines can build up (hypermagnesaemia). In MAGiCAL-CKD (eGFR 15–45), magnesium hydroxide did not slow calcification and caused more serious adverse events. You list ${fmt(magnesium)} mg/day.`,
        action:
          'Do not take magnesium supplements, magnesium antacids or laxatives unless your kidney team prescribes them; magnesium from food is fine within your renal diet. Discuss with your clinician.',
        sources: [IOM_1997_MAGNESIUM, MAGICAL_CKD_2023],
      });
    }

    const phosphorus = ctx.foodAverage('phosphorus');
    findings.push({
      id: 'ckd-phosphorus',
      severity: 'caution',
      trigger,
      nutrient: 'phosphorus',
      message: `With ${label}, phosphate is retained, which drives high blood phosphate, secondary hyperparathyroidism and vascular calcification risk.${
        phosphorus !== undefined ? ` Your diary averages ${fmt(phosphorus)} mg/day.` : ''
      }`,
      action:
        'Ask your kidney team to adjust dietary phosphorus to keep blood phosphate normal; phosphate additives are absorbed more than phosphorus in plant foods.',
      sources: [KDOQI_2020, KDOQI_2003_PHOSPHORUS],
    });

    const calcium = ctx.supplement('calcium');
    if (calcium > 0) {
      findings.push({
        id: 'ckd-calcium-supplement',
        severity: 'caution',
        trigger: `${trigger}; supplement: calcium ${fmt(calcium)} mg/day`,
        nutrient: 'calcium',
        message: `In CKD G3a–G5D, a positive calcium balance and high blood calcium are linked to vascular calcification concerns; KDIGO suggests restricting calcium-based phosphate binders. You list ${fmt(calcium)} mg/day of supplemental calcium.`,
        action: 'Do not self-supplement calcium; discuss this supplement with your kidney team.',
        sources: [KDIGO_2017_CKD_MBD],
      });
    }

    const vitaminD = ctx.supplement('vitamin-d');
    if (stage.rank < 6 || vitaminD > 0) {
      findings.push({
        id: 'ckd-vitamin-d',
        severity: 'monitor',
        trigger:
          vitaminD > 0 ? `${trigger}; supplement: vitamin D ${fmt(vitaminD)} µg/day` : trigger,
        nutrient: 'vitamin-d',
        message: `In CKD G3a–G5, KDIGO advises measuring 25(OH)D and correcting deficiency with standard doses; active vitamin D (calcitriol and analogues) raises the risk of high blood calcium and is not for routine use before dialysis.${
          vitaminD > 0
            ? ` You list ${fmt(vitaminD)} µg/day (${fmt(vitaminD * 40)} IU) of vitamin D.`
            : ''
        }`,
        action:
          'Ask your clinician to check 25(OH)D and blood calcium; discuss the vitamin D dose with them.',
        sources: [KDIGO_2017_CKD_MBD],
      });
    }
    return findings;
  },
};
