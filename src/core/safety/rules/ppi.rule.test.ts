import { describe, expect, it } from 'vitest';
import { makeProfile } from '../fixtures.js';
import { screenProfile } from '../index.js';

describe('proton pump inhibitors', () => {
  it.each(['omeprazole', 'esomeprazole', 'pantoprazole', 'lansoprazole', 'rabeprazole'])(
    '%s: magnesium monitoring',
    (drug) => {
      const f = screenProfile(makeProfile({ medications: [drug] })).find(
        (x) => x.id === 'ppi-magnesium',
      );
      expect(f).toMatchObject({ severity: 'monitor', nutrient: 'magnesium' });
      expect(f?.message).not.toMatch(/digoxin/);
    },
  );

  it('mentions digoxin when both are taken', () => {
    const f = screenProfile(makeProfile({ medications: ['omeprazole', 'digoxin'] })).find(
      (x) => x.id === 'ppi-magnesium',
    );
    expect(f?.message).toMatch(/digoxin/);
  });

  it('no PPI, no finding', () => {
    expect(
      screenProfile(makeProfile({ medications: ['ramipril'] })).some(
        (f) => f.id === 'ppi-magnesium',
      ),
    ).toBe(false);
  });
});
