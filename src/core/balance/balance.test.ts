import { describe, expect, it } from 'vitest';
import { makeAnalysis, makeProfile, supplement } from '../safety/fixtures.js';
import { computeTargets } from '../targets/index.js';
import { assessAnalysis, vitaminKConsistency } from './index.js';

const man72 = makeProfile({ sex: 'male', age: 72 });

function assess(
  profile = man72,
  days = [{ date: '2026-11-20', totals: {} }] as Parameters<typeof makeAnalysis>[0],
) {
  return assessAnalysis(makeAnalysis(days), profile, computeTargets(profile));
}

describe('adequacy', () => {
  it('adds target, percent, limit and overLimit to each average nutrient', () => {
    const { average } = assess(man72, [
      { date: '2026-11-20', totals: { calcium: 900, sodium: 2600 } },
    ]);
    // 72-year-old man: calcium RDA 1,200 mg, UL 2,000 mg; sodium AI 1,500, CDRR 2,300.
    expect(average.calcium).toMatchObject({
      amount: 900,
      target: 1200,
      targetKind: 'RDA',
      percent: 75,
      limit: 2000,
      limitKind: 'UL',
      overLimit: false,
    });
    expect(average.sodium).toMatchObject({
      target: 1500,
      limit: 2300,
      limitKind: 'CDRR',
      overLimit: true,
    });
  });

  it('adds supplements to food for total limits and percent', () => {
    const profile = makeProfile({
      sex: 'male',
      age: 72,
      supplements: [supplement('calcium', 1200), supplement('vitamin-d', 50)],
    });
    const { average } = assess(profile, [
      { date: '2026-11-20', totals: { calcium: 900, 'vitamin-d': 4 } },
    ]);
    expect(average.calcium).toMatchObject({
      supplement: 1200,
      intake: 2100,
      overLimit: true,
      percent: 175,
    });
    expect(average['vitamin-d']).toMatchObject({ intake: 54, percent: 270, overLimit: false });
  });

  it('compares the magnesium UL with supplements only', () => {
    const food = [{ date: '2026-11-20', totals: { magnesium: 500 } }];
    const under = assess(makeProfile({ supplements: [supplement('magnesium', 300)] }), food).average
      .magnesium;
    expect(under).toMatchObject({
      limit: 350,
      limitAppliesTo: 'supplements',
      overLimit: false,
      intake: 800,
    });
    const over = assess(makeProfile({ supplements: [supplement('magnesium', 400)] }), [
      { date: '2026-11-20', totals: { magnesium: 100 } },
    ]).average.magnesium;
    expect(over?.overLimit).toBe(true);
  });

  it('leaves unknown nutrients out rather than showing 0', () => {
    const { average } = assess(man72, [{ date: '2026-11-20', totals: { calcium: 900 } }]);
    expect(average.potassium).toBeUndefined();
  });
});

