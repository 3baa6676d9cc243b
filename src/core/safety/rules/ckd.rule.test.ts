import { describe, expect, it } from 'vitest';
import { makeAnalysis, makeProfile, supplement } from '../fixtures.js';
import { screenProfile } from '../index.js';

const find = (conditions: string[], extra = {}, analysis?: Parameters<typeof screenProfile>[1]) =>
  screenProfile(makeProfile({ conditions, ...extra }), analysis);

describe('chronic kidney disease', () => {
  it.each(['ckd-3a', 'ckd-3b', 'ckd-4', 'ckd-5', 'dialysis', 'CKD-G3b'])(
    '%s: potassium, sodium and phosphorus cautions',
    (code) => {
      const ids = find([code]).map((f) => f.id);
      expect(ids).toEqual(
        expect.arrayContaining(['ckd-potassium', 'ckd-sodium', 'ckd-phosphorus']),
      );
    },
  );

  it.each(['ckd-1', 'ckd-2'])('%s: no CKD findings (kidney function not impaired)', (code) => {
    const findings = find([code], {
      supplements: [supplement('magnesium', 300), supplement('potassium', 99)],
    });
    expect(findings.filter((f) => f.id.startsWith('ckd-'))).toEqual([]);
    expect(findings.some((f) => f.id.startsWith('not-screened'))).toBe(false);
  });

  it('magnesium supplements in CKD G3a+ are avoid, citing MAGiCAL-CKD', () => {
    const f = find(['ckd-3b'], { supplements: [supplement('magnesium', 250)] }).find(
      (x) => x.id === 'ckd-magnesium-supplement',
    );
    expect(f?.severity).toBe('avoid');
    expect(f?.sources.map((s) => s.pmid)).toContain('36749131');
    expect(f?.action).toMatch(/clinician/);
    expect(find(['ckd-3b']).some((x) => x.id === 'ckd-magnesium-supplement')).toBe(false);
  });

  it('potassium supplements in CKD are avoid; diet alone is caution', () => {
    expect(
      find(['ckd-4'], { supplements: [supplement('potassium', 99)] }).find(
        (f) => f.id === 'ckd-potassium',
      )?.severity,
    ).toBe('avoid');
    expect(find(['ckd-4']).find((f) => f.id === 'ckd-potassium')?.severity).toBe('caution');
  });

  it('mentions a high dietary potassium from the diary', () => {
    const analysis = makeAnalysis([
      { date: '2026-11-20', totals: { potassium: 4200, sodium: 3100 } },
    ]);
    const findings = find(['ckd-3a'], { sex: 'male', age: 60 }, { analysis });
    expect(findings.find((f) => f.id === 'ckd-potassium')?.message).toMatch(
      /4,200 mg\/day from food/,
    );
    expect(findings.find((f) => f.id === 'ckd-sodium')?.message).toMatch(/3,100 mg\/day/);
  });

  it('calcium supplements and vitamin D', () => {
    const findings = find(['ckd-3a'], {
      supplements: [supplement('calcium', 500), supplement('vitamin-d', 25)],
    });
    expect(findings.find((f) => f.id === 'ckd-calcium-supplement')?.severity).toBe('caution');
    expect(findings.find((f) => f.id === 'ckd-vitamin-d')?.message).toMatch(
      /25 µg\/day \(1,000 IU\)/,
    );
    expect(find(['ckd-3a']).some((f) => f.id === 'ckd-calcium-supplement')).toBe(false);
  });

  it('kidney transplant: potassium and sodium only', () => {
    const ids = find(['kidney-transplant']).map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['ckd-potassium', 'ckd-sodium']));
    expect(ids).not.toContain('ckd-phosphorus');
  });
});
