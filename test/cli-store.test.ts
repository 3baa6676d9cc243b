import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFoods } from '../src/cli/commands/foods.js';
import { runCli } from '../src/cli/main.js';
import { createApp } from '../src/server/index.js';
import { createSqliteStore } from '../src/store/index.js';
import { TRACKER_HEADERS } from './support/tracker-headers.js';

/** One data home: the CLI's diary, analyze, check and plan read the store the web app serves. */
describe('CLI on the store (--db and the default ./calcwise.db)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'calcwise-cli-store-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(args: string[], env: Record<string, string> = {}) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      cwd: dir,
      env,
    });
    return { code, stdout, stderr };
  }

  it('diary add, list, rm; analyze --db with --from/--to; the API sees the same entries', async () => {
    const db = join(dir, 'home.db');
    expect(
      (await cli(['diary', 'add', '2026-11-29', 'sr24:11233', '1', 'cup,', 'chopped', '--db', db]))
        .code,
    ).toBe(0);
    const added = await cli([
      'diary',
      'add',
      '2026-11-30',
      'sr24:11233',
      '134',
      '--db',
      db,
      '--json',
    ]);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ date: '2026-11-30', amount: 134, unit: 'g' });

    const list = await cli(['diary', 'list', '--db', db, '--json']);
    const { entries } = JSON.parse(list.stdout) as {
      entries: { id: number; grams: number; name: string }[];
    };
    expect(entries.map((e) => e.grams)).toEqual([67, 134]);
    expect(entries[0]?.name).toBe('Kale, raw');

    const analyzed = await cli(['analyze', '--db', db, '--from', '2026-11-30', '--json']);
    expect(analyzed.code).toBe(0);
    const analysis = JSON.parse(analyzed.stdout) as {
      days: { date: string; totals: Record<string, { amount: number }> }[];
    };
    expect(analysis.days.map((d) => d.date)).toEqual(['2026-11-30']);
    expect(analysis.days[0]?.totals['vitamin-k1']?.amount).toBeCloseTo(817 * 1.34, 6);

    const store = await createSqliteStore(db);
    const app = createApp({ store, foods: loadFoods().index, log: false });
    const api = (await (await app.request('/api/diary')).json()) as {
      days: { entries: unknown[] }[];
    };
    expect(api.days.flatMap((d) => d.entries)).toHaveLength(2);
    await store.close();

    expect((await cli(['diary', 'rm', String(entries[0]!.id), '--db', db])).code).toBe(0);
    const missing = await cli(['diary', 'rm', String(entries[0]!.id), '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no diary entry with id/);
    const after = JSON.parse((await cli(['diary', 'list', '--db', db, '--json'])).stdout) as {
      entries: unknown[];
    };
    expect(after.entries).toHaveLength(1);
  });

  it('refuses an unknown food or unit with exit 2 and stores nothing', async () => {
    const db = join(dir, 'bad.db');
    const unknown = await cli(['diary', 'add', '2026-11-30', 'sr24:99999', '1', '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/UNKNOWN_FOOD/);
    const unit = await cli(['diary', 'add', '2026-11-30', 'sr24:11233', '1', 'bucket', '--db', db]);
    expect(unit.code).toBe(2);
    expect(unit.stderr).toMatch(/unknown unit "bucket"/);
    expect(JSON.parse((await cli(['diary', 'list', '--db', db, '--json'])).stdout)).toEqual({
      entries: [],
    });
  });

  it('without --db the CLI uses ./calcwise.db, the file `calcwise serve` uses by default', async () => {
    const home = mkdtempSync(join(dir, 'default-'));
    const run = (args: string[]) =>
      runCli(args, { stdout: () => {}, stderr: () => {}, cwd: home, env: {} });
    expect(await run(['diary', 'add', '2026-11-30', 'sr24:11233', '50'])).toBe(0);
    const store = await createSqliteStore(join(home, 'calcwise.db'));
    expect(await store.listEntries('local')).toMatchObject([{ food: 'sr24:11233', amount: 50 }]);
    await store.close();
  });

  it('imported Cronometer days are analysed and checked with the stored profile', async () => {
    const db = join(dir, 'imported.db');
    const header = TRACKER_HEADERS.daily2026_54;
    const columns = header.split(',');
    const row = columns
      .map((c) =>
        c === 'Date'
          ? '2026-01-27'
          : c === 'Energy (kcal)'
            ? '2474.29'
            : c === 'Vitamin K (µg)'
              ? '42.27'
              : c === 'Completed'
                ? 'false'
                : '',
      )
      .join(',');
    writeFileSync(join(dir, 'daily.csv'), `${header}\n${row}\n`);
    expect((await cli(['import', 'cronometer', 'daily.csv', '--db', db])).code).toBe(0);
    const store = await createSqliteStore(db);
    await store.putProfile(
      'local',
      JSON.parse(readFileSync('examples/profile-omnivore-64f.json', 'utf8')),
    );
    await store.close();
    const analyzed = await cli(['analyze', '--db', db, '--json']);
    expect(analyzed.code).toBe(0);
    const analysis = JSON.parse(analyzed.stdout) as {
      average: Record<string, { amount: number; target?: number }>;
    };
    expect(analysis.average.energy?.amount).toBeCloseTo(2474.29, 6);
    // The stored profile was used: targets are there without --profile.
    expect(analysis).toHaveProperty('targets');
    const checked = await cli(['check', '--db', db, '--json']);
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout)).toHaveProperty('findings');
    // plan --db: the stored profile, and the stored day as the base to close gaps on.
    const planned = await cli([
      'plan',
      '--db',
      db,
      '--date',
      '2026-01-27',
      '--time-limit',
      '20',
      '--json',
    ]);
    expect([0, 3], planned.stderr).toContain(planned.code);
    expect(planned.stdout).toMatch(/Day total, 2026-01-27 \(Cronometer\)|custom:cronometer-day/);
  });
});
