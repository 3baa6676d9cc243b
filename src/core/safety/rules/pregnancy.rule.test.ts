import { describe, expect, it } from 'vitest';
import { makeProfile, supplement } from '../fixtures.js';
import { screenProfile } from '../index.js';

describe('pregnancy and lactation', () => {
  it.each(['pregnant', 'lactating'] as const)(
    '%s with supplements: caution to review them',
    (lifeStage) => {
      const findings = screenProfile(
        makeProfile({ age: 30, lifeStage, supplements: [supplement('vitamin-d', 25)] }),
      );
      expect(findings.find((f) => f.id === 'pregnancy-supplements')?.severity).toBe('caution');
      expect(findings.find((f) => f.id === 'pregnancy-reference-intakes')?.severity).toBe('info');
    },
  );

  it('K2 supplements in pregnancy: a stated safety gap', () => {
    const f = screenProfile(
      makeProfile({ age: 30, lifeStage: 'pregnant', supplements: [supplement('mk7', 90)] }),
    ).find((x) => x.id === 'pregnancy-vitamin-k2-supplement');
    expect(f?.severity).toBe('caution');
    expect(f?.sources[0]?.note).toMatch(/UNVERIFIED/);
  });

  it('without supplements only the info lines; not pregnant, nothing', () => {
    const ids = screenProfile(makeProfile({ age: 30, lifeStage: 'pregnant' })).map((f) => f.id);
    expect(ids).toEqual([
      'pregnancy-food-safety',
      'pregnancy-folic-acid',
      'pregnancy-iodine',
      'pregnancy-reference-intakes',
    ]);
    expect(
      screenProfile(makeProfile({ supplements: [supplement('mk7', 90)] })).some((f) =>
        f.id.startsWith('pregnancy'),
      ),
    ).toBe(false);
  });
});
