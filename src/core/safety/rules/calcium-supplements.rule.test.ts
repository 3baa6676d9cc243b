import { describe, expect, it } from 'vitest';
import { makeProfile, supplement } from '../fixtures.js';
import { screenProfile } from '../index.js';

describe('calcium supplements harm signal', () => {
  it('any calcium supplement: caution citing Bolland 2010', () => {
    const f = screenProfile(makeProfile({ supplements: [supplement('calcium', 500)] })).find(
      (x) => x.id === 'calcium-supplement-harm-signal',
    );
    expect(f?.severity).toBe('caution');
    expect(f?.sources.map((s) => s.doi)).toContain('10.1136/bmj.c3691');
    expect(f?.sources.map((s) => s.pmid)).toContain('20671013');
  });

  it('no calcium supplement, no finding', () => {
    expect(
      screenProfile(makeProfile({ supplements: [supplement('vitamin-d', 10)] })).some(
        (x) => x.id === 'calcium-supplement-harm-signal',
      ),
    ).toBe(false);
  });
});
