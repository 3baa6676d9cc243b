import { describe, expect, it } from 'vitest';
import { makeProfile, supplement } from '../fixtures.js';
import { screenProfile } from '../index.js';

describe('diuretics', () => {
  it.each(['hydrochlorothiazide', 'chlorthalidone', 'indapamide'])(
    '%s with calcium or vitamin D supplements: hypercalcaemia caution',
    (drug) => {
      const withCa = screenProfile(
        makeProfile({ medications: [drug], supplements: [supplement('calcium', 600)] }),
      );
      expect(withCa.find((f) => f.id === 'thiazide-calcium-vitamin-d')).toMatchObject({
        severity: 'caution',
        nutrient: 'calcium',
      });
      const withD = screenProfile(
        makeProfile({ medications: [drug], supplements: [supplement('vitamin-d', 25)] }),
      );
      expect(withD.find((f) => f.id === 'thiazide-calcium-vitamin-d')?.nutrient).toBe('vitamin-d');
    },
  );

  it('no hypercalcaemia caution without those supplements, but magnesium monitoring', () => {
    const findings = screenProfile(makeProfile({ medications: ['hydrochlorothiazide'] }));
    expect(findings.some((f) => f.id === 'thiazide-calcium-vitamin-d')).toBe(false);
    expect(findings.find((f) => f.id === 'diuretic-magnesium')?.severity).toBe('monitor');
  });

  it('loop diuretics: magnesium monitoring only', () => {
    const ids = screenProfile(
      makeProfile({ medications: ['furosemide'], supplements: [supplement('calcium', 600)] }),
    ).map((f) => f.id);
    expect(ids).toContain('diuretic-magnesium');
    expect(ids).not.toContain('thiazide-calcium-vitamin-d');
  });

  it('no diuretic, no finding', () => {
    const ids = screenProfile(makeProfile({ supplements: [supplement('calcium', 600)] })).map(
      (f) => f.id,
    );
    expect(ids.filter((id) => id.includes('thiazide') || id.includes('diuretic'))).toEqual([]);
  });
});
