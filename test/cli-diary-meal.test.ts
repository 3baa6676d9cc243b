import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'calcwise-cli-meal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: dir,
    env: {},
  });
  return { code, stdout, stderr };
}

describe('meal slots in the CLI', () => {
  it('diary add --meal stores the slot; diary list shows it; a bad meal exits 2 naming --meal', async () => {
    const db = join(dir, 'meals.db');
    const lunch = await cli([
      ...['diary', 'add', '2026-11-29', 'sr24:11233', '1', 'cup,', 'chopped'],
      ...['--meal', 'Lunch', '--db', db],
    ]);
    expect(lunch).toMatchObject({ code: 0 });
    expect(lunch.stdout).toMatch(
      /^logged entry \d+: 2026-11-29 lunch 1(\.00)? cup, chopped sr24:11233/,
    );
    expect((await cli(['diary', 'add', '2026-11-29', 'sr24:01009', '30', '--db', db])).code).toBe(
      0,
    );

    const table = await cli(['diary', 'list', '--db', db]);
    const rows = table.stdout.split('\n');
    expect(rows[0]).toMatch(/^\s*Id\s+Date\s+Meal\s+Amount/);
    expect(rows.find((r) => r.includes('sr24:11233'))).toMatch(
      /2026-11-29\s+lunch\s+1(\.00)?\s+cup/,
    );
    expect(rows.find((r) => r.includes('sr24:01009'))).toMatch(/2026-11-29\s+30(\.0)?\s+g/);
    const json = JSON.parse((await cli(['diary', 'list', '--db', db, '--json'])).stdout) as {
      entries: { food: string; meal?: string }[];
    };
    expect(json.entries.map((e) => [e.food, e.meal])).toEqual([
      ['sr24:11233', 'lunch'],
      ['sr24:01009', undefined],
    ]);

    const bad = await cli([
      'diary',
      'add',
      '2026-11-29',
      'sr24:11233',
      '1',
      '--meal',
      'tea',
      '--db',
      db,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/meal/);
    expect(bad.stderr).toMatch(/breakfast, lunch, dinner, snack/);
    expect(
      JSON.parse((await cli(['diary', 'list', '--db', db, '--json'])).stdout).entries,
    ).toHaveLength(2);
  });

  it('reads an optional meal column in CSV and field in JSON diaries; a bad one exits 2 with file, line and field', async () => {
    const csv = join(dir, 'meals.csv');
    writeFileSync(
      csv,
      'date,food,amount,unit,meal\n2026-11-29,sr24:11233,67,g,breakfast\n2026-11-29,sr24:01009,30,g,\n',
    );
    expect((await cli(['analyze', csv, '--json'])).code).toBe(0);
    const badCsv = join(dir, 'bad-meal.csv');
    writeFileSync(
      badCsv,
      'date,food,amount,unit,meal\n2026-11-29,sr24:11233,67,g,lunch\n2026-11-29,sr24:01009,30,g,elevenses\n',
    );
    const csvResult = await cli(['analyze', badCsv]);
    expect(csvResult.code).toBe(2);
    expect(csvResult.stderr).toMatch(/bad-meal\.csv/);
    expect(csvResult.stderr).toMatch(/line 3/);
    expect(csvResult.stderr).toMatch(/meal/);
    expect(csvResult.stderr).toMatch(/elevenses/);

    const badJson = join(dir, 'bad-meal.json');
    writeFileSync(
      badJson,
      JSON.stringify({
        days: [
          { date: '2026-11-29', entries: [{ food: 'sr24:11233', amount: 67, unit: 'g', meal: 3 }] },
        ],
      }),
    );
    const jsonResult = await cli(['analyze', badJson]);
    expect(jsonResult.code).toBe(2);
    expect(jsonResult.stderr).toMatch(/bad-meal\.json/);
    expect(jsonResult.stderr).toMatch(/days\[0\]\.entries\[0\]/);
    expect(jsonResult.stderr).toMatch(/meal/);
  });

  it('diary recent lists the recent and frequent foods with the last amount; a bad --limit exits 2', async () => {
    const db = join(dir, 'recent.db');
    expect((await cli(['diary', 'recent', '--db', db])).stdout).toBe('No diary entries.\n');
    for (const [date, food, amount, meal] of [
      ['2026-11-20', 'sr24:11233', '50', 'lunch'],
      ['2026-11-21', 'sr24:11233', '60', 'dinner'],
      ['2026-11-22', 'sr24:01009', '30', 'breakfast'],
    ] as const) {
      const added = await cli(['diary', 'add', date, food, amount, '--meal', meal, '--db', db]);
      expect(added.code).toBe(0);
    }
    const json = JSON.parse((await cli(['diary', 'recent', '--db', db, '--json'])).stdout) as {
      recent: { food: string; amount: number; meal: string; count: number }[];
      frequent: { food: string; amount: number; meal: string; count: number }[];
    };
    const brief = (list: typeof json.recent) =>
      list.map((f) => [f.food, f.amount, f.meal, f.count]);
    expect(brief(json.recent)).toEqual([
      ['sr24:01009', 30, 'breakfast', 1],
      ['sr24:11233', 60, 'dinner', 2],
    ]);
    expect(brief(json.frequent)).toEqual([
      ['sr24:11233', 60, 'dinner', 2],
      ['sr24:01009', 30, 'breakfast', 1],
    ]);
    const text = await cli(['diary', 'recent', '--limit', '1', '--db', db]);
    expect(text.code).toBe(0);
    const [recent, frequent] = text.stdout.split('Frequent\n');
    expect(recent).toMatch(/^Recent\n\s*Food\s+Name\s+Last/);
    expect(recent).toMatch(/sr24:01009\s+Cheese.*\s+30(\.0)? g\s+breakfast\s+1\s+2026-11-22/);
    expect(recent).not.toMatch(/sr24:11233/);
    expect(frequent).toMatch(/sr24:11233.*\s+60(\.0)? g\s+dinner\s+2\s+2026-11-21/);

    const bad = await cli(['diary', 'recent', '--limit', '0', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--limit/);
  });
});
