import { describe, expect, it } from 'vitest';
import { makeProfile, supplement } from '../fixtures.js';
import { screenProfile } from '../index.js';

describe('DOACs', () => {
  it.each(['apixaban', 'rivaroxaban', 'dabigatran', 'edoxaban'])(
    '%s: only an info line, no vitamin K warning',
    (drug) => {
      const findings = screenProfile(
        makeProfile({
          medications: [drug],
          supplements: [supplement('mk7', 180), supplement('vitamin-k1', 100)],
        }),
      );
      expect(findings.find((f) => f.id === 'doac-not-vitamin-k-antagonist')?.severity).toBe('info');
      expect(findings.filter((f) => f.id.startsWith('vka-'))).toEqual([]);
      const kWarnings = findings.filter(
        (f) =>
          f.severity !== 'info' &&
          /vitamin k|mk-7|k1|k2/i.test(`${f.nutrient} ${f.message} ${f.action}`),
      );
      expect(kWarnings).toEqual([]);
    },
  );

  it('does not appear without a DOAC', () => {
    expect(
      screenProfile(makeProfile({ medications: ['warfarin'] })).some((f) =>
        f.id.startsWith('doac'),
      ),
    ).toBe(false);
  });
});
