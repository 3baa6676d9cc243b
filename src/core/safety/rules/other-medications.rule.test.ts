import { describe, expect, it } from 'vitest';
import { makeProfile, supplement } from '../fixtures.js';
import { screenProfile } from '../index.js';

describe('other interaction families', () => {
  it('omega-3 above 3 g/day with a blood thinner: caution; at 3 g or without one: none', () => {
    const over = screenProfile(
      makeProfile({
        medications: ['clopidogrel'],
        supplements: [supplement('epa', 2), supplement('dha', 1.5)],
      }),
    );
    expect(over.find((f) => f.id === 'omega-3-bleeding')?.severity).toBe('caution');
    expect(
      screenProfile(
        makeProfile({ medications: ['clopidogrel'], supplements: [supplement('epa-dha', 3)] }),
      ).some((f) => f.id === 'omega-3-bleeding'),
    ).toBe(false);
    expect(
      screenProfile(makeProfile({ supplements: [supplement('epa-dha', 4)] })).some(
        (f) => f.id === 'omega-3-bleeding',
      ),
    ).toBe(false);
  });

  it('orlistat and sequestrants: vitamin D timing', () => {
    for (const drug of ['orlistat', 'cholestyramine']) {
      expect(
        screenProfile(makeProfile({ medications: [drug] })).find(
          (f) => f.id === 'fat-absorption-vitamin-d',
        )?.severity,
      ).toBe('caution');
    }
  });

  it('anticonvulsants and corticosteroids: vitamin D and calcium monitoring', () => {
    for (const drug of ['phenytoin', 'prednisolone']) {
      expect(
        screenProfile(makeProfile({ medications: [drug] })).find(
          (f) => f.id === 'vitamin-d-calcium-metabolism',
        )?.severity,
      ).toBe('monitor');
    }
    expect(
      screenProfile(makeProfile({ medications: ['metformin'] })).some(
        (f) => f.id === 'vitamin-d-calcium-metabolism',
      ),
    ).toBe(false);
  });
});
