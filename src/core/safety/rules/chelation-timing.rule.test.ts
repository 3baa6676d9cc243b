import { describe, expect, it } from 'vitest';
import { makeProfile, supplement } from '../fixtures.js';
import { screenProfile } from '../index.js';

describe('timing of calcium and magnesium with medicines', () => {
  it.each([
    ['alendronate', 'bisphosphonate-timing', /3 hours/],
    ['risedronate', 'bisphosphonate-timing', /3 hours/],
    ['ibandronate', 'bisphosphonate-timing', /3 hours/],
    ['levothyroxine', 'levothyroxine-timing', /4 hours/],
    ['doxycycline', 'tetracycline-timing', /2 hours before or 4–6 hours after/],
    ['minocycline', 'tetracycline-timing', /2 hours/],
    ['tetracycline', 'tetracycline-timing', /2 hours/],
    ['ciprofloxacin', 'fluoroquinolone-timing', /2 hours/],
    ['levofloxacin', 'fluoroquinolone-timing', /2 hours/],
    ['moxifloxacin', 'fluoroquinolone-timing', /2 hours/],
  ])('%s with calcium: %s', (drug, id, interval) => {
    const f = screenProfile(
      makeProfile({ medications: [drug], supplements: [supplement('calcium', 500)] }),
    ).find((x) => x.id === id);
    expect(f?.severity).toBe('caution');
    expect(f?.action).toMatch(interval);
  });

  it('magnesium supplements count for bisphosphonates but not for levothyroxine', () => {
    const mg = [supplement('magnesium', 200)];
    expect(
      screenProfile(makeProfile({ medications: ['alendronate'], supplements: mg })).find(
        (f) => f.id === 'bisphosphonate-timing',
      )?.action,
    ).toMatch(/magnesium 3–4 hours/);
    const levo = screenProfile(makeProfile({ medications: ['levothyroxine'], supplements: mg }));
    expect(levo.some((f) => f.id === 'levothyroxine-timing')).toBe(false);
    expect(levo.find((f) => f.id === 'levothyroxine-timing-food')?.severity).toBe('info');
  });

  it('without supplements only an info line about calcium-rich food', () => {
    const findings = screenProfile(makeProfile({ medications: ['doxycycline'] }));
    expect(findings.find((f) => f.id === 'tetracycline-timing-food')?.severity).toBe('info');
    expect(findings.some((f) => f.id === 'tetracycline-timing')).toBe(false);
  });

  it('iron with calcium', () => {
    expect(
      screenProfile(
        makeProfile({
          medications: ['ferrous sulfate'],
          supplements: [supplement('calcium', 500)],
        }),
      ).some((f) => f.id === 'iron-zinc-calcium-timing'),
    ).toBe(true);
  });

  it('no such medicine, no timing finding', () => {
    const findings = screenProfile(
      makeProfile({ supplements: [supplement('calcium', 500), supplement('magnesium', 100)] }),
    );
    expect(findings.some((f) => f.id.includes('timing'))).toBe(false);
  });
});
