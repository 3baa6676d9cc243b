import { describe, expect, it } from 'vitest';
import { makeProfile } from '../fixtures.js';
import { screenProfile } from '../index.js';

describe('not screened and smokers', () => {
  it('reports each unknown medication and condition, never drops it', () => {
    const findings = screenProfile(
      makeProfile({
        medications: ['metformin', 'warfarin', 'atorvastatin'],
        conditions: ['gout', 'ckd-3a'],
      }),
    );
    const meds = findings.filter((f) => f.id === 'not-screened-medication');
    expect(meds.map((f) => f.trigger)).toEqual([
      'medication: metformin',
      'medication: atorvastatin',
    ]);
    // Not harmless: an unscreened medication is a caution and says what it might have meant.
    expect(meds.every((f) => f.severity === 'caution' && f.sources.length > 0)).toBe(true);
    expect(findings.filter((f) => f.id === 'not-screened-condition').map((f) => f.trigger)).toEqual(
      ['condition: gout'],
    );
  });

  it('known names are not reported as unscreened', () => {
    const findings = screenProfile(
      makeProfile({ medications: ['warfarin'], conditions: ['kidney-stones'] }),
    );
    expect(findings.some((f) => f.id.startsWith('not-screened'))).toBe(false);
  });

  it('smokers: vitamin C monitor', () => {
    expect(
      screenProfile(makeProfile({ smoker: true })).find((f) => f.id === 'smoker-vitamin-c')
        ?.severity,
    ).toBe('monitor');
    expect(screenProfile(makeProfile()).some((f) => f.id === 'smoker-vitamin-c')).toBe(false);
  });
});
