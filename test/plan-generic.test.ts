import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { HighsSolver } from '../src/solver/highs.js';
import { buildDietModel, parseDietFoods, type DietModel } from '../src/core/plan/index.js';

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

/**
 * Polly's diet, Chvátal, Linear Programming (W. H. Freeman, 1983), chapter 1: cost in cents,
 * energy kcal, protein g, calcium mg per serving, servings per day at most 4/3/2/8/2/2.
 * Published optimum: 4 oatmeal, 4.5 milk, 2 cherry pie, 92.5 cents. Checked by hand: energy
 * 440 + 720 + 840 = 2000 binds; milk is basic, so the energy dual is 9/160 = 0.05625; reduced
 * costs oatmeal 3 − 110·0.05625 < 0 and pie 20 − 420·0.05625 < 0 (at their upper bounds),
 * chicken 24 − 205·0.05625, eggs 13 − 160·0.05625 and pork 19 − 260·0.05625 all > 0: optimal.
 */
const FOODS = `id,name,cost,energy,protein,calcium
oatmeal,Oatmeal (28 g),3,110,4,2
chicken,Chicken (100 g),24,205,32,12
eggs,Eggs (2 large),13,160,13,54
milk,Whole milk (237 cc),9,160,8,285
pie,Cherry pie (170 g),20,420,4,22
porkbeans,Pork with beans (260 g),19,260,14,80
`;
const MODEL: DietModel = {
  objective: 'min-cost',
  nutrients: { energy: { min: 2000 }, protein: { min: 55 }, calcium: { min: 800 } },
  foods: {
    oatmeal: { max: 4 },
    chicken: { max: 3 },
    eggs: { max: 2 },
    milk: { max: 8 },
    pie: { max: 2 },
    porkbeans: { max: 2 },
  },
  integer: false,
};

function files(model: unknown, foods = FOODS) {
  const dir = mkdtempSync(join(tmpdir(), 'calcwise-diet-'));
  writeFileSync(join(dir, 'foods.csv'), foods);
  writeFileSync(join(dir, 'model.json'), JSON.stringify(model));
  return dir;
}

describe('calcwise plan --foods --model (generic diet problem)', () => {
  it("reproduces the textbook optimum of Polly's diet (92.5 cents)", async () => {
    const dir = files(MODEL);
    const { code, stdout } = await run(
      ['plan', '--foods', 'foods.csv', '--model', 'model.json', '--json'],
      dir,
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      status: string;
      objective: number;
      items: { foodId: string; amount: number }[];
    };
    expect(out.status).toBe('optimal');
    expect(out.objective).toBeCloseTo(92.5, 6);
    expect(Object.fromEntries(out.items.map((i) => [i.foodId, i.amount]))).toEqual({
      oatmeal: 4,
      milk: 4.5,
      pie: 2,
    });
  });

  it('with whole servings the cost rises (integer optimum 98: 4 oatmeal, 5 milk, 2 pie, checked by enumeration)', async () => {
    const dir = files({ ...MODEL, integer: true });
    const { code, stdout } = await run(
      ['plan', '--foods', 'foods.csv', '--model', 'model.json', '--json'],
      dir,
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { objective: number };
    // Enumerate every integer diet within the serving limits.
    let best = Infinity;
    for (let a = 0; a <= 4; a++)
      for (let b = 0; b <= 3; b++)
        for (let c = 0; c <= 2; c++)
          for (let d = 0; d <= 8; d++)
            for (let e = 0; e <= 2; e++)
              for (let f = 0; f <= 2; f++) {
                const kcal = 110 * a + 205 * b + 160 * c + 160 * d + 420 * e + 260 * f;
                const protein = 4 * a + 32 * b + 13 * c + 8 * d + 4 * e + 14 * f;
                const calcium = 2 * a + 12 * b + 54 * c + 285 * d + 22 * e + 80 * f;
                if (kcal >= 2000 && protein >= 55 && calcium >= 800)
                  best = Math.min(best, 3 * a + 24 * b + 13 * c + 9 * d + 20 * e + 19 * f);
              }
    expect(out.objective).toBeCloseTo(best, 6);
  });

  it('a contradictory model exits 3 and names the conflicting constraints', async () => {
    const dir = files({ ...MODEL, nutrients: { ...MODEL.nutrients, protein: { min: 250 } } });
    const { code, stdout, stderr } = await run(
      ['plan', '--foods', 'foods.csv', '--model', 'model.json', '--json'],
      dir,
    );
    expect(code).toBe(3);
    const out = JSON.parse(stdout) as {
      status: string;
      diagnosis: { conflicts: { name: string }[]; relax: string[] };
    };
    expect(out.status).toBe('infeasible');
    // Every food at its serving limit gives 4·4 + 3·32 + 2·13 + 8·8 + 2·4 + 2·14 = 238 g < 250.
    expect(out.diagnosis.conflicts.map((c) => c.name)).toContain('nutrient_protein');
    expect(stderr).toMatch(/protein/);
  });

  it('bad CSV and bad model exit 2 naming line and field', async () => {
    const dir = files(
      MODEL,
      FOODS.replace(
        'porkbeans,Pork with beans (260 g),19',
        'porkbeans,Pork with beans (260 g),abc',
      ),
    );
    const bad = await run(['plan', '--foods', 'foods.csv', '--model', 'model.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/line 7/);
    expect(bad.stderr).toMatch(/cost/);
    const dir2 = files({ ...MODEL, nutrients: { fibre: { min: 1 } } });
    const badModel = await run(['plan', '--foods', 'foods.csv', '--model', 'model.json'], dir2);
    expect(badModel.code).toBe(2);
    expect(badModel.stderr).toMatch(/nutrients\.fibre/);
    const dir3 = files({ ...MODEL, objective: 'max-taste' });
    expect((await run(['plan', '--foods', 'foods.csv', '--model', 'model.json'], dir3)).code).toBe(
      2,
    );
  });

  it('--write-lp writes a CPLEX LP file that HiGHS solves to the same optimum', async () => {
    const dir = files(MODEL);
    const { code } = await run(
      ['plan', '--foods', 'foods.csv', '--model', 'model.json', '--write-lp', 'm.lp'],
      dir,
    );
    expect(code).toBe(0);
    const lp = readFileSync(join(dir, 'm.lp'), 'utf8');
    expect(lp).toMatch(/^Minimize/m);
    expect(lp).toMatch(/nutrient_energy: .* >= 2000/);
    const { default: load } = (await import('highs')) as unknown as {
      default: () => Promise<{ solve(t: string): { ObjectiveValue: number } }>;
    };
    const highs = await load();
    expect(highs.solve(lp).ObjectiveValue).toBeCloseTo(92.5, 6);
    // And the array path agrees with the text path.
    const parsed = parseDietFoods(FOODS, 'f.csv');
    if (!parsed.ok) throw new Error('fixture');
    const outcome = await new HighsSolver().solve(buildDietModel(MODEL, parsed.value), {
      safetyTimeLimitSec: 5,
    });
    expect(outcome.objective).toBeCloseTo(92.5, 6);
  });
});
