import {
  CDC_LISTERIA_PREGNANCY,
  EFSA_2010_FATS,
  FDA_EPA_FISH_2021,
  IOM_2011_VITAMIN_D_UL,
  NHS_PREGNANCY_FOODS,
  PREGNANCY_K2_GAP,
  USPSTF_2017_FOLIC_ACID,
} from '../references.js';
import { ATA_2017_PREGNANCY_IODINE } from '../../targets/data/whole-diet.js';
import type { RuleFinding, SafetyRule } from '../rule.js';

/**
 * Food safety tags on pantry foods (data/pantry/safety-tags.csv) that pregnancy excludes, with the
 * advice that names them.
 */
export const PREGNANCY_FOOD_TAGS = [
  {
    tag: 'mould-ripened-soft-cheese',
    what: 'mould-ripened and soft blue cheeses',
    source: NHS_PREGNANCY_FOODS,
  },
  {
    tag: 'unpasteurised-soft-cheese',
    what: 'unpasteurised soft cheeses',
    source: CDC_LISTERIA_PREGNANCY,
  },
  { tag: 'raw-sprouts', what: 'raw sprouts', source: CDC_LISTERIA_PREGNANCY },
  { tag: 'liver', what: 'liver and liver products', source: NHS_PREGNANCY_FOODS },
  { tag: 'high-mercury-fish', what: 'high-mercury fish', source: FDA_EPA_FISH_2021 },
  { tag: 'raw-fish-shellfish', what: 'raw fish and shellfish', source: NHS_PREGNANCY_FOODS },
  {
    tag: 'refrigerated-smoked-fish',
    what: 'refrigerated smoked fish',
    source: CDC_LISTERIA_PREGNANCY,
  },
] as const;

/** Pregnancy and lactation: pregnancy DRIs apply; ULs still apply; no safety data for high-dose K2. */
export const pregnancyRule: SafetyRule = {
  family: 'pregnancy',
  evaluate(ctx) {
    const stage = ctx.profile.lifeStage;
    if (stage === 'none') return [];
    const word = stage === 'pregnant' ? 'pregnancy' : 'lactation';
    const findings: RuleFinding[] = [];
    const tags =
      stage === 'pregnant'
        ? PREGNANCY_FOOD_TAGS
        : PREGNANCY_FOOD_TAGS.filter((t) => t.tag === 'high-mercury-fish');
    findings.push({
      id: 'pregnancy-food-safety',
      severity: 'info',
      trigger: `lifeStage: ${stage}`,
      nutrient: null,
      message: `In ${word}, avoid ${tags.map((t) => t.what).join(', ')}${stage === 'pregnant' ? ' (Listeria, vitamin A and mercury)' : ' (mercury)'}; calcwise plans leave these foods out.`,
      action:
        'Follow your midwife’s food-safety advice; heat deli meats and smoked fish until steaming hot.',
      sources: [...new Set(tags.map((t) => t.source))],
      consequences: [
        ...tags.map((t) => ({
          type: 'exclude-tag' as const,
          tag: t.tag,
          reason: `${word}: ${t.what} are left out`,
          source: t.source,
        })),
        ...(['mk7', 'vitamin-k2'] as const).map((nutrient) => ({
          type: 'withholdSupplement' as const,
          nutrient,
          reason: `${word}: no K2 supplement (no safety data)`,
          source: PREGNANCY_K2_GAP,
        })),
      ],
    });
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
    if (stage === 'pregnant') {
      findings.push({
        id: 'pregnancy-folic-acid',
        severity: 'info',
        trigger: `lifeStage: ${stage}`,
        nutrient: 'folate',
        message:
          'Guidelines advise a daily supplement with 400–800 µg folic acid from at least a month before conception through the first 2–3 months of pregnancy, whatever the diet: folate from food does not replace it.',
        action:
          'If you do not already take a prenatal supplement with folic acid, ask your midwife or clinician about one.',
        sources: [USPSTF_2017_FOLIC_ACID],
      });
    }
    findings.push({
      id: 'pregnancy-iodine',
      severity: 'info',
      trigger: `lifeStage: ${stage}`,
      nutrient: 'iodine',
      message: `In ${word}, iodine needs rise; the food data (USDA SR24) has no iodine values, so calcwise cannot count it.`,
      action:
        'The American Thyroid Association advises 150 µg iodine a day as potassium iodide in a prenatal supplement during pregnancy and breastfeeding; use iodised salt. Discuss with your clinician.',
      sources: [ATA_2017_PREGNANCY_IODINE],
    });
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
