import { describe, expect, it } from 'vitest';
import { buildPlanRequest } from '../src/app/plan.js';
import { normalizeLab } from '../src/core/labs/index.js';
import { data, profileOf } from './plan-support.js';

describe('plans read the labs the policy reads', () => {
  it('a raised serum potassium reaches the plan request as a finding', () => {
    const lab = normalizeLab({ date: '2026-11-20', test: 'potassium', value: 6.1, unit: 'mmol/L' });
    if (!lab.ok) throw new Error(lab.error.message);
    const profile = profileOf({ age: 70, sex: 'male', conditions: ['ckd-3b'] });
    const { pantry } = data();
    const without = buildPlanRequest({ pantry }, { profile, days: 1 });
    const withLab = buildPlanRequest({ pantry }, { profile, days: 1, labs: [lab.value] });
    const ids = (r: typeof without) => r.findings.map((f) => f.id);
    expect(ids(without)).not.toContain('lab-potassium-high');
    expect(ids(withLab)).toContain('lab-potassium-high');
  });
});
