import { CKD_G3A } from '../conditions.js';
import { fmt } from '../context.js';
import {
  CKD_PHOSPHORUS_DEFAULT,
  CKD_POTASSIUM_DEFAULT,
  IOM_1997_MAGNESIUM,
  KDIGO_2024_CKD,
  KDOQI_2020_DIALYSIS_PROTEIN,
  KDIGO_2017_CKD_MBD,
  KDOQI_2003_PHOSPHORUS,
  KDOQI_2020,
  MAGICAL_CKD_2023,
  POTASSIUM_AI_FOOTNOTE,
} from '../references.js';
import type { RuleFinding, SafetyRule } from '../rule.js';
import { describeRange } from './lab-wording.js';

/** KDOQI 2020: sodium below 100 mmol (2.3 g) per day in CKD G3–G5 and G5D. */
export const CKD_SODIUM_LIMIT_MG = 2300;
/** KDIGO 2024 Rec 3.3.2.1: sodium below 2 g per day in CKD (not dialysis, not transplant). */
export const KDIGO_SODIUM_LIMIT_MG = 2000;
/** KDIGO 2024: protein 0.8 g/kg/day in G3–G5, never above 1.3 g/kg/day. */
export const CKD_PROTEIN_G_PER_KG = 0.8;
export const CKD_PROTEIN_MAX_G_PER_KG = 1.3;
/** KDOQI 2020: 1.0–1.2 g/kg/day on maintenance dialysis. */
export const DIALYSIS_PROTEIN_G_PER_KG = 1.0;
/** Conservative plan defaults for the kidney team to change (profile overrides win). */
export const CKD_POTASSIUM_CAP_MG = 3000;
export const CKD_PHOSPHORUS_CAP_MG = 1000;

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
    const findings: RuleFinding[] = [];

    const potassiumSupplement = ctx.supplement('potassium');
    const dietPotassium = ctx.foodAverage('potassium');
    const potassiumAi = ctx.referenceTarget('potassium', 'min');
    findings.push({
      id: 'ckd-potassium',
      // A diary at or above the plan's default cap escalates (issue 9).
      severity:
        potassiumSupplement > 0 ||
        (impaired && dietPotassium !== undefined && dietPotassium >= CKD_POTASSIUM_CAP_MG)
          ? 'avoid'
          : 'caution',
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
      consequences: [
        {
          type: 'replaceTarget',
          nutrient: 'potassium',
          bound: 'min',
          value: 'not-applicable',
          reason: `${label}: the general potassium AI does not apply; your kidney team sets it`,
        },
        {
          type: 'withholdSupplement',
          nutrient: 'potassium',
          reason: `${label}: no potassium supplement`,
        },
        ...(impaired
          ? [
              {
                type: 'cap' as const,
                nutrient: 'potassium' as const,
                scope: 'both' as const,
                value: CKD_POTASSIUM_CAP_MG,
                reason: `${label}: potassium ≤ ${fmt(CKD_POTASSIUM_CAP_MG)} mg/day, a conservative default for your kidney team to change`,
                source: CKD_POTASSIUM_DEFAULT,
              },
            ]
          : []),
      ],
    });

    const sodium = ctx.foodAverage('sodium');
    findings.push({
      id: 'ckd-sodium',
      severity: 'caution',
      trigger,
      nutrient: 'sodium',
      message: `For ${label}, KDOQI 2020 advises keeping sodium below ${fmt(CKD_SODIUM_LIMIT_MG)} mg (100 mmol) per day for blood pressure and fluid control${
        impaired && stage.rank < 6
          ? `; KDIGO 2024 suggests below ${fmt(KDIGO_SODIUM_LIMIT_MG)} mg (90 mmol). The plan keeps to the KDOQI limit; ask your kidney team which applies to you.`
          : '.'
      }${sodium !== undefined ? ` Your diary averages ${fmt(sodium)} mg/day.` : ''}`,
      action:
        'Keep sodium under 2,300 mg/day; choose low-salt foods and avoid potassium-based salt substitutes.',
      sources: impaired && stage.rank < 6 ? [KDOQI_2020, KDIGO_2024_CKD] : [KDOQI_2020],
      consequences: [
        {
          type: 'cap',
          nutrient: 'sodium',
          scope: 'both',
          value: CKD_SODIUM_LIMIT_MG,
          reason: `${label}: sodium below ${fmt(CKD_SODIUM_LIMIT_MG)} mg/day (KDOQI 2020)`,
        },
      ],
    });
    if (!impaired) {
      findings.push({
        id: 'ckd-protein',
        severity: 'info',
        trigger,
        nutrient: 'protein',
        message:
          'After a kidney transplant, no numeric protein target from KDOQI 2020 could be verified; KDIGO 2024 does not cover transplant recipients. calcwise keeps the general protein reference.',
        action: 'Ask your transplant team how much protein suits you.',
        sources: [KDOQI_2020, KDIGO_2024_CKD],
      });
      return findings;
    }

    const weight = ctx.profile.weightKg;
    const dialysis = stage.rank >= 6;
    const perKg = dialysis ? DIALYSIS_PROTEIN_G_PER_KG : CKD_PROTEIN_G_PER_KG;
    findings.push({
      id: 'ckd-protein',
      severity: 'caution',
      trigger,
      nutrient: 'protein',
      message: dialysis
        ? `On dialysis, protein is lost with each session: KDOQI 2020 advises 1.0–1.2 g/kg/day when metabolically stable${weight ? ` (${fmt(DIALYSIS_PROTEIN_G_PER_KG * weight)}–${fmt(1.2 * weight)} g/day at ${fmt(weight)} kg)` : ''}.`
        : `With ${label} not on dialysis, KDIGO 2024 suggests about ${CKD_PROTEIN_G_PER_KG} g/kg/day of protein and never above ${CKD_PROTEIN_MAX_G_PER_KG} g/kg/day${weight ? ` (${fmt(CKD_PROTEIN_G_PER_KG * weight)} g/day, at most ${fmt(CKD_PROTEIN_MAX_G_PER_KG * weight)} g at ${fmt(weight)} kg)` : ''}. KDOQI 2020 suggests less (0.55–0.6 g/kg/day without diabetes, 0.6–0.8 with diabetes) under close supervision; the plan uses the KDIGO value.${weight ? '' : ' Add your weight to the profile to get the target in grams.'}`,
      action:
        'Ask your kidney team or renal dietitian for your protein target; do not follow a low-protein diet without supervision.',
      sources: dialysis ? [KDOQI_2020_DIALYSIS_PROTEIN] : [KDIGO_2024_CKD, KDOQI_2020],
      consequences: weight
        ? [
            {
              type: 'replaceTarget',
              nutrient: 'protein',
              bound: 'min',
              value: Math.round(perKg * weight * 10) / 10,
              reason: `${label}: protein ${perKg} g/kg/day × ${fmt(weight)} kg`,
            },
            ...(dialysis
              ? []
              : [
                  {
                    type: 'cap' as const,
                    nutrient: 'protein' as const,
                    scope: 'both' as const,
                    value: Math.round(CKD_PROTEIN_MAX_G_PER_KG * weight * 10) / 10,
                    reason: `${label}: protein never above ${CKD_PROTEIN_MAX_G_PER_KG} g/kg/day (KDIGO 2024)`,
                  },
                ]),
          ]
        : [],
    });

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
    findings.push({
      id: 'ckd-supplements-kidney-team',
      severity: 'info',
      trigger,
      nutrient: null,
      message: `With ${label}, calcwise suggests no potassium, phosphorus, magnesium or calcium supplement: these build up when the kidneys excrete less.`,
      action: 'Take these only as your kidney team prescribes.',
      sources: [KDOQI_2020, IOM_1997_MAGNESIUM, KDIGO_2017_CKD_MBD],
      consequences: (['magnesium', 'calcium', 'phosphorus'] as const).map((nutrient) => ({
        type: 'withholdSupplement' as const,
        nutrient,
        reason: `${label}: ${nutrient} supplements only on the kidney team's advice`,
      })),
    });

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
      consequences: [
        {
          type: 'replaceTarget',
          nutrient: 'phosphorus',
          bound: 'min',
          value: 'not-applicable',
          reason: `${label}: the general phosphorus RDA does not apply; your kidney team sets it`,
        },
        {
          type: 'cap',
          nutrient: 'phosphorus',
          scope: 'both',
          value: CKD_PHOSPHORUS_CAP_MG,
          reason: `${label}: phosphorus ≤ ${fmt(CKD_PHOSPHORUS_CAP_MG)} mg/day, a conservative default for your kidney team to change`,
          source: CKD_PHOSPHORUS_DEFAULT,
        },
      ],
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
    const lab25 = ctx.latestLab('25-oh-d');
    const lab25Note =
      lab25?.assessment.status === 'low'
        ? ` Your latest 25(OH)D is ${fmt(lab25.lab.value)} nmol/L (${lab25.lab.date}), below ${describeRange(lab25.lab, lab25.assessment)}.`
        : lab25
          ? ` Your latest 25(OH)D is ${fmt(lab25.lab.value)} nmol/L (${lab25.lab.date}).`
          : '';
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
        }${lab25Note}`,
        action:
          'Ask your clinician to check 25(OH)D and blood calcium; discuss the vitamin D dose with them.',
        sources: [KDIGO_2017_CKD_MBD],
      });
    }
    return findings;
  },
};
