import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import type { BaseDay } from '../src/core/plan/index.js';
import { assess } from '../src/core/policy/index.js';
import { data, plan, profileOf, recompute } from './plan-support.js';

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
    env: {},
  });
  return { code, stdout, stderr };
}

function dir(files: Record<string, unknown>): string {
  const d = mkdtempSync(join(tmpdir(), 'calcwise-plan-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(d, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return d;
}

describe('calcwise plan --profile', () => {
  it('prints the JSON contract: days with meals, items with portions, totals, unmet, supplements, explanation', async () => {
    const d = dir({ 'p.json': { age: 65, sex: 'female', pattern: 'omnivore' } });
    const { code, stdout } = await run(['plan', '--profile', 'p.json', '--json'], d);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.status).toMatch(/^(optimal|effort-limit)$/);
    expect(out.solve).toEqual(expect.objectContaining({ nodes: expect.any(Number) }));
    expect(out.solve.ms).toBeUndefined();
    expect(out.days).toHaveLength(1);
    const day = out.days[0];
    expect(day.items.length).toBeGreaterThanOrEqual(8);
    for (const item of day.items) {
      expect(item).toEqual(
        expect.objectContaining({
          foodId: expect.stringMatching(/^sr24:\d{5}$/),
          grams: expect.any(Number),
          portion: expect.any(String),
        }),
      );
      expect(['breakfast', 'lunch', 'dinner', 'snack']).toContain(item.meal);
    }
    for (const meal of ['breakfast', 'lunch', 'dinner'])
      expect(day.meals[meal].length).toBeGreaterThan(0);
    expect(day.totals.energy.unit).toBe('kcal');
    expect(day.totals.calcium.coverage).toBeGreaterThan(0.9);
    expect(Array.isArray(out.unmet)).toBe(true);
    expect(out.explanation.foods.length).toBeGreaterThan(0);
    expect(out.disclaimer).toMatch(/informs; it does not diagnose/);
  }, 300_000);

  it('readable output lists each meal, what is short and the disclaimer', async () => {
    const d = dir({ 'p.json': { age: 30, sex: 'male', pattern: 'vegan' } });
    const { code, stdout } = await run(['plan', '--profile', 'p.json'], d);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Day 1/);
    expect(stdout).toMatch(/breakfast/);
    expect(stdout).toMatch(/Still short/);
    expect(stdout).toMatch(/calcwise informs; it does not diagnose/);
  }, 300_000);

  it('a vegan without nuts or peanuts gets a plan or a diagnosis, never a partial plan', async () => {
    const profile = profileOf({
      age: 30,
      sex: 'male',
      pattern: 'vegan',
      exclude: ['tree-nut', 'peanut'],
    });
    const result = await plan(profile, 1);
    if (result.status === 'infeasible') {
      expect(result.diagnosis?.conflicts.length).toBeGreaterThan(0);
      expect(result.days).toEqual([]);
      return;
    }
    const { pantry } = data();
    for (const item of result.days[0]?.items ?? []) {
      const p = pantry.find((x) => x.food.id === item.foodId);
      expect(p?.patterns).toContain('vegan');
      expect(p?.allergens).not.toContain('tree-nut');
      expect(p?.allergens).not.toContain('peanut');
    }
    // EPA + DHA: no fish; what remains short is said, and algae oil is offered for discussion.
    const epa = result.unmet.find((u) => u.nutrient === 'epa-dha');
    expect(epa).toBeDefined();
    // The reason comes from the model and the pantry: the foods that have it are left out.
    expect(epa?.reason).toMatch(/(no food that fits|the foods that fit) the vegan pattern/);
    expect(epa?.reason).toMatch(/\(fish\)/);
    expect(result.supplements.find((s) => s.nutrient === 'epa-dha')?.note).toBe(
      'to discuss with your clinician',
    );
  }, 300_000);

  it('warfarin and CKD 4: no vitamin K, calcium or magnesium supplement, potassium and phosphorus capped', async () => {
    const profile = profileOf({
      age: 72,
      sex: 'male',
      pattern: 'omnivore',
      conditions: ['ckd-4'],
      medications: ['warfarin'],
    });
    const result = await plan(profile, 2);
    expect(result.status).not.toBe('infeasible');
    for (const s of result.supplements)
      expect([
        'vitamin-k',
        'vitamin-k1',
        'vitamin-k2',
        'mk7',
        'calcium',
        'magnesium',
      ]).not.toContain(s.nutrient);
    for (let d = 0; d < result.days.length; d += 1) {
      expect(recompute(result, d, 'potassium')).toBeLessThanOrEqual(3000 + 1e-6);
      expect(recompute(result, d, 'phosphorus')).toBeLessThanOrEqual(1000 + 1e-6);
    }
    // Vitamin K consistency: every day within the band the policy's holdConsistent sets around
    // its reference (without a history, the AI: no plan moves vitamin K far from usual intakes).
    const held = assess(profile).consequences.find(
      (c) => c.type === 'holdConsistent' && c.nutrient === 'vitamin-k',
    );
    if (held?.type !== 'holdConsistent' || held.reference === undefined)
      throw new Error('no holdConsistent reference for vitamin K');
    for (let d = 0; d < result.days.length; d += 1) {
      const k = recompute(result, d, 'vitamin-k');
      expect(Math.abs(k - held.reference)).toBeLessThanOrEqual(held.band * held.reference + 1e-6);
    }
    expect(result.unmet.find((u) => u.nutrient === 'potassium')).toBeUndefined();
  }, 300_000);

  it('supplements that already exceed a UL make the plan infeasible: exit 3 naming the UL', async () => {
    const d = dir({
      'p.json': {
        age: 50,
        sex: 'male',
        pattern: 'omnivore',
        supplements: [{ nutrient: 'calcium', amount: 3000, unit: 'mg' }],
      },
    });
    const { code, stdout, stderr } = await run(['plan', '--profile', 'p.json', '--json'], d);
    expect(code).toBe(3);
    const out = JSON.parse(stdout);
    expect(out.status).toBe('infeasible');
    expect(out.diagnosis.conflicts.map((c: { name: string }) => c.name)).toContain('cap:calcium');
    expect(out.diagnosis.relax.join(' ')).toMatch(/Calcium/);
    expect(stderr).toMatch(/INFEASIBLE_PLAN/);
  }, 300_000);

  it('close my gaps keeps the logged day and changes fewer items than a fresh plan', async () => {
    const { foods } = data();
    const get = (id: string) => {
      const food = foods.get(id);
      if (!food) throw new Error(id);
      return food;
    };
    const base: BaseDay[] = [
      {
        date: '2026-11-02',
        entries: [
          { food: get('sr24:08121'), grams: 234 }, // oatmeal
          { food: get('sr24:01079'), grams: 244 }, // milk 2 %
          { food: get('sr24:09003'), grams: 182 }, // apple
          { food: get('sr24:05064'), grams: 120 }, // chicken breast
          { food: get('sr24:20037'), grams: 195 }, // brown rice
          { food: get('sr24:11091'), grams: 156 }, // broccoli, cooked
          { food: get('sr24:04053'), grams: 14 }, // olive oil
        ],
      },
    ];
    const profile = profileOf({ age: 65, sex: 'female', pattern: 'omnivore' });
    const closing = await plan(profile, 1, { base });
    expect(closing.status).not.toBe('infeasible');
    const items = closing.days[0]?.items ?? [];
    const changed = items.filter((i) => i.change === 'added' || i.change === 'removed').length;
    const kept = items.filter((i) => i.change === 'logged');
    expect(kept.length + items.filter((i) => i.change === 'removed').length).toBe(7);
    const fresh = await plan(profile, 1);
    const baseIds = new Set(base[0]?.entries.map((e) => e.food.id));
    const freshIds = new Set(fresh.days[0]?.items.map((i) => i.foodId));
    const freshChanges =
      [...freshIds].filter((id) => !baseIds.has(id)).length +
      [...baseIds].filter((id) => !freshIds.has(id)).length;
    expect(changed).toBeLessThan(freshChanges);
    const energy = recompute(closing, 0, 'energy');
    expect(energy).toBeGreaterThan(0);
  }, 300_000);

  it('--base reads a diary file; --write-lp writes the solved model', async () => {
    const d = dir({
      'p.json': { age: 65, sex: 'female', pattern: 'omnivore' },
      'diary.csv':
        'date,food,amount,unit\n2026-11-02,sr24:08121,1,cup\n2026-11-02,sr24:01079,1,cup\n2026-11-02,sr24:05064,120,g\n',
    });
    const { code, stdout } = await run(
      ['plan', '--profile', 'p.json', '--base', 'diary.csv', '--json', '--write-lp', 'plan.lp'],
      d,
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.days[0].date).toBe('2026-11-02');
    expect(
      out.days[0].items.filter((i: { change: string }) => i.change === 'logged').length,
    ).toBeGreaterThan(0);
    const lp = readFileSync(join(d, 'plan.lp'), 'utf8');
    expect(lp).toMatch(/^Generals/m);
    expect(lp).toMatch(/d1_energy/);
  }, 300_000);

  it('--csv exports the plan, --json has the shopping list, --write-lp writes every day solved', async () => {
    const d = dir({ 'p.json': { age: 65, sex: 'female', pattern: 'omnivore' } });
    const csv = await run(
      ['plan', '--profile', 'p.json', '--days', '2', '--csv', '--write-lp', 'plan.lp'],
      d,
    );
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('day,date,meal,foodId,name,grams,household,change');
    expect(
      lines.slice(1).every((l) => /^[12],,(breakfast|lunch|dinner|snack),sr24:\d{5},/.test(l)),
    ).toBe(true);
    expect(readFileSync(join(d, 'plan.d1.lp'), 'utf8')).toMatch(/d2_energy/);
    expect(readFileSync(join(d, 'plan.d2.lp'), 'utf8')).toMatch(/d2_energy/);
    const json = await run(['plan', '--profile', 'p.json', '--days', '2', '--json'], d);
    const out = JSON.parse(json.stdout);
    // The same plan as the CSV (deterministic), its food summed over both days.
    expect(lines.length - 1).toBe(out.days[0].items.length + out.days[1].items.length);
    const grams = new Map<string, number>();
    for (const day of out.days)
      for (const item of day.items)
        grams.set(item.foodId, (grams.get(item.foodId) ?? 0) + item.grams);
    expect(out.shopping.map((s: { foodId: string }) => s.foodId).sort()).toEqual(
      [...grams.keys()].sort(),
    );
    for (const s of out.shopping) {
      expect(s.grams).toBeCloseTo(grams.get(s.foodId) as number, 6);
      expect(s.household).toMatch(/g\)?$/);
    }
    // A day proved optimal shows no gap.
    for (const day of out.days)
      if (day.solve.status === 'optimal') expect(day.solve.gap).toBeUndefined();
    if (out.status === 'optimal') expect(out.gap).toBeUndefined();
  }, 300_000);

  it('bad input exits 2 naming the field', async () => {
    const d = dir({ 'p.json': { age: 65, sex: 'female', pattern: 'omnivore' } });
    const { code, stderr } = await run(['plan', '--profile', 'p.json', '--days', '0'], d);
    expect(code).toBe(2);
    expect(stderr).toMatch(/days/);
  });
});