describe('balance indices', () => {
  const week = (totals: Record<string, number | { amount: number; coverage: number }>) => [
    { date: '2026-11-20', totals },
    { date: '2026-11-21', totals },
  ];

  it('Na:K is a molar ratio checked against the CDRR/AI ratio', () => {
    const { balance } = assess(man72, week({ sodium: 2300, potassium: 3400 }));
    // (2300/22.99) / (3400/39.098) = 100.04 / 86.96 = 1.15
    expect(balance.naK.value).toBeCloseTo(1.15, 2);
    expect(balance.naK.referenceRange.max).toBeCloseTo(1.15, 2);
    expect(balance.naK.status).toBe('within');
    const salty = assess(man72, week({ sodium: 4000, potassium: 2500 })).balance.naK;
    expect(salty.value).toBeCloseTo(4000 / 22.99 / (2500 / 39.098), 2);
    expect(salty.status).toBe('above');
  });

  it('Ca:Mg and Ca:P are mass ratios with the ratio implied by the RDAs and no invented range', () => {
    const { balance } = assess(man72, week({ calcium: 1000, magnesium: 400, phosphorus: 1250 }));
    expect(balance.caMg).toMatchObject({ value: 2.5, status: 'info', unit: 'mg/mg' });
    expect(balance.caMg.referenceRange.text).toMatch(/No official range/);
    expect(balance.caMg.referenceRange.text).toMatch(/2\.86:1/); // 1,200 / 420
    expect(balance.caP).toMatchObject({ value: 0.8, status: 'info' });
    expect(balance.caMg.evidence.length).toBeGreaterThan(40);
  });

  it('ratios are unknown when an input is unknown', () => {
    const { balance } = assess(man72, week({ calcium: 1000 }));
    expect(balance.caMg).toMatchObject({ value: null, status: 'unknown' });
    expect(balance.naK.status).toBe('unknown');
  });

  it('D vs K2: flags high vitamin D with low measured K2, honestly', () => {
    const profile = makeProfile({
      sex: 'male',
      age: 72,
      supplements: [supplement('vitamin-d', 50)],
    });
    const flagged = assess(
      profile,
      week({ 'vitamin-d': 5, 'vitamin-k2': { amount: 20, coverage: 0.8 } }),
    ).balance.dVsK2;
    expect(flagged.status).toBe('flag');
    expect(flagged.value).toBe(55);
    expect(flagged.evidence).toMatch(/Hypothesis-level/);
    expect(flagged.evidence).toMatch(/calcium paradox/);
    expect(flagged.evidence).toMatch(/no trial has shown/);
    expect(flagged.evidence).not.toMatch(/K2 (reverses|removes|dissolves)/);
    expect(flagged.evidence).toMatch(/not advice to take a K2 supplement/);
    expect(flagged.referenceRange.text).toMatch(/not a target/);
  });

  it('D vs K2: unknown when K2 data are too sparse, within when D is not high', () => {
    const profile = makeProfile({
      sex: 'male',
      age: 72,
      supplements: [supplement('vitamin-d', 50)],
    });
    const sparse = assess(
      profile,
      week({ 'vitamin-d': 5, 'vitamin-k2': { amount: 20, coverage: 0.2 } }),
    ).balance.dVsK2;
    expect(sparse.status).toBe('unknown');
    expect(sparse.evidence).toMatch(/Only 20 % of diary entries/);
    const withK2 = makeProfile({
      ...profile,
      supplements: [supplement('vitamin-d', 50), supplement('mk7', 180)],
    });
    const measured = assess(
      withK2,
      week({ 'vitamin-d': 5, 'vitamin-k2': { amount: 20, coverage: 0.2 } }),
    ).balance.dVsK2;
    expect(measured.status).toBe('info');
    const normal = assess(man72, week({ 'vitamin-d': 8, 'vitamin-k2': 20 })).balance.dVsK2;
    expect(normal.status).toBe('within');
  });

  it('vitamin K consistency only for people on a vitamin K antagonist', () => {
    const days = [
      { date: '2026-11-20', totals: { 'vitamin-k': 100 } },
      { date: '2026-11-21', totals: { 'vitamin-k': 300 } },
      { date: '2026-11-22', totals: { 'vitamin-k': 110 } },
      { date: '2026-11-23', totals: {} },
    ];
    expect(assess(man72, days).balance.vitaminKConsistency).toBeUndefined();
    const warfarin = makeProfile({ sex: 'male', age: 72, medications: ['warfarin'] });
    const k = assess(warfarin, days).balance.vitaminKConsistency;
    // mean 170, sample SD sqrt(((−70)² + 130² + (−60)²)/2) = sqrt(12700) = 112.7; CV 66.3 %
    expect(k?.value).toBeCloseTo(66.3, 1);
    expect(k?.details.largestSwings).toEqual([
      { from: '2026-11-20', to: '2026-11-21', changeUg: 200 },
      { from: '2026-11-21', to: '2026-11-22', changeUg: -190 },
    ]);
    expect(k?.details.daysWithoutData).toEqual(['2026-11-23']);
    expect(k?.details.highestDay).toEqual({ date: '2026-11-21', amountUg: 300 });
    expect(k?.status).toBe('info');
  });
});

describe('vitaminKConsistency', () => {
  it('needs two days for a variation', () => {
    const one = vitaminKConsistency(
      makeAnalysis([{ date: '2026-11-20', totals: { 'vitamin-k': 90 } }]),
    );
    expect(one).toMatchObject({ daysWithData: 1, meanUg: 90, largestSwings: [] });
    expect(one.cvPercent).toBeUndefined();
  });

  it('sorts swings by size and keeps at most three', () => {
    const values = [50, 60, 400, 80, 90, 95];
    const k = vitaminKConsistency(
      makeAnalysis(
        values.map((v, i) => ({ date: `2026-11-${10 + i}`, totals: { 'vitamin-k': v } })),
      ),
    );
    expect(k.largestSwings.map((s) => s.changeUg)).toEqual(
      [-320, 340, 10].sort((a, b) => Math.abs(b) - Math.abs(a)),
    );
  });
});
