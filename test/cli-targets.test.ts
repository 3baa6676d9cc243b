import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';

interface TargetJson {
  nutrient: string;
  unit: string;
  kind: string;
  value: number;
  bound: string;
  appliesTo: string;
  source: { label: string; url?: string; doi?: string; pmid?: string };
  override?: boolean;
}

async function run(argv: string[], cwd = process.cwd()) {
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

function writeProfile(profile: unknown): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'calcwise-targets-'));
  writeFileSync(join(dir, 'profile.json'), JSON.stringify(profile));
  return { dir, file: 'profile.json' };
}

const find = (targets: TargetJson[], nutrient: string, kind: string) =>
  targets.find((t) => t.nutrient === nutrient && t.kind === kind);

describe('calcwise targets', () => {
  it('--age --sex --json gives the contract shape', async () => {
    const { code, stdout } = await run(['targets', '--age', '72', '--sex', 'male', '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      energyKcal: number;
      energySource: string;
      authority: string;
      targets: TargetJson[];
      context: unknown[];
    };
    expect(out).toMatchObject({
      energyKcal: 2000,
      energySource: 'dri-default',
      authority: 'nasem',
    });
    expect(find(out.targets, 'vitamin-d', 'RDA')).toMatchObject({
      value: 20,
      unit: 'µg',
      bound: 'min',
    });
    expect(find(out.targets, 'calcium', 'RDA')?.value).toBe(1200);
    expect(find(out.targets, 'phosphorus', 'UL')?.value).toBe(3000);
    expect(find(out.targets, 'magnesium', 'UL')).toMatchObject({
      value: 350,
      appliesTo: 'supplements',
    });
    expect(find(out.targets, 'sodium', 'CDRR')).toMatchObject({ value: 2300, bound: 'max' });
    for (const t of out.targets) {
      expect(['RDA', 'AI', 'UL', 'CDRR', 'guidance']).toContain(t.kind);
      expect(t.source.label).toBeTruthy();
    }
    expect(out.context.length).toBeGreaterThan(0);
  });

  it('--pregnant, --lactating and --smoker change the reference intakes', async () => {
    const pregnant = JSON.parse(
      (await run(['targets', '--age', '25', '--sex', 'female', '--pregnant', '--json'])).stdout,
    ) as { targets: TargetJson[] };
    expect(find(pregnant.targets, 'magnesium', 'RDA')?.value).toBe(350);
    const lactating = JSON.parse(
      (await run(['targets', '--age', '25', '--sex', 'female', '--lactating', '--json'])).stdout,
    ) as { targets: TargetJson[] };
    expect(find(lactating.targets, 'vitamin-c', 'RDA')?.value).toBe(120);
    const smoker = JSON.parse(
      (await run(['targets', '--age', '40', '--sex', 'male', '--smoker', '--json'])).stdout,
    ) as { targets: TargetJson[] };
    expect(find(smoker.targets, 'vitamin-c', 'RDA')?.value).toBe(125);
  });

  it('--profile uses weight, height, activity and overrides', async () => {
    const { dir, file } = writeProfile({
      age: 64,
      sex: 'female',
      weightKg: 65,
      heightCm: 165,
      activity: 'light',
      targets: { magnesium: { min: 400 } },
    });
    const { code, stdout } = await run(['targets', '--profile', file, '--json'], dir);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      energyKcal: number;
      energySource: string;
      targets: TargetJson[];
    };
    expect(out).toMatchObject({ energyKcal: 1650, energySource: 'mifflin-st-jeor' });
    expect(find(out.targets, 'protein', 'RDA')?.value).toBe(52);
    expect(find(out.targets, 'magnesium', 'RDA')).toMatchObject({ value: 400, override: true });
    expect(find(out.targets, 'saturated-fat', 'guidance')?.value).toBeCloseTo(18.3, 1);
  });

  it('--authority efsa', async () => {
    const { code, stdout } = await run([
      'targets',
      '--age',
      '40',
      '--sex',
      'female',
      '--authority',
      'efsa',
      '--json',
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { authority: string; targets: TargetJson[] };
    expect(out.authority).toBe('efsa');
    expect(find(out.targets, 'calcium', 'RDA')?.value).toBe(950);
    expect(find(out.targets, 'vitamin-k1', 'AI')?.value).toBe(70);
  });

  it('prints a readable table with sources and context', async () => {
    const { code, stdout } = await run(['targets', '--age', '72', '--sex', 'male']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Vitamin D\s+RDA\s+at least 20\.0 µg \(800 IU\)/);
    expect(stdout).toMatch(/Magnesium\s+UL\s+at most 350 mg\s+supplements only/);
    expect(stdout).toMatch(/Context \(not targets\)/);
    expect(stdout).toMatch(/No reference intake exists for vitamin K2/);
  });

  it.each([
    [['targets', '--age', '-4', '--sex', 'male'], 'age'],
    [['targets', '--age', 'old', '--sex', 'male'], 'age'],
    [['targets', '--age', '40', '--sex', 'other'], 'sex'],
    [['targets', '--age', '40', '--sex', 'male', '--pregnant'], 'lifeStage'],
    [['targets', '--age', '40', '--sex', 'male', '--authority', 'who'], 'authority'],
  ])('bad input %j exits 2 naming %s', async (argv, field) => {
    const { code, stderr, stdout } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`field "${field}"`);
  });

  it('a bad profile file exits 2 naming the file and field', async () => {
    const { dir, file } = writeProfile({
      age: 40,
      sex: 'female',
      supplements: [{ nutrient: 'calcium', amount: 500, unit: 'IU' }],
    });
    const { code, stderr } = await run(['targets', '--profile', file], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('profile.json');
    expect(stderr).toContain('field "supplements[0].unit"');
  });

  it('needs a profile or age and sex', async () => {
    expect((await run(['targets'])).code).toBe(2);
    expect((await run(['targets', '--age', '40'])).code).toBe(2);
  });
});
