import type { Analysis } from '../../analysis/types.js';
import { vitaminKConsistency } from '../../analysis/vitamin-k-consistency.js';
import { getLabTest } from '../../labs/index.js';
import { fmt } from '../context.js';
import {
  ANTIBIOTICS_VITAMIN_K,
  CALCWISE_VKA_BAND,
  ODS_VITAMIN_K,
  SCHURGERS_2007_MK7,
  THEUWISSEN_2013_MK7,
  VALKYRIE_2020,
} from '../references.js';
import type { RuleFinding, SafetyRule } from '../rule.js';
import { describeLab, describeRange } from './lab-wording.js';

/**
 * MK-7 from this daily amount lowered the INR in a clinically relevant way in at least 40 % of
 * people on acenocoumarol (Theuwissen 2013); Schurgers 2007 had put the threshold at 50 µg/day.
 * Any MK-7 supplement is `avoid`; a food giving this much per 100 g is left out of plans.
 */
export const MK7_INTERFERENCE_UG = 10;
/** Day-to-day band for vitamin K around the person's own average (calcwise design choice). */
export const VKA_CONSISTENCY_BAND = 0.25;

/** Vitamin K antagonists (warfarin, acenocoumarol, phenprocoumon): consistency, supplements. */
export const vitaminKAntagonistsRule: SafetyRule = {
  family: 'vitamin-k-antagonists',
  evaluate(ctx) {
    if (!ctx.has('vka')) return [];
    const trigger = ctx.medicationTrigger('vka');
    const findings: RuleFinding[] = [];

    let diaryNote = '';
    let swingNote = '';
    let loggedMean: number | undefined;
    if (ctx.analysis) {
      const k = vitaminKConsistency(ctx.analysis);
      const largest = k.largestSwings[0];
      if (largest) {
        swingNote = ` In your diary the largest day-to-day change in vitamin K was ${largest.changeUg > 0 ? '+' : ''}${fmt(largest.changeUg)} µg, from ${largest.from} to ${largest.to}.`;
      }
      if (k.cvPercent !== undefined && k.meanUg !== undefined) {
        loggedMean = k.meanUg;
        const swing = k.largestSwings[0];
        diaryNote = ` In your diary, daily vitamin K averaged ${fmt(k.meanUg)} µg and varied by ${fmt(k.cvPercent)} % (coefficient of variation)${swing ? `; the largest change was ${swing.changeUg > 0 ? '+' : ''}${fmt(swing.changeUg)} µg from ${swing.from} to ${swing.to}` : ''}.`;
      }
      findings.push(...diaryFindings(ctx.analysis, trigger, loggedMean));
    }
    // Without a history the usual intake is unknown: hold near the AI (typical adult intakes are
    // of that order), never let a plan move vitamin K far from what the INR was set on.
    const adequateIntake = ctx.referenceTarget('vitamin-k', 'min')?.value;
    const reference = loggedMean ?? adequateIntake;
    findings.push({
      id: 'vka-vitamin-k-consistency',
      severity: 'monitor',
      trigger,
      nutrient: 'vitamin-k',
      message: `Vitamin K antagonists work against vitamin K, so changes in how much vitamin K you eat shift your INR. Do not avoid vitamin K foods: keep the amount consistent from day to day.${diaryNote}`,
      action:
        'Eat similar amounts of greens and other vitamin K foods each day; coordinate any planned change in diet or supplements with your prescriber and INR monitoring.',
      sources: [ODS_VITAMIN_K],
      consequences: [
        {
          type: 'exclude',
          nutrient: 'mk7',
          atLeastPer100g: MK7_INTERFERENCE_UG,
          reason: `vitamin K antagonist: foods with ≥ ${MK7_INTERFERENCE_UG} µg MK-7 per 100 g (natto) are left out`,
          source: THEUWISSEN_2013_MK7,
        },
        {
          type: 'holdConsistent',
          nutrient: 'vitamin-k',
          band: VKA_CONSISTENCY_BAND,
          ...(reference !== undefined ? { reference } : {}),
          reason:
            loggedMean !== undefined
              ? `vitamin K antagonist: daily vitamin K within ±${VKA_CONSISTENCY_BAND * 100} % of your logged average of ${fmt(loggedMean)} µg`
              : adequateIntake !== undefined
                ? `vitamin K antagonist: daily vitamin K within ±${VKA_CONSISTENCY_BAND * 100} % of the adequate intake (${fmt(adequateIntake)} µg): with no logged meals the plan assumes a usual intake near it rather than a change your INR was not set on; log your meals so it holds your own average`
                : `vitamin K antagonist: daily vitamin K within ±${VKA_CONSISTENCY_BAND * 100} % of day 1 on every day`,
          source: CALCWISE_VKA_BAND,
        },
        ...(['vitamin-k', 'vitamin-k2', 'mk7'] as const).map((nutrient) => ({
          type: 'withholdSupplement' as const,
          nutrient,
          reason: 'vitamin K antagonist: no vitamin K supplement is suggested',
        })),
      ],
    });

    // The latest INR beside the consistency finding: against the person's own target range
    // when they entered one, else the usual 2.0–3.0 (src/core/labs).
    const inr = ctx.latestLab('inr');
    if (inr && inr.assessment.status && inr.assessment.status !== 'in-range') {
      findings.push({
        id: 'vka-inr-out-of-range',
        severity: 'caution',
        trigger: `${trigger}; lab: ${describeLab(inr.lab)}`,
        nutrient: 'vitamin-k',
        message: `Your latest INR (${fmt(inr.lab.value)} on ${inr.lab.date}) is ${inr.assessment.status === 'high' ? 'above' : 'below'} ${describeRange(inr.lab, inr.assessment)}. Changes in vitamin K intake are one of several causes (medicines, illness, missed or extra doses).${swingNote}`,
        action:
          'Follow your anticoagulation clinic’s advice on this result; keep vitamin K intake steady rather than cutting or adding greens on your own.',
        sources: [inr.assessment.rangeSource ?? getLabTest('inr').reference!.source, ODS_VITAMIN_K],
      });
    }

    const mk7 = ctx.supplement('mk7');
    const unspecifiedK2 = ctx.profile.supplements
      .filter((s) => s.nutrient === 'vitamin-k2')
      .reduce((sum, s) => sum + s.amount, 0);
    const possibleMk7 = mk7 + unspecifiedK2;
    if (possibleMk7 > 0) {
      findings.push({
        id: 'vka-mk7-supplement',
        severity: 'avoid',
        trigger: `${trigger}; supplement: ${fmt(possibleMk7)} µg/day ${mk7 > 0 ? 'MK-7' : 'vitamin K2 (form not given)'}`,
        nutrient: 'mk7',
        message: `MK-7 stays in the body for days and builds up with daily intake; in people on a vitamin K antagonist, as little as ${MK7_INTERFERENCE_UG} µg/day lowered the INR in a clinically relevant way in at least 4 in 10 (Theuwissen 2013). You list ${fmt(possibleMk7)} µg/day.`,
        action:
          'Do not take this supplement unless your prescriber supervises it; discuss with your clinician before starting, stopping or changing it.',
        sources: [THEUWISSEN_2013_MK7, SCHURGERS_2007_MK7],
      });
    }
    const otherK = ctx.supplement('vitamin-k') - possibleMk7;
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

/** Diary: natto or other high-MK-7 food, and days far from the person's own average. */
function diaryFindings(
  analysis: Analysis,
  trigger: string,
  mean: number | undefined,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const mk7Foods = (analysis.contributors.mk7 ?? []).filter((c) => c.amount > 0);
  const mk7Days = analysis.days
    .map((day) => ({
      date: day.date,
      amount: day.totals.mk7?.amount ?? 0,
      foods: day.entries.filter((e) => mk7Foods.some((c) => c.foodId === e.foodId)),
    }))
    .filter((d) => d.amount >= MK7_INTERFERENCE_UG && d.foods.length > 0);
  if (mk7Days.length > 0) {
    const names = [...new Set(mk7Days.flatMap((d) => d.foods.map((f) => f.name)))];
    findings.push({
      id: 'vka-diary-mk7-food',
      severity: 'caution',
      trigger: `${trigger}; diary: ${names.join(', ')}`,
      nutrient: 'mk7',
      message: `Your diary has ${names.join(', ')} on ${mk7Days.map((d) => `${d.date} (${fmt(d.amount)} µg MK-7)`).join(', ')}. Foods this rich in MK-7 can change your INR for days; ${MK7_INTERFERENCE_UG} µg/day lowered the INR in a clinically relevant way in people on a vitamin K antagonist.`,
      action:
        'Tell your anticoagulation clinic you eat this food; do not start or stop it without an INR check. calcwise plans leave it out.',
      sources: [THEUWISSEN_2013_MK7, ODS_VITAMIN_K],
    });
  }
  if (mean !== undefined && mean > 0) {
    const off = analysis.days
      .map((day) => ({ date: day.date, amount: day.totals['vitamin-k']?.amount }))
      .filter(
        (d): d is { date: string; amount: number } =>
          d.amount !== undefined && Math.abs(d.amount - mean) > VKA_CONSISTENCY_BAND * mean,
      );
    if (off.length > 0) {
      const richest = (analysis.contributors['vitamin-k'] ?? []).slice(0, 3).map((c) => c.name);
      findings.push({
        id: 'vka-diary-vitamin-k-swings',
        severity: 'caution',
        trigger: `${trigger}; diary: ${off.length} day(s) outside ±${VKA_CONSISTENCY_BAND * 100} %`,
        nutrient: 'vitamin-k',
        message: `Your vitamin K was more than ${VKA_CONSISTENCY_BAND * 100} % away from your average of ${fmt(mean)} µg/day on ${off.map((d) => `${d.date} (${fmt(d.amount)} µg)`).join(', ')}. Swings like these shift the INR.${richest.length ? ` Your main vitamin K foods: ${richest.join(', ')}.` : ''}`,
        action:
          'Keep greens and other vitamin K foods at similar amounts each day; tell your anticoagulation clinic about a planned change.',
        sources: [ODS_VITAMIN_K, CALCWISE_VKA_BAND],
      });
    }
  }
  return findings;
}
