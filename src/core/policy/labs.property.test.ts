import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAB_TEST_IDS, LAB_TESTS, normalizeLab, type LabResult } from '../labs/index.js';
import { makeProfile } from '../safety/fixtures.js';
import { SEVERITY_ORDER } from '../safety/index.js';
import { assess } from './index.js';

const profileArb = fc.record({
  conditions: fc.subarray(['ckd-3a', 'ckd-4', 'hypercalcemia', 'kidney-stones'], { maxLength: 2 }),
  medications: fc.subarray(['warfarin', 'lisinopril', 'spironolactone', 'omeprazole'], {
    maxLength: 2,
  }),
});

/** Any possible result of any test, in its canonical unit, with or without the lab's own range. */
const labArb: fc.Arbitrary<LabResult> = fc
  .record({
    test: fc.constantFrom(...LAB_TEST_IDS),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    day: fc.integer({ min: 1, max: 28 }),
    own: fc.boolean(),
  })
  .map(({ test, at, day, own }) => {
    const { min, max } = LAB_TESTS[test].plausible;
    const value = min + (max - min) * at * at;
    const lab = normalizeLab({
      date: `2026-11-${String(day).padStart(2, '0')}`,
      test,
      value,
      unit: LAB_TESTS[test].canonicalUnit,
      ...(own && { low: min + (max - min) * 0.01, high: min + (max - min) * 0.05 }),
    });
    if (!lab.ok) throw new Error(lab.error.message);
    return lab.value;
  });

const rank = (severity: string) => SEVERITY_ORDER.indexOf(severity as 'info');

describe('labs in the policy (property)', () => {
  it('labs only add or sharpen: no finding disappears or softens, every consequence has its finding', () => {
    fc.assert(
      fc.property(profileArb, fc.array(labArb, { maxLength: 6 }), (p, labs) => {
        const profile = makeProfile(p);
        const without = assess(profile);
        const withLabs = assess(profile, { labs });
        const after = new Map(withLabs.findings.map((f) => [f.id, f.severity]));
        for (const finding of without.findings) {
          expect(after.has(finding.id), finding.id).toBe(true);
          expect(rank(after.get(finding.id)!)).toBeLessThanOrEqual(rank(finding.severity));
        }
        for (const c of withLabs.consequences) expect(after.has(c.findingId)).toBe(true);
        // An eGFR suggests a stage; it never changes targets or plans by itself.
        expect(withLabs.consequences.some((c) => c.findingId === 'lab-egfr-ckd-stage')).toBe(false);
        const ckdWithout = without.consequences.filter((c) => c.findingId.startsWith('ckd-'));
        const ckdWith = withLabs.consequences.filter((c) => c.findingId.startsWith('ckd-'));
        expect(ckdWith).toEqual(ckdWithout);
      }),
      { numRuns: 200 },
    );
  });
});
