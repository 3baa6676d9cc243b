import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../profile.js';
import { makeProfile, supplement } from '../safety/fixtures.js';
import { assess } from './index.js';
import { passesCheck, suggestSupplements } from './suggest.js';

const BRAND_GENERIC: [string, string][] = [
  ['coumadin', 'warfarin'],
  ['marevan', 'warfarin'],
  ['sintrom', 'acenocoumarol'],
  ['lasix', 'furosemide'],
  ['lanoxin', 'digoxin'],
  ['aldactone', 'spironolactone'],
  ['zestril', 'lisinopril'],
  ['nexium', 'esomeprazole'],
  ['rocaltrol', 'calcitriol'],
  ['prograf', 'tacrolimus'],
];
const CONDITIONS = [
  'ckd-3a',
  'ckd-3b',
  'ckd-4',
  'dialysis',
  'hypercalcemia',
  'sarcoidosis',
  'hyperparathyroidism',
  'kidney-stones',
];
const OTHER_MEDS = [
  'warfarin',
  'eliquis',
  'warfrin',
  'hyzaar',
  'co-amilofruse',
  'omeprazole',
  'calcitriol',
  'phoslo',
];

const profileArb = fc.record({
  age: fc.integer({ min: 14, max: 85 }),
  sex: fc.constantFrom<Profile['sex']>('female', 'male'),
  lifeStage: fc.constantFrom<Profile['lifeStage']>('none', 'none', 'pregnant', 'lactating'),
  weightKg: fc.integer({ min: 45, max: 110 }),
  conditions: fc.subarray(CONDITIONS, { maxLength: 2 }),
  medications: fc.subarray(OTHER_MEDS, { maxLength: 2 }),
  vitaminD: fc.constantFrom(0, 10, 25),
});

type Random = typeof profileArb extends fc.Arbitrary<infer T> ? T : never;

function toProfile(r: Random): Profile {
  return makeProfile({
    age: r.lifeStage === 'none' ? r.age : Math.max(18, Math.min(45, r.age)),
    sex: r.lifeStage === 'none' ? r.sex : 'female',
    lifeStage: r.lifeStage,
    weightKg: r.weightKg,
    conditions: r.conditions,
    medications: r.medications,
    supplements: r.vitaminD ? [supplement('vitamin-d', r.vitaminD)] : [],
  });
}

describe('policy properties', () => {
  it('every supplement suggestion, added to the profile, raises no new caution or avoid', () => {
    fc.assert(
      fc.property(
        profileArb,
        fc.subarray(['vitamin-d', 'magnesium', 'calcium', 'epa-dha'] as const, { minLength: 1 }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        fc.boolean(),
        (r, nutrients, share, k2Foods) => {
          const profile = toProfile(r);
          const a = assess(profile);
          const gaps = nutrients.flatMap((n) => {
            const t = a.targets.targets.find((x) => x.nutrient === n && x.bound === 'min');
            return t
              ? [
                  {
                    nutrient: n,
                    unit: t.unit,
                    target: t.value,
                    achieved: t.value * (1 - share),
                    foodMax: t.value * (1 - share),
                  },
                ]
              : [];
          });
          const out = suggestSupplements({ ...a, profile, gaps, longChainK2Foods: k2Foods });
          for (const s of out) {
            expect(passesCheck(profile, s.nutrient, s.suggestedAmount, 'nasem').ok).toBe(true);
            const withheld = a.consequences.some(
              (c) =>
                c.type === 'withholdSupplement' &&
                (c.nutrient === 'all' || c.nutrient === s.nutrient),
            );
            expect(withheld).toBe(false);
          }
          // Never MK-7 in pregnancy, lactation, under 18, with a VKA or an unscreened medication.
          if (
            profile.lifeStage !== 'none' ||
            profile.age < 18 ||
            profile.medications.some((m) => ['warfarin', 'warfrin'].includes(m))
          )
            expect(out.some((s) => s.nutrient === 'mk7')).toBe(false);
        },
      ),
      { numRuns: 60, seed: 9 },
    );
  });

  it('a brand and its generic give identical findings and consequences', () => {
    fc.assert(
      fc.property(profileArb, fc.constantFrom(...BRAND_GENERIC), (r, [brand, generic]) => {
        const base = toProfile(r);
        const shape = (meds: string[]) => {
          const a = assess({ ...base, medications: meds });
          return {
            findings: a.findings.map((f) => [f.id, f.severity, f.nutrient]),
            consequences: a.consequences.map((c) => ({ ...c, reason: '' })),
            targets: a.targets.targets.map((t) => [t.nutrient, t.bound, t.value]),
          };
        };
        expect(shape([...base.medications, brand])).toEqual(shape([...base.medications, generic]));
      }),
      { numRuns: 40, seed: 9 },
    );
  });

  it('no target is shown that a finding says does not apply', () => {
    fc.assert(
      fc.property(profileArb, (r) => {
        const a = assess(toProfile(r));
        for (const na of a.targets.notApplicable ?? [])
          expect(
            a.targets.targets.some(
              (t) =>
                t.nutrient === na.nutrient &&
                t.bound === na.bound &&
                !t.override &&
                t.findingId === undefined,
            ),
          ).toBe(false);
      }),
      { numRuns: 40, seed: 9 },
    );
  });
});
