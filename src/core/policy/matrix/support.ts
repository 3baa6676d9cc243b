import { analyzeDiary } from '../../analysis/analyze.js';
import type { Analysis } from '../../analysis/types.js';
import type { Food } from '../../foods.js';
import { normalizeLab, type LabInput } from '../../labs/index.js';
import type { Profile } from '../../profile.js';
import { makeProfile } from '../../safety/fixtures.js';
import { makeFood } from '../../test-support/make-food.js';
import { assess, type Assessment } from '../index.js';

export { makeProfile };
export { supplement } from '../../safety/fixtures.js';

/** One row of the matrix: a profile (and diary) with the findings and consequences expected. */
export interface Case {
  name: string;
  profile: Partial<Profile>;
  diary?: { date: string; entries: { food: Food; grams: number }[] }[];
  /** Lab results as entered (converted as on entry). */
  labs?: LabInput[];
  /** Finding id → severity that must be present. */
  findings?: Record<string, string>;
  /** Finding ids that must be absent. */
  absent?: string[];
  /** Consequences that must be present, as "type:nutrient-or-tag". */
  consequences?: string[];
  /** Targets that must be shown as not applicable. */
  notApplicable?: string[];
}

export function run(c: Case): Assessment {
  const analysis: Analysis | undefined = c.diary
    ? analyzeDiary({
        days: c.diary.map((d) => ({
          date: d.date,
          entries: d.entries.map((e) => ({
            food: e.food,
            amount: e.grams,
            unit: 'g',
            grams: e.grams,
          })),
        })),
      })
    : undefined;
  const labs = (c.labs ?? []).map((input) => {
    const lab = normalizeLab(input);
    if (!lab.ok) throw new Error(`${c.name}: ${lab.error.message}`);
    return lab.value;
  });
  return assess(makeProfile(c.profile), { ...(analysis && { analysis }), labs });
}

export function consequenceKeys(a: Assessment): string[] {
  return a.consequences.map((c) => {
    const target = c.type === 'exclude-tag' ? c.tag : 'nutrient' in c ? c.nutrient : '';
    return `${c.type}:${target}`;
  });
}

/** Asserts one matrix row; returns the assessment for extra checks. */
export function check(c: Case, expect: typeof import('vitest').expect): Assessment {
  const a = run(c);
  const got = new Map(a.findings.map((f) => [f.id, f.severity]));
  for (const [id, severity] of Object.entries(c.findings ?? {})) {
    expect(got.get(id), `${c.name}: finding ${id}`).toBe(severity);
  }
  for (const id of c.absent ?? []) expect(got.has(id), `${c.name}: no ${id}`).toBe(false);
  const keys = consequenceKeys(a);
  for (const k of c.consequences ?? []) expect(keys, `${c.name}: consequence ${k}`).toContain(k);
  const na = (a.targets.notApplicable ?? []).map((t) => t.nutrient);
  for (const n of c.notApplicable ?? []) expect(na, `${c.name}: ${n} not applicable`).toContain(n);
  // Every consequence names a finding that is present, and carries a source.
  for (const k of a.consequences) {
    expect(got.has(k.findingId), `${c.name}: ${k.findingId} present`).toBe(true);
    expect(k.source.label.length).toBeGreaterThan(0);
  }
  return a;
}

export const KALE = makeFood({
  id: 'sr24:11233',
  name: 'Kale, raw',
  nutrients: { 'vitamin-k1': 390, potassium: 348 },
});
export const NATTO = makeFood({
  id: 'sr24:16113',
  name: 'Natto',
  group: 'Legumes and Legume Products',
  nutrients: { 'vitamin-k1': 23, mk7: 939, potassium: 729 },
});
export const POTATO = makeFood({
  id: 'sr24:11362',
  name: 'Potatoes, baked',
  nutrients: { potassium: 535 },
});
