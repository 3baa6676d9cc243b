import { describe, expect, it } from 'vitest';
import { makeProfile, supplement } from '../fixtures.js';
import { screenProfile } from '../index.js';

describe('digoxin', () => {
  it('calcium or vitamin D supplements: caution; magnesium: monitor', () => {
    const findings = screenProfile(
      makeProfile({ medications: ['digoxin'], supplements: [supplement('vitamin-d', 20)] }),
    );
    expect(findings.find((f) => f.id === 'digoxin-calcium')?.severity).toBe('caution');
    expect(findings.find((f) => f.id === 'digoxin-magnesium')?.severity).toBe('monitor');
  });

  it('without supplements only the magnesium line', () => {
    const ids = screenProfile(makeProfile({ medications: ['digoxin'] })).map((f) => f.id);
    expect(ids).toContain('digoxin-magnesium');
    expect(ids).not.toContain('digoxin-calcium');
  });

  it('no digoxin, no finding', () => {
    const ids = screenProfile(makeProfile({ supplements: [supplement('calcium', 500)] })).map(
      (f) => f.id,
    );
    expect(ids.some((id) => id.startsWith('digoxin'))).toBe(false);
  });
});
