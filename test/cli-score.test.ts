import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/main.js';

const root = new URL('..', import.meta.url).pathname;

async function run(argv: string[], options: { cwd?: string; stdin?: NodeJS.ReadableStream } = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (s) => (out.stdout += s),
    stderr: (s) => (out.stderr += s),
    cwd: options.cwd ?? root,
    env: {},
    ...(options.stdin ? { stdin: options.stdin } : {}),
  };
  const code = await runCli(argv, io);
  return { code, ...out };
}

function tempDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'calcwise-score-'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

function stdinOf(text: string, isTTY: boolean): NodeJS.ReadableStream {
  const stream = new PassThrough();
  (stream as unknown as { isTTY: boolean }).isTTY = isTTY;
  stream.end(text);
  return stream;
}

// Hand-scored: points for items 1, 4, 6, 7, 9, 11, 12, 13 → 8 (between the PREDIMED groups).
const answers = {
  oliveOilMain: true,
  oliveOilTbspPerDay: 3,
  vegetableServingsPerDay: 2,
  rawVegetableServingsPerDay: 0,
  fruitUnitsPerDay: 3,
  redMeatServingsPerDay: 1,
  butterServingsPerDay: 0.5,
  sweetDrinksPerDay: 0,
  wineGlassesPerWeek: 0,
  legumeServingsPerWeek: 3,
  fishServingsPerWeek: 2,
  sweetsTimesPerWeek: 2,
  nutServingsPerWeek: 5,
  prefersWhiteMeat: true,
  sofritoTimesPerWeek: 1,
};

interface ScoreJson {
  items: { number: number; point: number }[];
  total: number;
  max: number;
  band: { id: string };
}

