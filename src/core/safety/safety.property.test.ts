import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NutrientId } from '../nutrients.js';
import type { Profile } from '../profile.js';
import { CONDITION_CODES } from './conditions.js';
import { makeAnalysis, makeProfile, supplement } from './fixtures.js';
import { screenProfile, SEVERITY_ORDER, type Finding } from './index.js';
import { KNOWN_MEDICATIONS } from './medications.js';

const SUPPLEMENT_NUTRIENTS: NutrientId[] = [
  'calcium',
  'magnesium',
  'phosphorus',
  'potassium',
  'vitamin-c',
  'vitamin-d',
  'vitamin-k1',
  'mk4',
  'mk7',
  'vitamin-k2',
  'epa',
  'dha',
  'epa-dha',
  'sodium',
];
const DOACS = ['apixaban', 'rivaroxaban', 'dabigatran', 'edoxaban'];

const supplementArb = fc
  .tuple(fc.constantFrom(...SUPPLEMENT_NUTRIENTS), fc.double({ min: 0.01, max: 5000, noNaN: true }))
  .map(([n, amount]) => supplement(n, amount));

const profileArb = (medications: fc.Arbitrary<string[]>): fc.Arbitrary<Profile> =>
  fc
    .record({
      age: fc.integer({ min: 19, max: 100 }),
      sex: fc.constantFrom('female' as const, 'male' as const),
      stage: fc.constantFrom('none' as const, 'pregnant' as const, 'lactating' as const),
      smoker: fc.boolean(),
      conditions: fc.uniqueArray(fc.constantFrom(...CONDITION_CODES, 'gout', 'asthma'), {
        maxLength: 4,
      }),
      medications,
      supplements: fc.array(supplementArb, { maxLength: 5 }),
    })
    .map((r) =>
      makeProfile({
        age: r.age,
        sex: r.sex,
        lifeStage: r.sex === 'male' ? 'none' : r.stage,
        smoker: r.smoker,
        conditions: r.conditions,
        medications: r.medications,
        supplements: r.supplements,
      }),
    );

const anyMeds = fc.uniqueArray(fc.constantFrom(...KNOWN_MEDICATIONS, 'metformin', 'atorvastatin'), {
  maxLength: 5,
});

const analysisArb = fc.option(
  fc
    .array(
      fc.record({
        calcium: fc.integer({ min: 0, max: 2500 }),
        potassium: fc.integer({ min: 0, max: 6000 }),
        'vitamin-k': fc.integer({ min: 0, max: 900 }),
        'vitamin-d': fc.double({ min: 0, max: 40, noNaN: true }),
        'vitamin-c': fc.integer({ min: 0, max: 400 }),
      }),
      { minLength: 1, maxLength: 7 },
    )
    .map((days) =>
      makeAnalysis(days.map((totals, i) => ({ date: `2026-11-${String(10 + i)}`, totals }))),
    ),
  { nil: undefined },
);

/** ULs typed from the NASEM tables for adults 19+ (not read from the data module). */
function expectedUl(profile: Profile, nutrient: NutrientId): number | undefined {
  const age = profile.lifeStage === 'none' ? profile.age : Math.min(profile.age, 50);
  switch (nutrient) {
    case 'calcium':
      return age <= 50 ? 2500 : 2000;
    case 'magnesium':
      return 350;
    case 'phosphorus':
      if (profile.lifeStage === 'pregnant') return 3500;
      return age <= 70 ? 4000 : 3000;
    case 'vitamin-c':
      return 2000;
    case 'vitamin-d':
      return 100;
    default:
      return undefined;
  }
}

const mentionsVitaminK = (f: Finding) =>
  ['vitamin-k', 'vitamin-k1', 'vitamin-k2', 'mk4', 'mk7'].includes(f.nutrient ?? '') ||
  /vitamin k|\bk1\b|\bk2\b|mk-?\d/i.test(`${f.message} ${f.action}`);

describe('safety screening properties', () => {
  it('every finding has a source with a label and a locator or a note', () => {
    fc.assert(
      fc.property(profileArb(anyMeds), analysisArb, (profile, analysis) => {
        for (const f of screenProfile(profile, analysis ? { analysis } : {})) {
          expect(f.sources.length, f.id).toBeGreaterThan(0);
          for (const s of f.sources) {
            expect(s.label.length).toBeGreaterThan(0);
            expect(s.url ?? s.doi ?? s.pmid ?? s.note, `${f.id}: ${s.label}`).toBeTruthy();
          }
          expect(SEVERITY_ORDER).toContain(f.severity);
          expect(f.message.length).toBeGreaterThan(10);
          expect(f.action.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a supplement above its UL always yields a finding naming the nutrient', () => {
    fc.assert(
      fc.property(profileArb(anyMeds), (profile) => {
        const findings = screenProfile(profile);
        const totals = new Map<NutrientId, number>();
        for (const s of profile.supplements)
          totals.set(s.nutrient, (totals.get(s.nutrient) ?? 0) + s.amount);
        for (const [nutrient, amount] of totals) {
          const ul = expectedUl(profile, nutrient);
          if (ul === undefined || amount <= ul) continue;
          const f = findings.find((x) => x.id === `upper-limit-${nutrient}`);
          expect(f, `${nutrient} ${amount} > ${ul}`).toBeDefined();
          expect(f?.nutrient).toBe(nutrient);
          expect(f?.message).toContain(`UL of ${ul.toLocaleString('en-US')}`);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('DOAC-only profiles get no vitamin K warning above info', () => {
    const doacOnly = fc.uniqueArray(fc.constantFrom(...DOACS), { minLength: 1, maxLength: 2 });
    fc.assert(
      fc.property(profileArb(doacOnly), analysisArb, (profile, analysis) => {
        const notPregnant = { ...profile, lifeStage: 'none' as const };
        const findings = screenProfile(notPregnant, analysis ? { analysis } : {});
        const warnings = findings.filter((f) => f.severity !== 'info' && mentionsVitaminK(f));
        expect(warnings.map((f) => f.id)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('adding a DOAC to any profile adds no vitamin K finding above info', () => {
    fc.assert(
      fc.property(profileArb(anyMeds), fc.constantFrom(...DOACS), (profile, doac) => {
        const key = (f: Finding) => `${f.id}|${f.severity}|${f.trigger}`;
        const before = new Set(screenProfile(profile).map(key));
        const added = screenProfile({
          ...profile,
          medications: [...profile.medications, doac],
        }).filter((f) => !before.has(key(f)) && f.severity !== 'info' && mentionsVitaminK(f));
        expect(added.map((f) => f.id)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('findings come sorted from avoid to info', () => {
    fc.assert(
      fc.property(profileArb(anyMeds), (profile) => {
        const ranks = screenProfile(profile).map((f) => SEVERITY_ORDER.indexOf(f.severity));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });
});
