import { getLabTest } from '../../labs/index.js';
import { describeLab, describeRange } from './lab-wording.js';
import { CKD_G3A, normalizeCondition } from '../conditions.js';
import type { ScreeningContext } from '../context.js';
import { fmt } from '../context.js';
import type { RuleFinding, SafetyRule } from '../rule.js';
import { POTASSIUM_RETAINING_CLASSES } from './potassium-retaining.rule.js';
import type { Severity } from '../types.js';

/**
 * The latest eGFR (a CKD stage to confirm), serum potassium above range, and 25(OH)D against
 * the IOM 2011 levels. Raised calcium joins the hypercalcaemia rule (calcium-disorders) and INR
 * the vitamin K antagonist rule; every threshold is the lab test's data (src/core/labs).
 */
export const labsRule: SafetyRule = {
  family: 'labs',
  evaluate(ctx) {
    return [...egfrFindings(ctx), ...potassiumFindings(ctx), ...vitaminDFindings(ctx)];
  },
};

function egfrFindings(ctx: ScreeningContext): RuleFinding[] {
  const latest = ctx.latestLab('egfr');
  const category = latest?.assessment.category;
  if (!latest || !category) return [];
  const source = getLabTest('egfr').categories!.source;
  const suggested = normalizeCondition(category.code);
  const profileStage = ctx.ckd;
  const trigger = `lab: ${describeLab(latest.lab)}`;
  const base = `Your latest eGFR (${fmt(latest.lab.value)} on ${latest.lab.date}) falls in KDIGO category ${category.label}.`;
  if (profileStage) {
    const same =
      profileStage.code === suggested || (profileStage.code === 'ckd-3' && suggested === 'ckd-3a');
    return [
      {
        id: 'lab-egfr-ckd-stage',
        severity: 'info',
        trigger: `${trigger}; condition: ${profileStage.code}`,
        nutrient: null,
        message: `${base} Your profile says ${profileStage.label}, the stage your kidney team set: calcwise uses the profile’s stage, not this result.${same ? '' : ' The two differ.'}`,
        action: same
          ? 'Nothing to change; keep your profile’s stage in step with what your kidney team tells you.'
          : 'Ask your kidney team whether your stage has changed; change the profile only on their word.',
        sources: [source],
      },
    ];
  }
  if (ctx.conditions.has('kidney-transplant')) {
    return [
      {
        id: 'lab-egfr-ckd-stage',
        severity: 'info',
        trigger: `${trigger}; condition: kidney-transplant`,
        nutrient: null,
        message: `${base} With a kidney transplant, your transplant team reads this result; calcwise does not suggest a stage from it.`,
        action: 'Discuss the result with your transplant team.',
        sources: [source],
      },
    ];
  }
  // Without a stage in the profile: a suggestion to confirm, never a diagnosis (no consequences).
  const impairedBelow = getLabTest('egfr').reference!.low!;
  if (latest.lab.value >= impairedBelow) return [];
  return [
    {
      id: 'lab-egfr-ckd-stage',
      severity: 'monitor',
      trigger,
      nutrient: null,
      message: `${base} One eGFR below ${impairedBelow} does not make a diagnosis: chronic kidney disease needs the finding for more than three months, judged by your clinician. calcwise leaves your kidney advice unchanged until the stage is in your profile.`,
      action: `Discuss the result with your clinician. If they confirm chronic kidney disease, add the stage they give (${suggested ? `e.g. "${suggested}"` : 'e.g. "ckd-3a"'}) to your profile's conditions.`,
      sources: [source],
    },
  ];
}

