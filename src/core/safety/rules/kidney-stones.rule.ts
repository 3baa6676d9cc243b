import { fmt } from '../context.js';
import {
  HEART_2012_CALCIUM_STONES,
  NHS_STONES_REVIEW,
  TAYLOR_2004_STONES,
  THOMAS_2013_VITAMIN_C,
} from '../references.js';
import type { SafetyRule } from '../rule.js';
import type { Finding } from '../types.js';

/** Supplemental vitamin C at or above this daily dose was linked to stones (Taylor 2004; Thomas 2013). */
export const HIGH_DOSE_VITAMIN_C_MG = 1000;

/** Vitamin C supplements and kidney stones; calcium supplements vs dietary calcium in stone formers. */
export const kidneyStonesRule: SafetyRule = {
  family: 'kidney-stones',
  evaluate(ctx) {
    const findings: Finding[] = [];
    const stones = ctx.conditions.has('kidney-stones');
    const vitaminC = ctx.supplement('vitamin-c');
    if (vitaminC >= HIGH_DOSE_VITAMIN_C_MG) {
      findings.push({
        id: stones ? 'kidney-stones-vitamin-c' : 'high-dose-vitamin-c',
        severity: stones ? 'caution' : 'monitor',
        trigger: `${stones ? 'condition: kidney-stones; ' : ''}supplement: vitamin C ${fmt(vitaminC)} mg/day`,
        nutrient: 'vitamin-c',
        message: `Vitamin C is partly turned into oxalate. Men taking ascorbic acid supplements had about twice the risk of kidney stones (RR 2.23 with 7 or more tablets a week), and ${fmt(HIGH_DOSE_VITAMIN_C_MG)} mg/day or more was linked to a 41 % higher risk; vitamin C from food was not implicated. You list ${fmt(vitaminC)} mg/day.${
          stones ? ' With a history of stones this matters most.' : ''
        }`,
        action: stones
          ? 'Avoid routine high-dose vitamin C supplements; get vitamin C from fruit and vegetables and discuss any supplement with your clinician.'
          : 'Prefer vitamin C from fruit and vegetables; the RDA is met without high-dose supplements.',
        sources: [THOMAS_2013_VITAMIN_C, TAYLOR_2004_STONES],
      });
    }
    const calcium = ctx.supplement('calcium');
    if (stones && calcium > 0) {
      findings.push({
        id: 'kidney-stones-calcium-supplement',
        severity: 'caution',
        trigger: `condition: kidney-stones; supplement: calcium ${fmt(calcium)} mg/day`,
        nutrient: 'calcium',
        message: `Calcium supplements raised the risk of kidney stones by about 20 %, while more calcium from food was linked to fewer stones. You list ${fmt(calcium)} mg/day.`,
        action:
          'Prefer calcium from food and do not cut dietary calcium; take a calcium supplement only if your clinician prescribes it.',
        sources: [HEART_2012_CALCIUM_STONES, NHS_STONES_REVIEW],
      });
    }
    return findings;
  },
};
