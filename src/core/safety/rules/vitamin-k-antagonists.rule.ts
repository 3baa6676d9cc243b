import { vitaminKConsistency } from '../../analysis/vitamin-k-consistency.js';
import { fmt } from '../context.js';
import {
  ANTIBIOTICS_VITAMIN_K,
  ODS_VITAMIN_K,
  SCHURGERS_2007_MK7,
  VALKYRIE_2020,
} from '../references.js';
import type { SafetyRule } from '../rule.js';
import type { Finding } from '../types.js';

/** MK-7 at or above this daily dose may interfere with oral anticoagulation (Schurgers 2007). */
export const MK7_INTERFERENCE_UG = 50;

/** Vitamin K antagonists (warfarin, acenocoumarol, phenprocoumon): consistency, supplements. */
export const vitaminKAntagonistsRule: SafetyRule = {
  family: 'vitamin-k-antagonists',
  evaluate(ctx) {
    if (!ctx.has('vka')) return [];
    const trigger = ctx.medicationTrigger('vka');
    const findings: Finding[] = [];

    let diaryNote = '';
    if (ctx.analysis) {
      const k = vitaminKConsistency(ctx.analysis);
      if (k.cvPercent !== undefined && k.meanUg !== undefined) {
        const swing = k.largestSwings[0];
        diaryNote = ` In your diary, daily vitamin K averaged ${fmt(k.meanUg)} µg and varied by ${fmt(k.cvPercent)} % (coefficient of variation)${swing ? `; the largest change was ${swing.changeUg > 0 ? '+' : ''}${fmt(swing.changeUg)} µg from ${swing.from} to ${swing.to}` : ''}.`;
      }
    }
    findings.push({
      id: 'vka-vitamin-k-consistency',
      severity: 'monitor',
      trigger,
      nutrient: 'vitamin-k',
      message: `Vitamin K antagonists work against vitamin K, so changes in how much vitamin K you eat shift your INR. Do not avoid vitamin K foods: keep the amount consistent from day to day.${diaryNote}`,
      action:
        'Eat similar amounts of greens and other vitamin K foods each day; coordinate any planned change in diet or supplements with your prescriber and INR monitoring.',
      sources: [ODS_VITAMIN_K],
    });

    const mk7 = ctx.supplement('mk7');
    const unspecifiedK2 = ctx.profile.supplements
      .filter((s) => s.nutrient === 'vitamin-k2')
      .reduce((sum, s) => sum + s.amount, 0);
    const possibleMk7 = mk7 + unspecifiedK2;
    if (possibleMk7 >= MK7_INTERFERENCE_UG) {
      findings.push({
        id: 'vka-mk7-supplement',
        severity: 'avoid',
        trigger: `${trigger}; supplement: ${fmt(possibleMk7)} µg/day ${mk7 > 0 ? 'MK-7' : 'vitamin K2 (form not given)'}`,
        nutrient: 'mk7',
        message: `MK-7 stays in the body for days and builds up with daily intake; ${MK7_INTERFERENCE_UG} µg/day or more may interfere with oral anticoagulation. You list ${fmt(possibleMk7)} µg/day.`,
        action:
          'Do not take this supplement unless your prescriber supervises it; discuss with your clinician before starting, stopping or changing it.',
        sources: [SCHURGERS_2007_MK7],
      });
    }
    const otherK =
      ctx.supplement('vitamin-k') - (possibleMk7 >= MK7_INTERFERENCE_UG ? possibleMk7 : 0);
    if (otherK > 0) {
      findings.push({
        id: 'vka-vitamin-k-supplement',
        severity: 'caution',
        trigger: `${trigger}; vitamin K supplement ${fmt(otherK)} µg/day`,
        nutrient: 'vitamin-k',
        message: `A vitamin K supplement (K1 or K2) adds ${fmt(otherK)} µg/day on top of food and can change your INR, especially when started, stopped or taken irregularly.`,
        action:
          'Discuss this supplement with your prescriber before taking it; if you take it, take the same dose every day.',
        sources: [ODS_VITAMIN_K, SCHURGERS_2007_MK7],
      });
    }
    findings.push({
      id: 'vka-calcification-discuss',
      severity: 'caution',
      trigger,
      nutrient: 'vitamin-k',
      message:
        'Vitamin K antagonists also block the activation of matrix Gla protein, a calcification inhibitor, and have been linked to faster vascular calcification in haemodialysis patients. In the Valkyrie trial, switching to rivaroxaban with or without K2 did not change calcification over 18 months. Vitamin K supplements are not a way to counter this.',
      action:
        'Do not add K1 or K2 supplements to offset the anticoagulant; if calcification concerns you, discuss the choice of anticoagulant with your clinician.',
      sources: [VALKYRIE_2020],
    });
    if (ctx.has('antibiotic')) {
      findings.push({
        id: 'vka-antibiotics',
        severity: 'monitor',
        trigger: `${trigger}; ${ctx.medicationTrigger('antibiotic')}`,
        nutrient: 'vitamin-k',
        message:
          'Antibiotic courses reduce the vitamin K made by gut bacteria, and some inhibit vitamin K recycling, which can raise the INR.',
        action:
          'Ask your prescriber whether your INR should be checked during and after the course.',
        sources: [ANTIBIOTICS_VITAMIN_K],
      });
    }
    return findings;
  },
};