/** Potassium findings from the latest serum potassium above the person's or the default range. */
function potassiumFindings(ctx: ScreeningContext): RuleFinding[] {
  const latest = ctx.latestLab('potassium');
  if (latest?.assessment.status !== 'high') return [];
  const retaining =
    POTASSIUM_RETAINING_CLASSES.some((cls) => ctx.has(cls)) || (ctx.ckd?.rank ?? 0) >= CKD_G3A;
  const supplement = ctx.supplement('potassium');
  return [
    {
      id: 'lab-potassium-high',
      severity: retaining || supplement > 0 ? 'avoid' : 'caution',
      trigger: `lab: ${describeLab(latest.lab)}${supplement > 0 ? `; supplement: potassium ${fmt(supplement)} mg/day` : ''}`,
      nutrient: 'potassium',
      message: `Your latest serum potassium is above ${describeRange(latest.lab, latest.assessment)}. A high blood potassium is a reason not to add potassium from supplements or potassium-based salt substitutes; calcwise suggests none.`,
      action:
        'Discuss this result with your clinician soon, before any change in potassium-rich foods, supplements or salt substitutes; ask whether a repeat test is needed.',
      sources: [latest.assessment.rangeSource ?? getLabTest('potassium').reference!.source],
      consequences: [
        {
          type: 'withholdSupplement',
          nutrient: 'potassium',
          reason: `serum potassium above range (${fmt(latest.lab.value)} ${latest.lab.unit} on ${latest.lab.date}): no potassium supplement is suggested`,
        },
      ],
    },
  ];
}

function vitaminDFindings(ctx: ScreeningContext): RuleFinding[] {
  const latest = ctx.latestLab('25-oh-d');
  const status = latest?.assessment.status;
  if (!latest || !status || status === 'in-range') return [];
  const source = latest.assessment.rangeSource ?? getLabTest('25-oh-d').reference!.source;
  const trigger = `lab: ${describeLab(latest.lab)}`;
  if (status === 'low') {
    return [
      {
        id: 'lab-25-oh-d-low',
        severity: 'info',
        trigger,
        nutrient: 'vitamin-d',
        message: `Your latest 25(OH)D is below ${describeRange(latest.lab, latest.assessment)}. Vitamin D status depends on sun, diet and supplements; the right dose depends on you and is not set from one result.`,
        action:
          'Discuss the result with your clinician, who may suggest a vitamin D dose and a repeat test; the vitamin D target and upper limit shown here still apply.',
        sources: [source],
      },
    ];
  }
  return [
    {
      id: 'lab-25-oh-d-high',
      severity: 'caution',
      trigger,
      nutrient: 'vitamin-d',
      message: `Your latest 25(OH)D is above ${describeRange(latest.lab, latest.assessment)}; more vitamin D is not suggested.`,
      action: 'Discuss the result and any vitamin D you take with your clinician.',
      sources: [source],
      consequences: [
        {
          type: 'withholdSupplement',
          nutrient: 'vitamin-d',
          reason: `25(OH)D above range (${fmt(latest.lab.value)} nmol/L on ${latest.lab.date}): no vitamin D supplement is suggested`,
        },
      ],
    },
  ];
}

const STEP_UP: Readonly<Record<Severity, Severity>> = {
  info: 'monitor',
  monitor: 'caution',
  caution: 'avoid',
  avoid: 'avoid',
};

/** A finding that limits potassium (not one about losing it, such as diuretic hypokalaemia). */
function limitsPotassium(finding: RuleFinding): boolean {
  return (finding.consequences ?? []).some(
    (c) =>
      'nutrient' in c &&
      c.nutrient === 'potassium' &&
      (c.type === 'withholdSupplement' ||
        c.type === 'cap' ||
        c.type === 'exclude' ||
        (c.type === 'replaceTarget' && c.bound === 'max')),
  );
}

/**
 * Serum potassium above range escalates every other finding that limits potassium one step
 * (caution → avoid), naming the result in its trigger: that advice was written for an unknown
 * potassium. Findings about losing potassium are left as they are.
 */
export function escalateForLabs(ctx: ScreeningContext, findings: RuleFinding[]): RuleFinding[] {
  const potassium = ctx.latestLab('potassium');
  if (potassium?.assessment.status !== 'high') return findings;
  return findings.map((finding) =>
    finding.id !== 'lab-potassium-high' && limitsPotassium(finding)
      ? {
          ...finding,
          severity: STEP_UP[finding.severity],
          trigger: `${finding.trigger}; lab: ${describeLab(potassium.lab)} (above range)`,
        }
      : finding,
  );
}
