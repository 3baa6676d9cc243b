import { CKD_G3A } from '../conditions.js';
import { fmt } from '../context.js';
import {
  DIGOXIN_LABEL_POTASSIUM,
  IOM_1997_MAGNESIUM,
  KDIGO_2017_CKD_MBD,
  LABEL_CALCITRIOL,
  LABEL_CALCIUM_ACETATE,
  LABEL_CINACALCET,
  LABEL_HEPARIN,
  LABEL_LITHIUM,
  LABEL_TACROLIMUS,
} from '../references.js';
import type { RuleFinding, SafetyRule } from '../rule.js';

const withhold = (
  nutrient: 'vitamin-d' | 'calcium' | 'magnesium' | 'potassium',
  reason: string,
) => ({
  type: 'withholdSupplement' as const,
  nutrient,
  reason,
});

/**
 * Medicines clinicians asked about: active vitamin D, calcimimetics, phosphate binders (calcium
 * acetate counts as calcium), lithium, heparins, calcineurin inhibitors, magnesium antacids and
 * laxatives, and a loop diuretic with digoxin.
 */
export const clinicianMedicationsRule: SafetyRule = {
  family: 'clinician-medications',
  evaluate(ctx) {
    const findings: RuleFinding[] = [];
    const vitaminD = ctx.supplement('vitamin-d');
    const calcium = ctx.supplement('calcium');
    if (ctx.has('active-vitamin-d')) {
      const taking = vitaminD > 0 || calcium > 0;
      findings.push({
        id: 'active-vitamin-d-supplements',
        severity: taking ? 'avoid' : 'caution',
        trigger: `${ctx.medicationTrigger('active-vitamin-d')}${taking ? `; supplement: ${[vitaminD > 0 ? `vitamin D ${fmt(vitaminD)} µg/day` : '', calcium > 0 ? `calcium ${fmt(calcium)} mg/day` : ''].filter(Boolean).join(', ')}` : ''}`,
        nutrient: 'vitamin-d',
        message:
          'Active vitamin D (calcitriol, alfacalcidol, paricalcitol) raises blood calcium directly; extra vitamin D or calcium supplements add to the risk of hypercalcaemia.',
        action:
          'Take vitamin D or calcium supplements only as the prescriber of your active vitamin D directs; have blood calcium checked as planned.',
        sources: [LABEL_CALCITRIOL, KDIGO_2017_CKD_MBD],
        consequences: [
          withhold('vitamin-d', 'active vitamin D: no vitamin D supplement'),
          withhold('calcium', 'active vitamin D: no calcium supplement'),
        ],
      });
    }
    if (ctx.has('calcimimetic')) {
      findings.push({
        id: 'calcimimetic-calcium',
        severity: 'monitor',
        trigger: ctx.medicationTrigger('calcimimetic'),
        nutrient: 'calcium',
        message:
          'Cinacalcet and etelcalcetide lower blood calcium; calcium and vitamin D are adjusted by the prescriber against blood tests.',
        action: 'Change calcium or vitamin D intake only with your kidney or endocrine team.',
        sources: [LABEL_CINACALCET],
        consequences: [
          withhold('calcium', 'calcimimetic: calcium is set by the prescriber'),
          withhold('vitamin-d', 'calcimimetic: vitamin D is set by the prescriber'),
        ],
      });
    }
    if (ctx.has('calcium-containing')) {
      findings.push({
        id: 'calcium-containing-medicine',
        severity: calcium > 0 ? 'caution' : 'monitor',
        trigger: `${ctx.medicationTrigger('calcium-containing')}${calcium > 0 ? `; supplement: calcium ${fmt(calcium)} mg/day` : ''}`,
        nutrient: 'calcium',
        message:
          'This medicine contains calcium (calcium acetate binders give about 169 mg elemental calcium per 667 mg capsule), which counts towards your calcium intake and the upper limit; the dose is not in your profile, so calcwise cannot add it.',
        action:
          'Add the calcium from this medicine to your supplements in the profile; do not take extra calcium supplements without your clinician.',
        sources: [LABEL_CALCIUM_ACETATE, KDIGO_2017_CKD_MBD],
        consequences: [withhold('calcium', 'a calcium-containing medicine already adds calcium')],
      });
    }
    if (ctx.has('lithium')) {
      findings.push({
        id: 'lithium-sodium-calcium',
        severity: 'monitor',
        trigger: ctx.medicationTrigger('lithium'),
        nutrient: 'sodium',
        message:
          'Lithium levels rise when sodium intake falls or fluids are lost, and lithium can raise blood calcium and parathyroid hormone. Keep salt and fluid intake steady.',
        action:
          'Do not start a low-salt diet or change fluids without your prescriber; ask whether calcium should be checked.',
        sources: [LABEL_LITHIUM],
      });
    }
    if (ctx.has('heparin')) {
      findings.push({
        id: 'heparin-potassium',
        severity: 'monitor',
        trigger: ctx.medicationTrigger('heparin'),
        nutrient: 'potassium',
        message:
          'Heparins can raise blood potassium by suppressing aldosterone, more so with kidney disease or other potassium-retaining medicines; long-term use affects bone.',
        action:
          'Avoid potassium supplements unless prescribed; ask whether potassium should be checked.',
        sources: [LABEL_HEPARIN],
        consequences: [withhold('potassium', 'heparin: no potassium supplement')],
      });
    }
    if (ctx.has('calcineurin-inhibitor')) {
      findings.push({
        id: 'calcineurin-inhibitor-potassium-grapefruit',
        severity: 'caution',
        trigger: ctx.medicationTrigger('calcineurin-inhibitor'),
        nutrient: 'potassium',
        message:
          'Ciclosporin and tacrolimus can raise blood potassium and lower magnesium; grapefruit raises their blood levels.',
        action:
          'Avoid grapefruit and its juice; take potassium supplements only if prescribed; ask your transplant team about magnesium.',
        sources: [LABEL_TACROLIMUS],
        consequences: [
          withhold('potassium', 'calcineurin inhibitor: no potassium supplement'),
          {
            type: 'exclude-tag',
            tag: 'grapefruit',
            reason: 'calcineurin inhibitor: grapefruit is left out',
          },
        ],
      });
    }
    if (ctx.has('magnesium-containing')) {
      const impaired = (ctx.ckd?.rank ?? 0) >= CKD_G3A;
      findings.push({
        id: 'magnesium-antacid-laxative',
        severity: impaired ? 'avoid' : 'monitor',
        trigger: `${ctx.medicationTrigger('magnesium-containing')}${impaired ? `; condition: ${ctx.ckd?.code}` : ''}`,
        nutrient: 'magnesium',
        message: `Magnesium antacids and laxatives count as supplemental magnesium (UL 350 mg/day from supplements and medicines)${impaired ? '; with reduced kidney function magnesium builds up (hypermagnesaemia)' : ''}.`,
        action: impaired
          ? 'Do not use magnesium antacids or laxatives unless your kidney team prescribes them.'
          : 'Use them as the label says, not daily for long; add the dose to your supplements in the profile.',
        sources: [IOM_1997_MAGNESIUM],
        consequences: [withhold('magnesium', 'a magnesium medicine already adds magnesium')],
      });
    }
    if (ctx.has('loop-diuretic') && ctx.has('digoxin')) {
      findings.push({
        id: 'loop-diuretic-digoxin-hypokalaemia',
        severity: 'caution',
        trigger: ctx.medicationTrigger('loop-diuretic', 'digoxin'),
        nutrient: 'potassium',
        message:
          'A loop diuretic loses potassium and magnesium in the urine; low potassium or magnesium makes digoxin toxic even at normal digoxin levels.',
        action:
          'Ask your clinician how often potassium and magnesium should be checked; do not stop potassium-rich foods without advice.',
        sources: [DIGOXIN_LABEL_POTASSIUM],
      });
    }
    return findings;
  },
};
