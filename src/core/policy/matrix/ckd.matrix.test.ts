import { describe, expect, it } from 'vitest';
import { check, POTATO, supplement, type Case } from './support.js';

const stage = (code: string, extra: Partial<Case> = {}): Case => ({
  name: `${code}, 70 kg`,
  profile: { conditions: [code], weightKg: 70, age: 67, sex: 'male' },
  findings: {
    'ckd-potassium': 'caution',
    'ckd-sodium': 'caution',
    'ckd-phosphorus': 'caution',
    'ckd-protein': 'caution',
  },
  consequences: [
    'replaceTarget:potassium',
    'replaceTarget:phosphorus',
    'replaceTarget:protein',
    'cap:potassium',
    'cap:phosphorus',
    'cap:sodium',
    'withholdSupplement:magnesium',
    'withholdSupplement:calcium',
    'withholdSupplement:potassium',
  ],
  notApplicable: ['potassium', 'phosphorus'],
  ...extra,
});

const CASES: Case[] = [
  stage('ckd-3a'),
  stage('ckd-3b'),
  stage('ckd-g3b'),
  stage('ckd-4'),
  stage('ckd-5'),
  stage('dialysis'),
  {
    name: 'kidney transplant: potassium AI not applicable, no default caps',
    profile: { conditions: ['kidney-transplant'], weightKg: 70 },
    findings: { 'ckd-potassium': 'caution', 'ckd-protein': 'info' },
    notApplicable: ['potassium'],
  },
  {
    name: 'ckd-2: no CKD findings',
    profile: { conditions: ['ckd-2'] },
    absent: ['ckd-potassium', 'ckd-protein'],
  },
  {
    name: 'ckd-4 with a potassium supplement: avoid',
    profile: { conditions: ['ckd-4'], weightKg: 70, supplements: [supplement('potassium', 99)] },
    findings: { 'ckd-potassium': 'avoid' },
  },
  {
    name: 'ckd-3b with a high-potassium diary: escalates to avoid',
    profile: { conditions: ['ckd-3b'], weightKg: 70 },
    diary: [{ date: '2026-03-01', entries: [{ food: POTATO, grams: 700 }] }],
    findings: { 'ckd-potassium': 'avoid' },
  },
  {
    name: 'ckd-3b + lisinopril + high-potassium diary: avoid',
    profile: { conditions: ['ckd-3b'], weightKg: 70, medications: ['zestril'] },
    diary: [{ date: '2026-03-01', entries: [{ food: POTATO, grams: 700 }] }],
    findings: { 'potassium-retaining-high-diet-ckd': 'avoid' },
  },
];

describe('CKD matrix', () => {
  for (const c of CASES) it(c.name, () => void check(c, expect));

  it('G3–G5 targets: protein 0.8 g/kg, at most 1.3 g/kg; sodium, potassium and phosphorus caps', () => {
    const a = check(stage('ckd-3b'), expect);
    const t = (n: string, bound: string) =>
      a.targets.targets.filter((x) => x.nutrient === n && x.bound === bound).map((x) => x.value);
    expect(t('protein', 'min')).toEqual([56]);
    expect(Math.min(...t('protein', 'max'))).toBe(91);
    expect(Math.min(...t('sodium', 'max'))).toBe(2300);
    expect(Math.min(...t('potassium', 'max'))).toBe(3000);
    expect(Math.min(...t('phosphorus', 'max'))).toBe(1000);
    expect(t('potassium', 'min')).toEqual([]);
    expect(t('phosphorus', 'min')).toEqual([]);
    // Both sodium guidelines are named.
    expect(a.findings.find((f) => f.id === 'ckd-sodium')?.message).toMatch(
      /KDOQI 2020.*KDIGO 2024/,
    );
  });

  it('dialysis has its own protein row (1.0 g/kg) and no 1.3 g/kg ceiling', () => {
    const a = check(stage('dialysis'), expect);
    expect(
      a.targets.targets.find((x) => x.nutrient === 'protein' && x.bound === 'min')?.value,
    ).toBe(70);
    expect(a.consequences.some((c) => c.type === 'cap' && c.nutrient === 'protein')).toBe(false);
  });

  it('a profile override beats the default cap', () => {
    const a = check(
      {
        name: 'override',
        profile: { conditions: ['ckd-4'], weightKg: 70, targets: { potassium: { max: 2400 } } },
      },
      expect,
    );
    const caps = a.targets.targets.filter((x) => x.nutrient === 'potassium' && x.bound === 'max');
    expect(caps.map((x) => x.value)).toEqual([2400]);
  });
});