describe('calcwise score medas --answers', () => {
  it('scores an answers file (JSON)', async () => {
    const dir = tempDir({ 'a.json': answers });
    const { code, stdout } = await run(['score', 'medas', '--answers', 'a.json', '--json'], {
      cwd: dir,
    });
    expect(code).toBe(0);
    const score = JSON.parse(stdout) as ScoreJson;
    expect(score.total).toBe(8);
    expect(score.max).toBe(14);
    expect(score.band.id).toBe('intermediate');
    expect(score.items.filter((i) => i.point === 1).map((i) => i.number)).toEqual([
      1, 4, 6, 7, 9, 11, 12, 13,
    ]);
  });

  it('prints a readable item table with the total, band, wine note and disclaimer', async () => {
    const dir = tempDir({ 'a.json': answers });
    const { code, stdout } = await run(['score', 'medas', '--answers', 'a.json'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ *#\s+Item\s+Criterion\s+Answer\s+Point/);
    expect(stdout).toContain('MEDAS 8 of 14: 8–9: between the groups compared in PREDIMED');
    const flat = stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('does not advise anyone to start drinking');
    expect(flat).toContain('discuss changes with your clinician');
  });

  it('exits 2 naming the item and field of a bad answer', async () => {
    const dir = tempDir({ 'bad.json': { ...answers, fishServingsPerWeek: 'lots' } });
    const { code, stdout, stderr } = await run(['score', 'medas', '--answers', 'bad.json'], {
      cwd: dir,
    });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'bad.json: item 10: "fishServingsPerWeek" must be a number ≥ 0 (field "fishServingsPerWeek")',
    );
  });

  it('exits 2 on a missing item, invalid JSON or a missing file', async () => {
    const { sofritoTimesPerWeek: _omit, ...partial } = answers;
    const dir = tempDir({ 'partial.json': partial, 'broken.json': '{ "oliveOilMain": tru' });
    const missing = await run(['score', 'medas', '--answers', 'partial.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('item 14: "sofritoTimesPerWeek" is missing');
    const broken = await run(['score', 'medas', '--answers', 'broken.json'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.json: not valid JSON');
    const absent = await run(['score', 'medas', '--answers', 'nope.json'], { cwd: dir });
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('nope.json: file not found');
  });
});

describe('calcwise score medas without a file', () => {
  it('reads answers JSON from a non-terminal stdin', async () => {
    const { code, stdout } = await run(['score', 'medas', '--json'], {
      stdin: stdinOf(JSON.stringify(answers), false),
    });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as ScoreJson).total).toBe(8);
  });

  it('asks each item on a terminal, asking again after a wrong answer', async () => {
    // 15 answers (item 3 asks twice); "maybe" is refused and asked again.
    const typed = [
      'maybe',
      'y',
      '4',
      '2',
      '1',
      '3',
      '0',
      '0',
      '0',
      '7',
      '3',
      '3',
      '0',
      '3',
      'y',
      '2',
    ].join('\n');
    const { code, stdout } = await run(['score', 'medas'], { stdin: stdinOf(`${typed}\n`, true) });
    expect(code).toBe(0);
    expect(stdout).toContain('1. Do you use olive oil as your main culinary fat? [y/n]');
    expect(stdout).toContain('Please answer y or n.');
    expect(stdout).toContain('…of those, how many servings raw or as salad?');
    expect(stdout).toContain('MEDAS 14 of 14');
  });

  it('exits 2 when the terminal input ends early', async () => {
    const { code, stderr } = await run(['score', 'medas'], { stdin: stdinOf('y\n4\n', true) });
    expect(code).toBe(2);
    expect(stderr).toContain('item 3: input ended before "vegetableServingsPerDay" was answered');
  });

  it('exits 2 with no file and no stdin', async () => {
    const { code, stderr } = await run(['score', 'medas']);
    expect(code).toBe(2);
    expect(stderr).toContain('give --answers FILE, --diary FILE, or the answers as JSON on stdin');
  });
});

describe('calcwise score medas --diary', () => {
  it('estimates the derivable items from a diary of bundled foods (hand-computed)', async () => {
    // One day: 4 tablespoons of olive oil (SR24 04053: 13.5 g each), 400 g raw kale, 150 g salmon.
    const diary = {
      days: [
        {
          date: '2026-11-20',
          entries: [
            { food: 'sr24:04053', amount: 4, unit: 'tablespoon' },
            { food: 'sr24:11233', amount: 400, unit: 'g' },
            { food: 'sr24:15237', amount: 150, unit: 'g' },
          ],
        },
      ],
    };
    const dir = tempDir({ 'd.json': diary });
    const { code, stdout } = await run(['score', 'medas', '--diary', 'd.json', '--json'], {
      cwd: dir,
    });
    expect(code).toBe(0);
    const estimate = JSON.parse(stdout) as {
      items: { number: number; status: string; value?: number; point: number | null }[];
      total: number;
      possibleMax: number;
      band: unknown;
      notDerivable: { number: number }[];
    };
    const item = (n: number) => estimate.items.find((i) => i.number === n)!;
    expect(item(2)).toMatchObject({ value: 4, point: 1 });
    expect(item(3)).toMatchObject({ value: 2, point: 1 });
    // 150 g/day = 1,050 g a week: 7 servings at 150 g.
    expect(item(10)).toMatchObject({ point: 1 });
    expect([5, 6, 7, 11].map((n) => item(n).point)).toEqual([1, 1, 1, 1]);
    expect([4, 8, 9, 12].map((n) => item(n).point)).toEqual([0, 0, 0, 0]);
    expect(estimate.notDerivable.map((i) => i.number)).toEqual([1, 13, 14]);
    expect(estimate.total).toBe(7);
    expect(estimate.possibleMax).toBe(10);
    expect(estimate.band).toBeNull();
  });

  it('reads the example week and says which items are not derivable', async () => {
    const { code, stdout } = await run(['score', 'medas', '--diary', 'examples/diary-week.json']);
    expect(code).toBe(0);
    expect(stdout).toContain('MEDAS estimated from 7 diary day(s)');
    expect(stdout).toContain('n/d');
    expect(stdout).toContain('not which fat is used for cooking');
  });

  it('exits 2 on an unknown food in the diary', async () => {
    const dir = tempDir({
      'd.json': {
        days: [{ date: '2026-11-20', entries: [{ food: 'sr24:99999', amount: 1, unit: 'g' }] }],
      },
    });
    const { code, stderr } = await run(['score', 'medas', '--diary', 'd.json'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toContain('sr24:99999');
  });

  it('refuses --answers with --diary', async () => {
    const { code } = await run(['score', 'medas', '--answers', 'a.json', '--diary', 'd.json']);
    expect(code).toBe(2);
  });
});

describe('calcwise score dash', () => {
  it('gives DASH guidance without a score and says why', async () => {
    const { code, stdout } = await run(['score', 'dash', '--json']);
    expect(code).toBe(0);
    const guidance = JSON.parse(stdout) as { scored: boolean; components: unknown[]; why: string };
    expect(guidance.scored).toBe(false);
    expect(guidance.components).toHaveLength(8);
    expect(guidance.why).toMatch(/quintile/);
  });
});
