import { describe, expect, it } from 'vitest';
import { check, KALE, supplement, type Case } from './support.js';

const lab = (test: string, value: number, unit: string, extra: object = {}) => ({
  date: '2026-11-20',
  test,
  value,
  unit,
  ...extra,
});

const CASES: Case[] = [
  {
    name: 'eGFR 52, no stage in the profile: a G3a suggestion to confirm, kidney advice unchanged',
    profile: {},
    labs: [lab('egfr', 52, 'mL/min/1.73m²')],
    findings: { 'lab-egfr-ckd-stage': 'monitor' },
    absent: ['ckd-potassium', 'ckd-phosphorus'],
  },
  {
    name: 'eGFR 75, no stage: nothing to suggest',
    profile: {},
    labs: [lab('egfr', 75, 'mL/min/1.73m²')],
    absent: ['lab-egfr-ckd-stage'],
  },
  {
    name: 'eGFR 52 but the kidney team said ckd-3b: the profile’s stage wins',
    profile: { conditions: ['ckd-3b'] },
    labs: [lab('egfr', 52, 'mL/min/1.73m²')],
    findings: { 'lab-egfr-ckd-stage': 'info', 'ckd-potassium': 'caution' },
  },
  {
    name: 'eGFR 40 after a kidney transplant: the transplant team reads it, no stage suggested',
    profile: { conditions: ['kidney-transplant'] },
    labs: [lab('egfr', 40, 'mL/min/1.73m²')],
    findings: { 'lab-egfr-ckd-stage': 'info' },
  },
  {
    name: 'potassium 5.6 without other reasons: caution, no potassium supplement',
    profile: {},
    labs: [lab('potassium', 5.6, 'mmol/L')],
    findings: { 'lab-potassium-high': 'caution' },
    consequences: ['withholdSupplement:potassium'],
  },
  {
    name: 'potassium 5.6 on lisinopril: avoid, and the ACE inhibitor finding escalates',
    profile: { medications: ['lisinopril'] },
    labs: [lab('potassium', 5.6, 'mEq/L')],
    findings: { 'lab-potassium-high': 'avoid', 'potassium-retaining-salt-substitutes': 'avoid' },
  },
  {
    name: 'potassium 5.6 with furosemide + digoxin: the hypokalaemia finding is not escalated',
    profile: { medications: ['furosemide', 'digoxin'] },
    labs: [lab('potassium', 5.6, 'mmol/L')],
    findings: { 'loop-diuretic-digoxin-hypokalaemia': 'caution', 'lab-potassium-high': 'caution' },
  },
  {
    name: 'potassium 5.6 with heparin: the heparin potassium finding steps up to caution',
    profile: { medications: ['heparin'] },
    labs: [lab('potassium', 5.6, 'mmol/L')],
    findings: { 'heparin-potassium': 'caution' },
  },
  {
    name: 'potassium 5.3 within the person’s own 3.5–5.5 range: no escalation',
    profile: { medications: ['lisinopril'] },
    labs: [lab('potassium', 5.3, 'mmol/L', { low: 3.5, high: 5.5 })],
    findings: { 'potassium-retaining-salt-substitutes': 'caution' },
    absent: ['lab-potassium-high'],
  },
  {
    name: 'CKD 3b with potassium 5.4: ckd-potassium goes from caution to avoid',
    profile: { conditions: ['ckd-3b'] },
    labs: [lab('potassium', 5.4, 'mmol/L')],
    findings: { 'ckd-potassium': 'avoid', 'lab-potassium-high': 'avoid' },
  },
  {
    name: 'calcium 10.9 mg/dL, no condition: the hypercalcaemia rule with its consequences',
    profile: {},
    labs: [lab('calcium', 10.9, 'mg/dL')],
    findings: { 'hypercalcemia-calcium-vitamin-d': 'caution' },
    consequences: ['withholdSupplement:calcium', 'withholdSupplement:vitamin-d', 'cap:vitamin-d'],
  },
  {
    name: 'calcium 2.7 mmol/L with a vitamin D supplement: avoid',
    profile: { supplements: [supplement('vitamin-d', 50)] },
    labs: [lab('calcium', 2.7, 'mmol/L')],
    findings: { 'hypercalcemia-calcium-vitamin-d': 'avoid' },
  },
  {
    name: 'calcium 2.4 mmol/L: no hypercalcaemia finding',
    profile: { supplements: [supplement('vitamin-d', 50)] },
    labs: [lab('calcium', 2.4, 'mmol/L')],
    absent: ['hypercalcemia-calcium-vitamin-d'],
  },
  {
    name: '25(OH)D 14 ng/mL: below the IOM 50 nmol/L, an info note',
    profile: {},
    labs: [lab('25-oh-d', 14, 'ng/mL')],
    findings: { 'lab-25-oh-d-low': 'info' },
    absent: ['lab-25-oh-d-high'],
  },
  {
    name: '25(OH)D 160 nmol/L: caution, no vitamin D supplement suggested',
    profile: {},
    labs: [lab('25-oh-d', 160, 'nmol/L')],
    findings: { 'lab-25-oh-d-high': 'caution' },
    consequences: ['withholdSupplement:vitamin-d'],
  },
  {
    name: 'warfarin and INR 3.8: reported beside the vitamin K consistency finding',
    profile: { medications: ['warfarin'] },
    labs: [lab('inr', 3.8, 'ratio')],
    findings: { 'vka-inr-out-of-range': 'caution', 'vka-vitamin-k-consistency': 'monitor' },
  },
  {
    name: 'warfarin and INR 3.2 inside a mechanical-valve range of 2.5–3.5: nothing to report',
    profile: { medications: ['warfarin'] },
    labs: [lab('inr', 3.2, 'ratio', { low: 2.5, high: 3.5 })],
    absent: ['vka-inr-out-of-range'],
  },
  {
    name: 'INR 3.8 without a vitamin K antagonist: no INR finding',
    profile: {},
    labs: [lab('inr', 3.8, 'ratio')],
    absent: ['vka-inr-out-of-range'],
  },
];

