import type { MedicationClass } from '../medications.js';
import { fmt } from '../context.js';
import {
  CALCIUM_CARBONATE_LABEL,
  SMPC_KALCIPOS_D,
  SMPC_MAGNESIUM_12118,
  SMPC_MAGNESIUM_2678,
} from '../references.js';
import type { SafetyRule } from '../rule.js';
import type { SourceRef } from '../../sources.js';
import type { Finding } from '../types.js';

interface TimingRule {
  cls: MedicationClass;
  id: string;
  what: string;
  calcium: string;
  magnesium?: string;
  sources: SourceRef[];
}

/** The interval advice of interactions.csv; where sources differ the longer interval is used. */
const TIMINGS: readonly TimingRule[] = [
  {
    cls: 'bisphosphonate',
    id: 'bisphosphonate-timing',
    what: 'Calcium and magnesium bind oral bisphosphonates in the gut and stop them being absorbed.',
    calcium:
      'take the bisphosphonate first, on an empty stomach, and calcium at least 3 hours later',
    magnesium: 'keep magnesium 3–4 hours away from it',
    sources: [SMPC_KALCIPOS_D, CALCIUM_CARBONATE_LABEL, SMPC_MAGNESIUM_2678],
  },
  {
    cls: 'levothyroxine',
    id: 'levothyroxine-timing',
    what: 'Calcium reduces the absorption of levothyroxine.',
    calcium: 'separate calcium and levothyroxine by at least 4 hours',
    sources: [SMPC_KALCIPOS_D],
  },
  {
    cls: 'tetracycline',
    id: 'tetracycline-timing',
    what: 'Calcium and magnesium bind tetracyclines in the gut and reduce their absorption.',
    calcium: 'take the tetracycline at least 2 hours before or 4–6 hours after calcium',
    magnesium: 'separate it from magnesium by at least 2–3 hours',
    sources: [SMPC_KALCIPOS_D, SMPC_MAGNESIUM_12118],
  },
  {
    cls: 'fluoroquinolone',
    id: 'fluoroquinolone-timing',
    what: 'Calcium and magnesium bind fluoroquinolones in the gut and reduce their absorption.',
    calcium: 'take the antibiotic 2 hours before or at least 2 hours after calcium',
    magnesium: 'take it at least 2 hours before or 4–6 hours after magnesium',
    sources: [CALCIUM_CARBONATE_LABEL],
  },
  {
    cls: 'iron-zinc',
    id: 'iron-zinc-calcium-timing',
    what: 'Calcium reduces the absorption of iron and zinc.',
    calcium: 'take iron or zinc at least 2 hours before or after calcium',
    sources: [SMPC_KALCIPOS_D],
  },
];

/** Medicines whose absorption calcium or magnesium reduce: timing advice. */
export const chelationTimingRule: SafetyRule = {
  family: 'chelation-timing',
  evaluate(ctx) {
    const calcium = ctx.supplement('calcium');
    const magnesium = ctx.supplement('magnesium');
    const findings: Finding[] = [];
    for (const timing of TIMINGS) {
      if (!ctx.has(timing.cls)) continue;
      const trigger = ctx.medicationTrigger(timing.cls);
      const relevantMagnesium = timing.magnesium !== undefined && magnesium > 0;
      if (calcium > 0 || relevantMagnesium) {
        const supplements = [
          calcium > 0 ? `calcium ${fmt(calcium)} mg/day` : undefined,
          relevantMagnesium ? `magnesium ${fmt(magnesium)} mg/day` : undefined,
        ].filter(Boolean);
        const steps = [
          calcium > 0 ? timing.calcium : undefined,
          relevantMagnesium ? timing.magnesium : undefined,
        ]
          .filter(Boolean)
          .join('; ');
        findings.push({
          id: timing.id,
          severity: 'caution',
          trigger: `${trigger}; supplement: ${supplements.join(', ')}`,
          nutrient: calcium > 0 ? 'calcium' : 'magnesium',
          message: timing.what,
          action: `${steps.charAt(0).toUpperCase()}${steps.slice(1)}. Check the timing with your pharmacist or clinician.`,
          sources: timing.sources,
        });
      } else {
        findings.push({
          id: `${timing.id}-food`,
          severity: 'info',
          trigger,
          nutrient: 'calcium',
          message: `${timing.what} The same applies to calcium-rich foods and drinks (milk, yoghurt, fortified drinks) and antacids.`,
          action: `If you start a calcium or magnesium supplement: ${timing.calcium}. Ask your pharmacist how to time this medicine around meals.`,
          sources: timing.sources,
        });
      }
    }
    return findings;
  },
};
