import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerCheckCommand } from '../src/cli/commands/check.js';
import type { CliIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/main.js';
import { makeFood, makeFoodIndex } from '../src/core/test-support/make-food.js';

interface FindingJson {
  id: string;
  severity: string;
  trigger: string;
  nutrient: string | null;
  message: string;
  action: string;
  sources: { label: string }[];
}

const root = new URL('..', import.meta.url).pathname;

function capture(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (s) => (out.stdout += s),
    stderr: (s) => (out.stderr += s),
    cwd,
    env: {},
  };
  return { io, out };
}

async function run(argv: string[], cwd = root) {
  const { io, out } = capture(cwd);
  const code = await runCli(argv, io);
  return { code, ...out };
}

function tempDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'calcwise-check-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

describe('calcwise check', () => {
  it('screens the warfarin + CKD 3b example and exits 0 with findings', async () => {
    const { code, stdout } = await run([
      'check',
      '--profile',
      'examples/profile-warfarin-ckd3b-72m.json',
      '--json',
    ]);
    expect(code).toBe(0);
    const { findings } = JSON.parse(stdout) as { findings: FindingJson[] };
    const ids = findings.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'vka-vitamin-k-consistency',
        'vka-mk7-supplement',
        'ckd-magnesium-supplement',
        'ckd-potassium',
        'ckd-phosphorus',
        'ckd-vitamin-d',
        'potassium-retaining-salt-substitutes',
        'ppi-magnesium',
      ]),
    );
    for (const f of findings) {
      expect(Object.keys(f).sort()).toEqual([
        'action',
        'id',
        'message',
        'nutrient',
        'severity',
        'sources',
        'trigger',
      ]);
      expect(f.sources.length).toBeGreaterThan(0);
    }
  });

  it('groups readable output by severity with actions and sources', async () => {
    const { code, stdout } = await run([
      'check',
      '--profile',
      'examples/profile-warfarin-ckd3b-72m.json',
    ]);
    expect(code).toBe(0);
    const avoid = stdout.indexOf('\nAVOID (');
    const caution = stdout.indexOf('\nCAUTION (');
    const monitor = stdout.indexOf('\nMONITOR (');
    expect(avoid).toBeGreaterThan(0);
    expect(caution).toBeGreaterThan(avoid);
    expect(monitor).toBeGreaterThan(caution);
    expect(stdout).toMatch(/Action: /);
    expect(stdout).toMatch(/Source: MAGiCAL-CKD.*PMID 36749131/);
    expect(stdout).toMatch(/discuss/i);
  });

  it('reports unknown medications as not screened', async () => {
    const dir = tempDir({
      'p.json': { age: 50, sex: 'female', medications: ['metformin'], conditions: ['gout'] },
    });
    const { code, stdout } = await run(['check', '--profile', 'p.json', '--json'], dir);
    expect(code).toBe(0);
    const { findings } = JSON.parse(stdout) as { findings: FindingJson[] };
    // An unscreened medication is not harmless: a caution, and no supplement is suggested.
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['not-screened-medication', 'caution'],
      ['not-screened-condition', 'info'],
    ]);
  });

  it('a profile with no findings says so', async () => {
    const dir = tempDir({ 'p.json': { age: 50, sex: 'female' } });
    const json = await run(['check', '--profile', 'p.json', '--json'], dir);
    expect(JSON.parse(json.stdout)).toEqual({ findings: [], consequences: [] });
    expect((await run(['check', '--profile', 'p.json'], dir)).stdout).toMatch(/No findings/);
  });

  it('a bad profile exits 2 naming the field', async () => {
    const dir = tempDir({
      'p.json': { age: 50, sex: 'male', lifeStage: 'pregnant' },
      'broken.json': '{ "age": ',
    });
    const bad = await run(['check', '--profile', 'p.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('field "lifeStage"');
    const broken = await run(['check', '--profile', 'broken.json'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('INVALID_JSON');
    expect((await run(['check', '--profile', 'missing.json'], dir)).code).toBe(2);
    expect((await run(['check'], dir)).code).toBe(2);
  });

  it('--diary adds diet-based checks (bundled foods)', async () => {
    const { code, stdout } = await run([
      'check',
      '--profile',
      'examples/profile-warfarin-ckd3b-72m.json',
      '--diary',
      'examples/diary-week.json',
      '--json',
    ]);
    expect(code).toBe(0);
    const { findings } = JSON.parse(stdout) as { findings: FindingJson[] };
    const consistency = findings.find((f) => f.id === 'vka-vitamin-k-consistency');
    expect(consistency?.message).toMatch(/In your diary, daily vitamin K averaged \d+/);
    expect(findings.find((f) => f.id === 'ckd-phosphorus')?.message).toMatch(/Your diary averages/);
  });

  it('--diary with an injected food index: food + supplement above the calcium UL', async () => {
    const index = makeFoodIndex([
      makeFood({ id: 'sr24:01079', name: 'Milk, 2%', nutrients: { calcium: 120 } }),
      makeFood({ id: 'sr24:11233', name: 'Kale, raw', nutrients: { 'vitamin-k1': 390 } }),
    ]);
    const dir = tempDir({
      'p.json': {
        age: 60,
        sex: 'female',
        supplements: [{ nutrient: 'calcium', amount: 1, unit: 'g' }],
      },
      'd.json': {
        days: [
          { date: '2026-11-20', entries: [{ food: 'sr24:01079', amount: 1000, unit: 'g' }] },
          {
            date: '2026-11-21',
            entries: [
              { food: 'sr24:01079', amount: 900, unit: 'g' },
              { food: 'sr24:11233', amount: 50, unit: 'g' },
            ],
          },
        ],
      },
    });
    const { io, out } = capture(dir);
    const program = new Command('calcwise').exitOverride();
    registerCheckCommand(program, io, { loadFoodIndex: () => index });
    await program.parseAsync(['check', '--profile', 'p.json', '--diary', 'd.json', '--json'], {
      from: 'user',
    });
    const { findings } = JSON.parse(out.stdout) as { findings: FindingJson[] };
    // Food: (1,200 + 1,080) / 2 = 1,140 mg/day; + 1,000 mg supplement = 2,140 > UL 2,000 (age 51+).
    const ul = findings.find((f) => f.id === 'upper-limit-total-calcium');
    expect(ul?.message).toMatch(
      /1,140 mg\/day.*1,000 mg\/day.*2,140 mg\/day, above the UL of 2,000 mg\/day/,
    );
  });

  it('a diary naming an unknown food exits 2', async () => {
    const dir = tempDir({
      'p.json': { age: 60, sex: 'female' },
      'd.json': {
        days: [{ date: '2026-11-20', entries: [{ food: 'sr24:99999999', amount: 10, unit: 'g' }] }],
      },
    });
    const { io, out } = capture(dir);
    const program = new Command('calcwise').exitOverride();
    registerCheckCommand(program, io, { loadFoodIndex: () => makeFoodIndex([]) });
    await expect(
      program.parseAsync(['check', '--profile', 'p.json', '--diary', 'd.json'], { from: 'user' }),
    ).rejects.toMatchObject({ error: { code: 'UNKNOWN_FOOD' } });
    expect(out.stdout).toBe('');
  });
});