describe('policy matrix: labs', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    check(c, expect);
  });

  it('the latest result counts, not an older one', () => {
    const a = check(
      {
        name: 'potassium high then normal',
        profile: {},
        labs: [
          { date: '2026-10-01', test: 'potassium', value: 5.9, unit: 'mmol/L' },
          { date: '2026-11-01', test: 'potassium', value: 4.4, unit: 'mmol/L' },
        ],
        absent: ['lab-potassium-high'],
      },
      expect,
    );
    expect(a.findings.length).toBeGreaterThanOrEqual(0);
  });

  it('wording informs and sends the person to the clinician; results are named', () => {
    const a = check(
      {
        name: 'warfarin, INR low, diary swing',
        profile: { medications: ['warfarin'] },
        diary: [
          { date: '2026-11-18', entries: [{ food: KALE, grams: 20 }] },
          { date: '2026-11-19', entries: [{ food: KALE, grams: 150 }] },
        ],
        labs: [{ date: '2026-11-20', test: 'inr', value: 1.6, unit: 'ratio' }],
      },
      expect,
    );
    const inr = a.findings.find((f) => f.id === 'vka-inr-out-of-range')!;
    expect(inr.message).toMatch(/INR \(1\.6 on 2026-11-20\) is below INR target 2\.0–3\.0/);
    expect(inr.message).toMatch(
      /largest day-to-day change in vitamin K was \+\d+ µg, from 2026-11-18 to 2026-11-19/,
    );
    const ids = a.findings.map((f) => f.id);
    expect(ids.indexOf('vka-inr-out-of-range')).toBeGreaterThanOrEqual(0);

    const egfr = check(
      {
        name: 'egfr',
        profile: {},
        labs: [{ date: '2026-11-20', test: 'egfr', value: 38, unit: 'mL/min' }],
      },
      expect,
    ).findings.find((f) => f.id === 'lab-egfr-ckd-stage')!;
    expect(egfr.message).toMatch(/G3b/);
    expect(egfr.message).toMatch(/does not make a diagnosis/);
    expect(egfr.action).toMatch(/clinician/);
    expect(egfr.action).toMatch(/"ckd-3b"/);

    const team = check(
      {
        name: 'team',
        profile: { conditions: ['ckd-4'] },
        labs: [{ date: '2026-11-20', test: 'egfr', value: 38, unit: 'mL/min' }],
      },
      expect,
    ).findings.find((f) => f.id === 'lab-egfr-ckd-stage')!;
    expect(team.message).toMatch(
      /calcwise uses the profile’s stage, not this result\. The two differ\./,
    );

    const ckdD = check(
      {
        name: 'ckd d',
        profile: { conditions: ['ckd-3a'] },
        labs: [{ date: '2026-11-20', test: '25-oh-d', value: 30, unit: 'nmol/L' }],
      },
      expect,
    ).findings.find((f) => f.id === 'ckd-vitamin-d')!;
    expect(ckdD.message).toMatch(
      /Your latest 25\(OH\)D is 30 nmol\/L \(2026-11-20\), below IOM 2011/,
    );
  });
});
