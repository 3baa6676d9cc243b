import { describe, expect, it } from 'vitest';
import { ckdStage, normalizeCondition } from './conditions.js';
import { classifyMedication, type MedicationClass } from './medications.js';

describe('medication classes', () => {
  const expected: [MedicationClass, string[]][] = [
    ['vka', ['warfarin', 'acenocoumarol', 'phenprocoumon']],
    ['doac', ['apixaban', 'rivaroxaban', 'dabigatran', 'edoxaban']],
    ['thiazide', ['hydrochlorothiazide', 'chlorthalidone', 'indapamide']],
    ['ppi', ['omeprazole', 'esomeprazole', 'pantoprazole', 'lansoprazole', 'rabeprazole']],
    ['digoxin', ['digoxin']],
    ['ace-inhibitor', ['lisinopril', 'enalapril', 'ramipril']],
    ['arb', ['losartan', 'valsartan', 'candesartan']],
    ['potassium-sparing', ['spironolactone', 'eplerenone', 'amiloride', 'triamterene']],
    ['bisphosphonate', ['alendronate', 'risedronate', 'ibandronate']],
    ['levothyroxine', ['levothyroxine']],
    ['tetracycline', ['doxycycline', 'tetracycline', 'minocycline']],
    ['fluoroquinolone', ['ciprofloxacin', 'levofloxacin', 'moxifloxacin']],
  ];
  it.each(expected)('%s', (cls, names) => {
    for (const name of names) expect(classifyMedication(name), name).toContain(cls);
  });

  it('matches case-insensitively and by the first word', () => {
    expect(classifyMedication('  WARFARIN  ')).toEqual(['vka']);
    expect(classifyMedication('warfarin sodium 5 mg')).toEqual(['vka']);
    expect(classifyMedication('ferrous sulfate')).toEqual(['iron-zinc']);
  });

  it('returns undefined for unknown names', () => {
    expect(classifyMedication('metformin')).toBeUndefined();
    expect(classifyMedication('')).toBeUndefined();
  });
});

describe('condition codes', () => {
  it('normalises codes and aliases', () => {
    expect(normalizeCondition('CKD-3b')).toBe('ckd-3b');
    expect(normalizeCondition('ckd g3a')).toBe('ckd-3a');
    expect(normalizeCondition('ckd-5d')).toBe('dialysis');
    expect(normalizeCondition('hypercalcaemia')).toBe('hypercalcemia');
    expect(normalizeCondition('diabetes')).toBeUndefined();
  });

  it('takes the most advanced CKD stage', () => {
    expect(ckdStage(['ckd-2', 'ckd-4'])?.code).toBe('ckd-4');
    expect(ckdStage(['ckd-3a', 'ckd-3b'])?.label).toBe('CKD G3b');
    expect(ckdStage(['dialysis', 'ckd-5'])?.code).toBe('dialysis');
    expect(ckdStage(['kidney-stones'])).toBeUndefined();
  });
});
