import { describe, expect, it } from 'vitest';
import { makeAnalysis, makeProfile, supplement } from '../fixtures.js';
import { screenProfile } from '../index.js';

const ids = (findings: { id: string }[]) => findings.map((f) => f.id);

describe('vitamin K antagonists', () => {
  it.each(['warfarin', 'acenocoumarol', 'phenprocoumon', 'Warfarin sodium'])(
    '%s: keep vitamin K consistent (monitor), discuss calcification with the prescriber',
    (drug) => {
      const findings = screenProfile(makeProfile({ medications: [drug.toLowerCase()] }));
      const consistency = findings.find((f) => f.id === 'vka-vitamin-k-consistency');
      expect(consistency).toMatchObject({ severity: 'monitor', nutrient: 'vitamin-k' });
      expect(consistency?.message).toMatch(/Do not avoid vitamin K foods/);
      expect(consistency?.sources[0]?.url).toContain('ods.od.nih.gov');
      expect(ids(findings)).toContain('vka-calcification-discuss');
      expect(ids(findings)).not.toContain('vka-mk7-supplement');
      expect(ids(findings)).not.toContain('vka-vitamin-k-supplement');
    },
  );

  it('flags any MK-7 supplement as avoid (Theuwissen 2013: 10 µg/day shifted the INR)', () => {
    for (const dose of [10, 45, 50]) {
      const findings = screenProfile(
        makeProfile({ medications: ['warfarin'], supplements: [supplement('mk7', dose)] }),
      );
      expect(findings.find((f) => f.id === 'vka-mk7-supplement')).toMatchObject({
        severity: 'avoid',
        nutrient: 'mk7',
      });
      expect(ids(findings)).not.toContain('vka-vitamin-k-supplement');
      expect(
        findings.find((f) => f.id === 'vka-mk7-supplement')?.sources.map((s) => s.doi),
      ).toContain('10.1111/jth.12203');
    }
  });

  it('treats a K2 supplement of unknown form as possible MK-7', () => {
    const findings = screenProfile(
      makeProfile({ medications: ['warfarin'], supplements: [supplement('vitamin-k2', 100)] }),
    );
    expect(findings.find((f) => f.id === 'vka-mk7-supplement')?.severity).toBe('avoid');
  });

  it('asks to discuss K1 supplements with the prescriber', () => {
    const findings = screenProfile(
      makeProfile({ medications: ['warfarin'], supplements: [supplement('vitamin-k1', 100)] }),
    );
    const f = findings.find((x) => x.id === 'vka-vitamin-k-supplement');
    expect(f?.severity).toBe('caution');
    expect(f?.action).toMatch(/prescriber/);
  });

  it('reports the diary variation of vitamin K', () => {
    const analysis = makeAnalysis([
      { date: '2026-11-20', totals: { 'vitamin-k': 100 } },
      { date: '2026-11-21', totals: { 'vitamin-k': 500 } },
      { date: '2026-11-22', totals: { 'vitamin-k': 120 } },
    ]);
    const f = screenProfile(makeProfile({ medications: ['warfarin'] }), { analysis }).find(
      (x) => x.id === 'vka-vitamin-k-consistency',
    );
    expect(f?.message).toMatch(/\+400 µg from 2026-11-20 to 2026-11-21/);
  });

  it('adds an INR check during antibiotic courses', () => {
    const findings = screenProfile(makeProfile({ medications: ['warfarin', 'amoxicillin'] }));
    expect(findings.find((f) => f.id === 'vka-antibiotics')?.severity).toBe('monitor');
    expect(ids(screenProfile(makeProfile({ medications: ['amoxicillin'] })))).not.toContain(
      'vka-antibiotics',
    );
  });

  it('says nothing about vitamin K without a VKA', () => {
    const findings = screenProfile(makeProfile({ supplements: [supplement('mk7', 200)] }));
    expect(findings.filter((f) => f.id.startsWith('vka-'))).toEqual([]);
  });

  it('never claims a nutrient reverses calcification', () => {
    const findings = screenProfile(
      makeProfile({ medications: ['warfarin'], supplements: [supplement('mk7', 200)] }),
    );
    for (const f of findings)
      expect(`${f.message} ${f.action}`).not.toMatch(/revers|dissolv|remove calc/i);
  });
});
