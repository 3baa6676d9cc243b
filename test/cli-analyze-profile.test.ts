import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';

const repo = new URL('..', import.meta.url).pathname;

async function cli(argv: string[], cwd = repo) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    cwd,
    env: {},
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('calcwise analyze --profile', () => {
  it('adds targets, percent of target, balance and the targets used', async () => {
    const result = await cli([
      'analyze',
      'examples/diary-week.json',
      '--profile',
      'examples/profile-omnivore-64f.json',
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as {
      average: Record<
        string,
        { amount: number; target?: number; percent?: number; coverage: number }
      >;
      balance: Record<string, unknown>;
      targets: { targets: { nutrient: string; kind: string; value: number }[] };
      days: unknown[];
    };
    expect(output.days).toHaveLength(7);
    const calcium = output.average.calcium!;
    // A 64-year-old woman: NASEM calcium RDA 1,200 mg/day (51+ y).
    expect(calcium.target).toBe(1200);
    expect(calcium.percent).toBeCloseTo((calcium.amount / 1200) * 100, 0);
    expect(output.targets.targets.some((t) => t.nutrient === 'calcium')).toBe(true);
    expect(typeof output.balance).toBe('object');

    const table = await cli([
      'analyze',
      'examples/diary-week.json',
      '--profile',
      'examples/profile-omnivore-64f.json',
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('% target');
  });

  it('exits 2 for an invalid profile, naming the file and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calcwise-profile-'));
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ age: 'old', sex: 'female' }));
    const result = await cli(
      ['analyze', join(repo, 'examples/diary-week.json'), '--profile', 'p.json'],
      dir,
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('p.json');
    expect(result.stderr).toContain('age');
  });
});
