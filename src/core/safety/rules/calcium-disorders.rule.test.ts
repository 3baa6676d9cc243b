import { describe, expect, it } from 'vitest';
import { makeProfile, supplement } from '../fixtures.js';
import { screenProfile } from '../index.js';

const withD = [supplement('vitamin-d', 25)];

describe('calcium disorders', () => {
  it('hypercalcaemia: supplements are avoid, otherwise caution', () => {
    expect(
      screenProfile(makeProfile({ conditions: ['hypercalcemia'], supplements: withD })).find(
        (f) => f.id === 'hypercalcemia-calcium-vitamin-d',
      )?.severity,
    ).toBe('avoid');
    expect(
      screenProfile(makeProfile({ conditions: ['hypercalcaemia'] })).find(
        (f) => f.id === 'hypercalcemia-calcium-vitamin-d',
      )?.severity,
    ).toBe('caution');
  });

  it('hyperparathyroidism: vitamin D ULs do not apply', () => {
    const f = screenProfile(
      makeProfile({ conditions: ['hyperparathyroidism'], supplements: withD }),
    ).find((x) => x.id === 'hyperparathyroidism-calcium-vitamin-d');
    expect(f?.severity).toBe('caution');
    expect(f?.message).toMatch(/25 µg\/day/);
  });

  it('familial hypocalciuric hypercalcaemia shares the parathyroid finding', () => {
    const f = screenProfile(makeProfile({ conditions: ['fhh'] })).find(
      (x) => x.id === 'hyperparathyroidism-calcium-vitamin-d',
    );
    expect(f?.trigger).toBe('condition: familial-hypocalciuric-hypercalcemia');
  });

  it('sarcoidosis and granulomatous disease: supervised vitamin D only', () => {
    for (const code of ['sarcoidosis', 'granulomatous-disease']) {
      const f = screenProfile(makeProfile({ conditions: [code] })).find(
        (x) => x.id === 'sarcoidosis-vitamin-d',
      );
      expect(f?.severity).toBe('caution');
      expect(f?.sources.map((s) => s.pmid)).toContain('24071882');
    }
  });

  it('none of these conditions, no finding', () => {
    const findings = screenProfile(makeProfile({ supplements: withD }));
    expect(findings.some((f) => /hypercalcemia|hyperparathyroidism|sarcoidosis/.test(f.id))).toBe(
      false,
    );
  });
});
