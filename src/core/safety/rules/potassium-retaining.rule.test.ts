import { describe, expect, it } from 'vitest';
import { makeAnalysis, makeProfile, supplement } from '../fixtures.js';
import { screenProfile } from '../index.js';

const ids = (
  profile: Parameters<typeof makeProfile>[0],
  analysis?: ReturnType<typeof makeAnalysis>,
) => screenProfile(makeProfile(profile), analysis ? { analysis } : {});

describe('ACE inhibitors, ARBs, potassium-sparing diuretics', () => {
  it.each([
    'lisinopril',
    'enalapril',
    'ramipril',
    'losartan',
    'valsartan',
    'candesartan',
    'spironolactone',
    'eplerenone',
    'amiloride',
    'triamterene',
  ])('%s with a potassium supplement: avoid', (drug) => {
    const f = ids({ medications: [drug], supplements: [supplement('potassium', 99)] }).find(
      (x) => x.id === 'potassium-retaining-supplement',
    );
    expect(f).toMatchObject({ severity: 'avoid', nutrient: 'potassium' });
  });

  it('without a supplement: salt-substitute caution', () => {
    const findings = ids({ medications: ['lisinopril'] });
    expect(findings.find((f) => f.id === 'potassium-retaining-salt-substitutes')?.severity).toBe(
      'caution',
    );
    expect(findings.some((f) => f.id === 'potassium-retaining-supplement')).toBe(false);
  });

  it('high dietary potassium with CKD: caution naming the amount', () => {
    const analysis = makeAnalysis([{ date: '2026-11-20', totals: { potassium: 3600 } }]);
    const f = ids(
      { sex: 'male', age: 70, medications: ['losartan'], conditions: ['ckd-3b'] },
      analysis,
    ).find((x) => x.id === 'potassium-retaining-high-diet-ckd');
    expect(f?.message).toMatch(/3,600 mg\/day/);
    // Below the AI (3,400 mg for men): no diet finding.
    const low = makeAnalysis([{ date: '2026-11-20', totals: { potassium: 2000 } }]);
    expect(
      ids({ sex: 'male', age: 70, medications: ['losartan'], conditions: ['ckd-3b'] }, low).some(
        (x) => x.id === 'potassium-retaining-high-diet-ckd',
      ),
    ).toBe(false);
    // High diet without CKD: no diet finding.
    expect(
      ids({ sex: 'male', age: 70, medications: ['losartan'] }, analysis).some(
        (x) => x.id === 'potassium-retaining-high-diet-ckd',
      ),
    ).toBe(false);
  });

  it('no such medicine, no finding', () => {
    expect(
      ids({ supplements: [supplement('potassium', 99)] }).some((f) =>
        f.id.startsWith('potassium-retaining'),
      ),
    ).toBe(false);
  });
});
