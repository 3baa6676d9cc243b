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
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    cwd,
    env: {},
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

interface AnalyzeJson {
  diary: string;
  days: {
    date: string;
    entries: { foodId: string; grams: number }[];
    totals: Record<string, { amount: number; unit: string; coverage: number }>;
  }[];
  average: Record<string, { amount: number; unit: string; coverage: number }>;
  contributors: Record<string, { foodId: string; name: string; amount: number; share: number }[]>;
}

describe('calcwise analyze on the example week', () => {
  it('reports days, averages and contributors, and CSV gives the same as JSON', async () => {
    const json = await cli(['analyze', 'examples/diary-week.json', '--json']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const fromJson = JSON.parse(json.stdout) as AnalyzeJson;
    expect(fromJson.days.map((day) => day.date)).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ]);
    for (const day of fromJson.days) {
      expect(day.totals.energy).toMatchObject({ unit: 'kcal', coverage: 1 });
      expect(day.totals.energy!.amount).toBeGreaterThan(900);
      expect(day.totals.energy!.amount).toBeLessThan(3000);
    }
    expect(fromJson.average['vitamin-d']!.unit).toBe('µg');
    const k1 = fromJson.contributors['vitamin-k1']!;
    expect(k1.length).toBeGreaterThan(1);
    expect(k1[0]!.share).toBeGreaterThan(k1[1]!.share);
    // K2 is measured for few foods: coverage must say so.
    expect(fromJson.average['vitamin-k2']!.coverage).toBeLessThan(1);

    const csv = await cli(['analyze', 'examples/diary-week.csv', '--json']);
    expect(csv.code).toBe(0);
    const fromCsv = JSON.parse(csv.stdout) as AnalyzeJson;
    expect({ ...fromCsv, diary: '' }).toEqual({ ...fromJson, diary: '' });
  });

  it('prints readable tables with coverage and vitamin D in IU', async () => {
    const result = await cli(['analyze', 'examples/diary-week.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('7 day(s)');
    expect(result.stdout).toMatch(/Vitamin D \(?.*\)?\s+[\d.]+ \([\d.,]+ IU\)\s+µg\s+\d+%/);
    expect(result.stdout).toMatch(/Vitamin K1 \(phylloquinone\)\s+[\d.,]+\s+µg\s+\d+%/);
    expect(result.stdout).toContain('Per day');
  });
});

describe('calcwise analyze: bad input exits 2 naming file, entry or line, and field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'calcwise-analyze-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return name;
  };
  const day = (entries: unknown[]) => JSON.stringify({ days: [{ date: '2026-11-20', entries }] });
  const kale = { food: 'sr24:11233', amount: 1, unit: 'cup, chopped' };

  it.each([
    ['malformed JSON', 'bad.json', '{ "days": [', 'INVALID_JSON', 'bad.json', undefined],
    [
      'unknown food',
      'food.json',
      day([kale, { food: 'sr24:99999', amount: 1, unit: 'g' }]),
      'UNKNOWN_FOOD',
      'days[0].entries[1]',
      'food',
    ],
    [
      'unknown unit',
      'unit.json',
      day([{ ...kale, unit: 'slice' }]),
      'UNKNOWN_UNIT',
      'days[0].entries[0]',
      'unit',
    ],
    [
      'negative amount',
      'neg.json',
      day([{ ...kale, amount: -1 }]),
      'INVALID_AMOUNT',
      'days[0].entries[0]',
      'amount',
    ],
    [
      'absurd amount',
      'big.json',
      day([{ ...kale, amount: 6, unit: 'kg' }]),
      'INVALID_AMOUNT',
      'days[0].entries[0]',
      'amount',
    ],
    [
      'text amount',
      'text.csv',
      'date,food,amount,unit\n2026-11-20,sr24:11233,1,"cup, chopped"\n2026-11-20,sr24:11233,lots,g\n',
      'INVALID_AMOUNT',
      'line 3',
      'amount',
    ],
    [
      'impossible date',
      'date.csv',
      'date,food,amount,unit\n2026-02-30,sr24:11233,100,g\n',
      'INVALID_DATE',
      'line 2',
      'date',
    ],
    [
      'missing column',
      'cols.csv',
      'date,food,amount\n2026-11-20,sr24:11233,100\n',
      'INVALID_CSV',
      'line 1',
      'unit',
    ],
  ])('%s', async (_label, name, text, code, location, field) => {
    const file = write(name, text);
    const result = await cli(['analyze', file, '--json'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(file);
    expect(result.stderr).toContain(location);
    expect(result.stderr).toContain(`[${code}]`);
    if (field) expect(result.stderr).toContain(`field "${field}"`);
  });

  it('lists the food’s portions when the unit is unknown', async () => {
    const file = write('unit2.json', day([{ ...kale, unit: 'handful' }]));
    const result = await cli(['analyze', file], dir);
    expect(result.stderr).toContain('cup, chopped');
  });

  it('a missing file', async () => {
    const result = await cli(['analyze', 'nowhere.json'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nowhere.json');
  });
});
