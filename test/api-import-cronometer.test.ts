/**
 * POST /api/import/cronometer, the web app's upload → review → confirm: a dry run reviews and
 * stores nothing, the commit stores everything at once, bad files are refused naming file, line
 * and column with the store unchanged. Every answer is checked against the OpenAPI document.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadFoods } from '../src/cli/commands/foods.js';
import { createApp } from '../src/server/index.js';
import { createSqliteStore, type Store } from '../src/store/index.js';
import { cronometerServingsFile } from './support/cronometer-file.js';
import { responseProblems } from './support/openapi-responses.js';
import { TRACKER_HEADERS } from './support/tracker-headers.js';

const foods = loadFoods();
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function setup() {
  const store = await createSqliteStore(':memory:');
  stores.push(store);
  const app = createApp({ store, foods: foods.index, log: false });
  const upload = async (file: string, bytes: Uint8Array | string, dryRun: boolean) => {
    const body = JSON.stringify({
      file,
      contentBase64: Buffer.from(bytes).toString('base64'),
      dryRun,
    });
    const response = await app.request('/api/import/cronometer', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const json = (await response.json()) as Record<string, unknown>;
    expect(responseProblems('POST', '/api/import/cronometer', response.status, json)).toEqual([]);
    return { status: response.status, json };
  };
  return { store, upload };
}

interface Report {
  dryRun: boolean;
  stored?: { entries: number; foods: number };
  matched: { name: string; food: string; rows: number }[];
  ownFood: { name: string; food: string }[];
  ambiguous: { name: string; candidates: { id: string }[] }[];
  rejected: { line: number; reason: string }[];
}

const file = cronometerServingsFile(foods.index, ['2026-11-28', '2026-11-29']);

describe('POST /api/import/cronometer', () => {
  it('a dry run reviews the file (matched, own, ambiguous, rejected) and stores nothing', async () => {
    const { store, upload } = await setup();
    const { status, json } = await upload('servings.csv', file, true);
    expect(status).toBe(200);
    const report = json as unknown as Report;
    expect(report.dryRun).toBe(true);
    expect(report.stored).toBeUndefined();
    expect(report.matched.map((i) => [i.name, i.food])).toEqual([
      ['Kale, raw', 'sr24:11233'],
      ['Cheese, cheddar', 'sr24:01009'],
    ]);
    expect(report.ownFood.map((i) => i.name)).toEqual(["Oma's stamppot"]);
    expect(report.ambiguous.map((i) => i.name)).toEqual(['Kale, raw']);
    expect(report.ambiguous[0]!.candidates.map((c) => c.id)).toContain('sr24:11233');
    expect(report.rejected).toEqual([
      { line: 6, name: 'Coffee, brewed', reason: expect.any(String) },
    ]);
    expect(await store.listEntries('local')).toEqual([]);
    expect(await store.listCustomFoods('local')).toEqual([]);
  });

  it('the commit stores every entry and own food in one go; again replaces, never doubles', async () => {
    const { store, upload } = await setup();
    const { status, json } = await upload('servings.csv', file, false);
    expect(status).toBe(201);
    expect((json as unknown as Report).stored).toMatchObject({ entries: 4, foods: 2 });
    const entries = await store.listEntries('local');
    expect(entries.map((e) => [e.date, e.food.split(':')[0]])).toEqual([
      ['2026-11-28', 'sr24'],
      ['2026-11-28', 'sr24'],
      ['2026-11-28', 'custom'],
      ['2026-11-29', 'custom'],
    ]);
    const again = await upload('servings.csv', file, false);
    expect((again.json as unknown as Report).stored).toMatchObject({
      entries: 4,
      replacedEntries: 4,
    });
    expect(await store.listEntries('local')).toHaveLength(4);
  });

  it('refuses a semicolon file or a UTF-16 file with 400 naming the file; the store unchanged', async () => {
    const { store, upload } = await setup();
    const semicolons = file.replace(/,/g, ';');
    const bad = await upload('servings-semicolons.csv', semicolons, false);
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      error: { code: 'INVALID_CSV', message: expect.stringMatching(/^servings-semicolons\.csv/) },
    });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(file, 'utf16le')]);
    const wide = await upload('servings-utf16.csv', utf16, false);
    expect(wide.status).toBe(400);
    expect(String((wide.json as { error: { message: string } }).error.message)).toMatch(
      /^servings-utf16\.csv/,
    );
    expect(await store.listEntries('local')).toEqual([]);
  });

  it('refuses a row with a bad date naming the line and column; nothing half-imported', async () => {
    const { store, upload } = await setup();
    const lines = file.split('\n');
    lines[3] = lines[3]!.replace('2026-11-28', '2026-13-45');
    const { status, json } = await upload('servings.csv', lines.join('\n'), false);
    expect(status).toBe(422);
    expect(json).toEqual({
      error: {
        code: 'INVALID_DATE',
        message: expect.stringMatching(
          /^servings\.csv: line 4, column 1: "2026-13-45" is not a date/,
        ),
        field: 'Day',
        location: 'line 4, column 1',
      },
    });
    expect(await store.listEntries('local')).toEqual([]);
  });

  it('refuses a body that is not an upload (400 INVALID_INPUT naming the field)', async () => {
    const { upload } = await setup();
    const empty = await upload('servings.csv', '', true);
    expect(empty.status).toBe(400);
    expect(empty.json).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'contentBase64' } });
  });

  it('takes a file over the 1 MiB bound of other routes (the import routes have their own)', async () => {
    const { upload } = await setup();
    const [header, ...rows] = file.trimEnd().split('\n');
    const start = Date.UTC(2024, 0, 1);
    const lines = [header!];
    for (let day = 0; lines.join('\n').length < 1.2 * 2 ** 20; day += 1) {
      const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      for (const row of rows.slice(0, 3)) lines.push(row.replace(/^\d{4}-\d{2}-\d{2}/, date));
    }
    const { status, json } = await upload('servings-big.csv', `${lines.join('\n')}\n`, true);
    expect(status).toBe(200);
    expect((json as { rows: number }).rows).toBe(lines.length - 1);
  });

  it('reads a daily summary as day totals through the same route', async () => {
    const { upload } = await setup();
    const header = TRACKER_HEADERS.daily2026_64;
    const cells = header
      .split(',')
      .map((c) => (c === 'Date' ? '2026-11-28' : c === 'Energy (kcal)' ? '1850.00' : ''));
    const { status, json } = await upload(
      'dailysummary.csv',
      `${header}\n${cells.join(',')}\n`,
      true,
    );
    expect(status).toBe(200);
    expect(json).toMatchObject({ layout: 'cronometer-daily', totalsOnly: true, rows: 1 });
  });
});
