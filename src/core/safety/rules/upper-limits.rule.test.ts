import { describe, expect, it } from 'vitest';
import { makeAnalysis, makeProfile, supplement } from '../fixtures.js';
import { screenProfile } from '../index.js';

describe('upper limits', () => {
  it('a supplement above its UL: avoid, with amount and UL', () => {
    const findings = screenProfile(
      makeProfile({
        supplements: [{ nutrient: 'vitamin-d', amount: 125, unit: 'µg', entered: '5000 IU' }],
      }),
    );
    const f = findings.find((x) => x.id === 'upper-limit-vitamin-d');
    expect(f?.severity).toBe('avoid');
    expect(f?.message).toMatch(/125 µg\/day \(entered as 5000 IU\), above the UL of 100 µg\/day/);
  });

  it('at the UL exactly: no finding', () => {
    const findings = screenProfile(makeProfile({ supplements: [supplement('vitamin-d', 100)] }));
    expect(findings.some((x) => x.id.startsWith('upper-limit'))).toBe(false);
  });

  it('magnesium: the UL counts supplements only, so food never adds to it', () => {
    const analysis = makeAnalysis([{ date: '2026-11-20', totals: { magnesium: 500 } }]);
    const under = screenProfile(makeProfile({ supplements: [supplement('magnesium', 300)] }), {
      analysis,
    });
    expect(under.some((x) => x.id.includes('upper-limit'))).toBe(false);
    const over = screenProfile(makeProfile({ supplements: [supplement('magnesium', 400)] }));
    expect(over.find((x) => x.id === 'upper-limit-magnesium')?.message).toMatch(
      /350 mg\/day \(from supplements and medicines only\)/,
    );
  });

  it('total ULs add the diary food average to the supplement', () => {
    const analysis = makeAnalysis([
      { date: '2026-11-20', totals: { calcium: 1600 } },
      { date: '2026-11-21', totals: { calcium: 1400 } },
    ]);
    const profile = makeProfile({ age: 60, supplements: [supplement('calcium', 600)] });
    const f = screenProfile(profile, { analysis }).find(
      (x) => x.id === 'upper-limit-total-calcium',
    );
    expect(f?.severity).toBe('caution');
    expect(f?.message).toMatch(/gives 2,100 mg\/day, above the UL of 2,000 mg\/day/);
    expect(screenProfile(profile).some((x) => x.id === 'upper-limit-total-calcium')).toBe(false);
  });

  it('uses the age-specific UL (phosphorus 3 g over 70)', () => {
    const p = [supplement('phosphorus', 3500)];
    expect(
      screenProfile(makeProfile({ age: 71, supplements: p })).some(
        (x) => x.id === 'upper-limit-phosphorus',
      ),
    ).toBe(true);
    expect(
      screenProfile(makeProfile({ age: 70, supplements: p })).some(
        (x) => x.id === 'upper-limit-phosphorus',
      ),
    ).toBe(false);
  });

  it('an override never silences a UL', () => {
    const profile = makeProfile({
      targets: { 'vitamin-d': { max: 250 } },
      supplements: [supplement('vitamin-d', 150)],
    });
    expect(screenProfile(profile).some((x) => x.id === 'upper-limit-vitamin-d')).toBe(true);
  });

  it('EFSA: its own ULs (magnesium 250 mg), NASEM where EFSA set none (vitamin C)', () => {
    const profile = makeProfile({
      supplements: [supplement('magnesium', 300), supplement('vitamin-c', 2500)],
    });
    const efsa = screenProfile(profile, {
      targets: {
        authority: 'efsa',
        energyKcal: 2000,
        energySource: 'dri-default',
        targets: [],
        context: [],
      },
    });
    expect(efsa.some((x) => x.id === 'upper-limit-magnesium')).toBe(true);
    expect(efsa.some((x) => x.id === 'upper-limit-vitamin-c')).toBe(true);
    expect(screenProfile(profile).some((x) => x.id === 'upper-limit-magnesium')).toBe(false);
  });
});
