import { describe, expect, it } from 'vitest';
import { makeProfile, supplement } from '../fixtures.js';
import { screenProfile } from '../index.js';

describe('kidney stones and vitamin C', () => {
  it('stone formers with vitamin C at 1,000 mg/day or more: caution', () => {
    const f = screenProfile(
      makeProfile({ conditions: ['kidney-stones'], supplements: [supplement('vitamin-c', 1000)] }),
    ).find((x) => x.id === 'kidney-stones-vitamin-c');
    expect(f?.severity).toBe('caution');
    expect(f?.message).toMatch(/1,000 mg\/day/);
  });

  it('below 1,000 mg/day: no finding', () => {
    const findings = screenProfile(
      makeProfile({ conditions: ['kidney-stones'], supplements: [supplement('vitamin-c', 500)] }),
    );
    expect(findings.some((f) => f.nutrient === 'vitamin-c')).toBe(false);
  });

  it('high-dose vitamin C without stones: monitor', () => {
    const f = screenProfile(makeProfile({ supplements: [supplement('vitamin-c', 1500)] })).find(
      (x) => x.id === 'high-dose-vitamin-c',
    );
    expect(f?.severity).toBe('monitor');
  });

  it('calcium supplements in stone formers: prefer food calcium', () => {
    const f = screenProfile(
      makeProfile({ conditions: ['kidney-stones'], supplements: [supplement('calcium', 500)] }),
    ).find((x) => x.id === 'kidney-stones-calcium-supplement');
    expect(f?.action).toMatch(/do not cut dietary calcium/);
    expect(
      screenProfile(makeProfile({ supplements: [supplement('calcium', 500)] })).some(
        (x) => x.id === 'kidney-stones-calcium-supplement',
      ),
    ).toBe(false);
  });
});
