import { getLabTest } from '../../labs/index.js';
import { fmt } from '../context.js';
import {
  BAUGHMAN_2013,
  BOLLAND_2013_SARCOIDOSIS,
  IOM_1997_VITAMIN_D_SPECIAL,
  IOM_2011_VITAMIN_D_UL,
  SMPC_KALCIPOS_D,
  UL_NOT_APPLICABLE_FOOTNOTE,
} from '../references.js';
import type { ConsequenceSpec } from '../consequences.js';
import type { RuleFinding, SafetyRule } from '../rule.js';
import { describeLab, describeRange } from './lab-wording.js';

/** Hypercalcaemia, hyperparathyroidism, sarcoidosis and other granulomatous disease. */
export const calciumDisordersRule: SafetyRule = {
  family: 'calcium-disorders',
  evaluate(ctx) {
    const calcium = ctx.supplement('calcium');
    const vitaminD = ctx.supplement('vitamin-d');
    const taking = [
      calcium > 0 ? `calcium ${fmt(calcium)} mg/day` : undefined,
      vitaminD > 0 ? `vitamin D ${fmt(vitaminD)} µg/day` : undefined,
    ].filter(Boolean);
    const youList = taking.length > 0 ? ` You list ${taking.join(' and ')}.` : '';
    const findings: RuleFinding[] = [];
    const rda = ctx.referenceTarget('vitamin-d', 'min');
    // Vitamin D from food and supplements together at the RDA; no vitamin D or calcium suggested.
    const consequences = (condition: string): ConsequenceSpec[] => [
      ...(rda
        ? [
            {
              type: 'cap' as const,
              nutrient: 'vitamin-d' as const,
              scope: 'both' as const,
              value: rda.value,
              reason: `${condition}: vitamin D from food and supplements at most the ${rda.kind} (${fmt(rda.value)} µg/day)`,
            },
          ]
        : []),
      ...(['vitamin-d', 'calcium'] as const).map((nutrient) => ({
        type: 'withholdSupplement' as const,
        nutrient,
        reason: `${condition}: no ${nutrient === 'calcium' ? 'calcium' : 'vitamin D'} supplement is suggested`,
      })),
    ];

    // A raised serum calcium (the person's lab range, else the cited default) counts as
    // hypercalcaemia here: the same advice and consequences, with the result named.
    const calciumLab = ctx.latestLab('calcium');
    const raised = calciumLab?.assessment.status === 'high' ? calciumLab : undefined;
    const hasCondition = ctx.conditions.has('hypercalcemia');
    if (hasCondition || raised) {
      const triggers = [
        hasCondition ? 'condition: hypercalcemia' : undefined,
        raised ? `lab: ${describeLab(raised.lab)}` : undefined,
        taking.length > 0 ? `supplement: ${taking.join(', ')}` : undefined,
      ].filter(Boolean);
      const labNote = raised
        ? ` Your latest blood calcium is above ${describeRange(raised.lab, raised.assessment)}; one raised result is not a diagnosis (low albumin, dehydration and the lab’s method matter).`
        : '';
      findings.push({
        id: 'hypercalcemia-calcium-vitamin-d',
        severity: taking.length > 0 ? 'avoid' : 'caution',
        trigger: triggers.join('; '),
        nutrient: calcium > 0 || vitaminD === 0 ? 'calcium' : 'vitamin-d',
        message: `With high blood calcium, calcium and vitamin D supplements can raise it further; combined calcium–vitamin D products are contraindicated in hypercalcaemia, and the vitamin D UL applies to healthy people only.${labNote}${youList}`,
        action:
          raised && !hasCondition
            ? 'Discuss this result with your clinician; until then, take no calcium or vitamin D supplement they have not prescribed.'
            : 'Do not take calcium or vitamin D supplements unless your clinician prescribes them; discuss your diet and any supplement with them.',
        sources: [
          SMPC_KALCIPOS_D,
          IOM_2011_VITAMIN_D_UL,
          ...(raised
            ? [raised.assessment.rangeSource ?? getLabTest('calcium').reference!.source]
            : []),
        ],
        consequences: consequences(hasCondition ? 'hypercalcaemia' : 'raised blood calcium'),
      });
    }
    const parathyroid = (
      ['hyperparathyroidism', 'familial-hypocalciuric-hypercalcemia'] as const
    ).filter((code) => ctx.conditions.has(code));
    if (parathyroid.length > 0) {
      findings.push({
        id: 'hyperparathyroidism-calcium-vitamin-d',
        severity: 'caution',
        trigger: `condition: ${parathyroid.join(', ')}${taking.length > 0 ? `; supplement: ${taking.join(', ')}` : ''}`,
        nutrient: 'vitamin-d',
        message: `In hyperparathyroidism and familial hypocalciuric hypercalcaemia calcium regulation is disordered and the vitamin D ULs do not apply; generic supplement advice is not safe here.${youList}`,
        action:
          'Take calcium and vitamin D only as your clinician advises; discuss doses with them.',
        sources: [UL_NOT_APPLICABLE_FOOTNOTE],
        consequences: consequences(parathyroid.join(', ')),
      });
    }
    const granulomatous = ['sarcoidosis', 'granulomatous-disease'].filter((c) =>
      ctx.conditions.has(c as 'sarcoidosis'),
    );
    if (granulomatous.length > 0) {
      findings.push({
        id: 'sarcoidosis-vitamin-d',
        severity: 'caution',
        trigger: `condition: ${granulomatous.join(', ')}${taking.length > 0 ? `; supplement: ${taking.join(', ')}` : ''}`,
        nutrient: 'vitamin-d',
        message: `In sarcoidosis and other granulomatous disease, granulomas activate vitamin D outside the kidneys without normal control, which can cause high blood and urine calcium; the vitamin D UL does not apply.${youList}`,
        action:
          'Take vitamin D (and calcium) only under your clinician’s supervision, with blood and urine calcium monitoring.',
        sources: [IOM_1997_VITAMIN_D_SPECIAL, BAUGHMAN_2013, BOLLAND_2013_SARCOIDOSIS],
        consequences: consequences(granulomatous.join(', ')),
      });
    }
    return findings;
  },
};
