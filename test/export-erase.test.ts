import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { eraseData, summarizeData } from '../src/app/erase-data.js';
import {
  exportData,
  exportJsonSchema,
  importExport,
  serializeExport,
} from '../src/app/export-data.js';
import { importCronometer } from '../src/app/import-cronometer.js';
import { addLab } from '../src/app/labs.js';
import { createShare, openShare } from '../src/app/shares.js';
import { loadFoods } from '../src/cli/commands/foods.js';
import { createApp } from '../src/server/index.js';
import { createPostgresStore, createSqliteStore, type Store } from '../src/store/index.js';
import { TRACKER_HEADERS } from './support/tracker-headers.js';

const foods = loadFoods();
const pgUrl = process.env.CALCWISE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const dir = mkdtempSync(join(tmpdir(), 'calcwise-export-'));
const pgSchemas: string[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (pgSchemas.length === 0) return;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  for (const schema of pgSchemas) await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
});

/**
 * The account (a login), not its data: a user's id is the owner id, and erasing the data keeps
 * the account so the person can go on logging in (test/accounts.test.ts).
 */
const ACCOUNT_TABLES = new Set(['users', 'sessions']);

/** A store, and a way to count an owner's rows in every table by raw SQL. */
interface Backend {
  open(): Promise<{ store: Store; rowsOf(owner: string): Promise<Record<string, number>> }>;
}

const sqlite: Backend = {
  async open() {
    const file = join(dir, `${randomBytes(4).toString('hex')}.db`);
    const store = await createSqliteStore(file);
    return {
      store,
      async rowsOf(owner) {
        const db = new SqliteDatabase(file, { readonly: true });
        try {
          const tables = db
            .prepare(
              "select name from sqlite_master where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%'",
            )
            .all() as { name: string }[];
          const counts: Record<string, number> = {};
          for (const { name } of tables) {
            if (ACCOUNT_TABLES.has(name)) continue;
            const columns = db.prepare(`pragma table_info("${name}")`).all() as { name: string }[];
            const column = name === 'owners' ? 'id' : 'owner';
            // A table without an owner column would escape erasure: fail loudly.
            expect(
              columns.map((c) => c.name),
              name,
            ).toContain(column);
            counts[name] = (
              db
                .prepare(`select count(*) as n from "${name}" where "${column}" = ?`)
                .get(owner) as {
                n: number;
              }
            ).n;
          }
          return counts;
        } finally {
          db.close();
        }
      },
    };
  },
};

const postgres: Backend = {
  async open() {
    const schema = `calcwise_io_${randomBytes(6).toString('hex')}`;
    pgSchemas.push(schema);
    const store = await createPostgresStore(pgUrl, { schema });
    return {
      store,
      async rowsOf(owner) {
        const client = new pg.Client({ connectionString: pgUrl });
        await client.connect();
        try {
          const tables = await client.query<{ table_name: string }>(
            "select table_name from information_schema.tables where table_schema = $1 and table_name not like 'kysely_%'",
            [schema],
          );
          const counts: Record<string, number> = {};
          for (const { table_name: name } of tables.rows) {
            if (ACCOUNT_TABLES.has(name)) continue;
            const columns = await client.query<{ column_name: string }>(
              'select column_name from information_schema.columns where table_schema = $1 and table_name = $2',
              [schema, name],
            );
            const column = name === 'owners' ? 'id' : 'owner';
            expect(
              columns.rows.map((c) => c.column_name),
              name,
            ).toContain(column);
            const n = await client.query<{ n: string }>(
              `select count(*) as n from ${schema}."${name}" where "${column}" = $1`,
              [owner],
            );
            counts[name] = Number(n.rows[0]!.n);
          }
          return counts;
        } finally {
          await client.end();
        }
      },
    };
  },
};

async function fill(store: Store, owner: string): Promise<void> {
  await store.putProfile(
    owner,
    JSON.parse(readFileSync('examples/profile-omnivore-64f.json', 'utf8')),
  );
  await store.addEntry(owner, {
    date: '2026-11-29',
    food: 'sr24:11233',
    amount: 1,
    unit: 'cup, chopped',
  });
  await store.addEntryOnce(
    owner,
    { date: '2026-11-30', food: 'sr24:01009', amount: 30.5, unit: 'g' },
    'retry-key-1',
  );
  await store.addCustomFood(owner, {
    id: 'custom:kale-soup',
    name: 'Kale soup, "home" recipe, µg & ü',
    group: 'Soups, Sauces, and Gravies',
    nutrients: { 'vitamin-k1': { per100g: 120.5, source: { label: 'User entry', kind: 'user' } } },
    portions: [{ name: 'bowl', amount: 1, grams: 300 }],
  });
  await store.addEntry(owner, {
    date: '2026-11-30',
    food: 'custom:kale-soup',
    amount: 1,
    unit: 'bowl',
    meal: 'dinner',
  });
  // A day's supplements as taken (the export keeps what was entered beside the canonical unit).
  await store.putSupplementDay(owner, {
    date: '2026-11-30',
    supplements: [
      { nutrient: 'vitamin-d', amount: 50, unit: 'µg', entered: '2000 IU' },
      { nutrient: 'mk7', amount: 90, unit: 'µg', entered: '90 µg' },
    ],
  });
  // A recipe using the custom food and a bundled one; it restores as written (values roll up
  // from the ingredients when read, so none are stored).
  const recipe = await store.addRecipe(owner, {
    id: 'recipe:kale-soup-bowl',
    name: 'Kale soup bowl',
    servings: 2,
    cookedGrams: 520,
    ingredients: [
      { food: 'custom:kale-soup', amount: 1.5, unit: 'bowl' },
      { food: 'sr24:11233', amount: 1, unit: 'cup, chopped' },
    ],
  });
  expect(recipe.ok).toBe(true);
  await store.addEntry(owner, {
    date: '2026-11-30',
    food: 'recipe:kale-soup-bowl',
    amount: 1,
    unit: 'serving',
  });
  const plan = await store.savePlan(owner, {
    request: { days: 1 },
    result: { foods: [{ id: 'sr24:11233', grams: 67 }] },
  });
  await addLab(
    { store },
    {
      owner,
      lab: { date: '2026-11-02', test: '25-oh-d', value: 18, unit: 'ng/mL', low: 30, high: 100 },
    },
  );
  await addLab(
    { store },
    { owner, lab: { date: '2026-11-20', test: 'inr', value: 2.6, unit: 'ratio' } },
  );
  // An entry a plan wrote keeps its plan and day, so applying the plan again after a restore
  // still finds it there.
  await store.applyPlanDays(owner, plan.id, [
    {
      day: 0,
      date: '2026-12-01',
      entries: [{ date: '2026-12-01', food: 'sr24:11233', amount: 67, unit: 'g', meal: 'lunch' }],
    },
  ]);
  const header = TRACKER_HEADERS.servings2020_61;
  const cells = header
    .split(',')
    .map((c) =>
      c === 'Day'
        ? '2020-07-15'
        : c === 'Food Name'
          ? 'Collagen + protein'
          : c === 'Amount'
            ? '1.00 full recipe'
            : c === 'Energy (kcal)'
              ? '170.00'
              : '',
    );
  const imported = await importCronometer(
    { store, foods: foods.index, search: foods.search },
    {
      owner,
      file: 'servings.csv',
      bytes: new TextEncoder().encode(`${header}\n${cells.join(',')}\n`),
    },
  );
  expect(imported.ok).toBe(true);
  // A share of the report, opened once: not exported (a link to this store), but erased.
  const clock = () => new Date();
  const share = await createShare(
    { store, clock },
    {
      owner,
      from: '2026-11-01',
      to: '2026-11-30',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    },
  );
  if (!share.ok) throw new Error(share.error.message);
  const opened = await openShare(
    { store, clock },
    { token: share.value.token, resource: 'report', client: '127.0.0.1' },
  );
  expect(opened.ok).toBe(true);
}

async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
// Outside CI an unreachable PostgreSQL skips its half (as test/store.test.ts does); CI fails.
const pgUp = await pgReachable();

const backends: [string, Backend][] = [['SQLite', sqlite]];
if (pgUp || process.env.CI) backends.push(['PostgreSQL', postgres]);

for (const [name, backend] of backends) {
  describe(`export, restore and erase on ${name}`, () => {
    it('export → import into an empty store → export is byte-identical', async () => {
      const a = await backend.open();
      await fill(a.store, 'local');
      const first = serializeExport(await exportData({ store: a.store }, { owner: 'local' }));
      const document = JSON.parse(first) as {
        diary: { meal?: string; plan?: { planId: string; day: number } }[];
        foods: unknown[];
        plans: { id: string }[];
        labs: unknown[];
        recipes: unknown[];
      };
      expect(document.diary).toHaveLength(6);
      expect(document.diary.map((entry) => entry.meal ?? null)).toEqual([
        null,
        null,
        null,
        'dinner',
        null,
        'lunch',
      ]);
      expect(document.recipes).toEqual([
        {
          id: 'recipe:kale-soup-bowl',
          name: 'Kale soup bowl',
          servings: 2,
          cookedGrams: 520,
          ingredients: [
            { food: 'custom:kale-soup', amount: 1.5, unit: 'bowl' },
            { food: 'sr24:11233', amount: 1, unit: 'cup, chopped' },
          ],
          createdAt: expect.any(String),
        },
      ]);
      expect(document.diary[5]!.plan).toEqual({ planId: document.plans[0]!.id, day: 0 });
      expect(document.labs).toEqual([
        expect.objectContaining({
          test: '25-oh-d',
          value: 44.928,
          unit: 'nmol/L',
          low: 74.88,
          original: { value: 18, unit: 'ng/mL', low: 30, high: 100 },
        }),
        expect.objectContaining({ test: 'inr', value: 2.6 }),
      ]);
      expect(document.foods).toHaveLength(2);
      expect(document.plans).toHaveLength(1);
      // Shares stay out of the export: their tokens are not kept, so a restored link could
      // never work, and a restore must not bring links the person revoked back to life.
      expect(Object.keys(document)).not.toContain('shares');
      expect(first).not.toMatch(/token|share/i);

      const b = await backend.open();
      const restored = await importExport(
        { store: b.store },
        { owner: 'local', document, file: 'export.json' },
      );
      expect(restored).toMatchObject({
        ok: true,
        value: {
          diary_entries: 6,
          custom_foods: 2,
          plans: 1,
          profiles: 1,
          labs: 2,
          recipes: 1,
        },
      });
      const second = serializeExport(await exportData({ store: b.store }, { owner: 'local' }));
      expect(second).toBe(first);

      // Into a store that has data: refused, nothing merged.
      const again = await importExport(
        { store: b.store },
        { owner: 'local', document, file: 'export.json' },
      );
      expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(serializeExport(await exportData({ store: b.store }, { owner: 'local' }))).toBe(first);
      await a.store.close();
      await b.store.close();
    });

    it('a newer schema version or a malformed document is refused by path; the store unchanged', async () => {
      const s = await backend.open();
      const newer = await importExport(
        { store: s.store },
        { owner: 'local', document: { format: 'calcwise-export', version: 5 }, file: 'new.json' },
      );
      expect(newer).toMatchObject({ ok: false, error: { file: 'new.json', field: 'version' } });
      if (!newer.ok) expect(newer.error.message).toMatch(/schema version 5/);
      const bad = await importExport(
        { store: s.store },
        {
          owner: 'local',
          document: {
            format: 'calcwise-export',
            version: 1,
            profile: null,
            diary: [
              {
                date: '2026-11-30',
                food: 'sr24:11233',
                amount: -1,
                unit: 'g',
                createdAt: 'x',
                updatedAt: 'x',
                importId: null,
              },
            ],
            foods: [],
            plans: [],
          },
          file: 'bad.json',
        },
      );
      expect(bad).toMatchObject({
        ok: false,
        error: { location: 'diary[0].amount', field: 'amount' },
      });
      expect(await s.rowsOf('local')).toMatchObject({ diary_entries: 0, owners: 0 });
      await s.store.close();
    });

    it('erasing leaves zero rows of the owner in every table, and the other owner untouched', async () => {
      const s = await backend.open();
      await fill(s.store, 'local');
      await fill(s.store, 'other');
      const before = await s.rowsOf('local');
      expect(Object.values(before).every((n) => n > 0)).toBe(true);

      const wrong = await eraseData(
        { store: s.store },
        { owner: 'local', confirmToken: 'delete-local-0-0-0-0-0-0-0' },
      );
      expect(wrong).toMatchObject({ ok: false, error: { field: 'confirm' } });
      const { confirmToken } = await summarizeData({ store: s.store }, { owner: 'local' });
      const erased = await eraseData({ store: s.store }, { owner: 'local', confirmToken });
      expect(erased.ok).toBe(true);

      const after = await s.rowsOf('local');
      expect(Object.keys(after).sort()).toEqual([
        'custom_foods',
        'diary_entries',
        'idempotency_keys',
        'labs',
        'owners',
        'plans',
        'profiles',
        'recipes',
        'share_accesses',
        'shares',
        'supplement_days',
      ]);
      expect(Object.values(after).every((n) => n === 0)).toBe(true);
      expect(await s.rowsOf('other')).toEqual(before);
      await s.store.close();
    });

    it('the API: GET /api/export, POST /api/import, GET and DELETE /api/data with the token', async () => {
      const a = await backend.open();
      await fill(a.store, 'local');
      const app = createApp({ store: a.store, foods: foods.index, log: false });
      const exported = await app.request('/api/export');
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-disposition')).toMatch(
        /attachment; filename="calcwise-export.json"/,
      );
      const text = await exported.text();
      expect(text).toBe(serializeExport(await exportData({ store: a.store }, { owner: 'local' })));
      const csv = await (await app.request('/api/export?format=csv')).text();
      expect(csv.split('\n')[0]).toBe('date,food,amount,unit,meal,grams,name');
      expect(csv).toMatch(/2026-11-29,sr24:11233,1,"cup, chopped",,67,"Kale, raw"/);
      // A recipe's serving is its cooked weight over its servings: 520 g / 2.
      expect(csv).toMatch(/2026-11-30,recipe:kale-soup-bowl,1,serving,,260,Kale soup bowl/);

      const b = await backend.open();
      const appB = createApp({ store: b.store, foods: foods.index, log: false });
      const json = { 'Content-Type': 'application/json' };
      const newer = await appB.request('/api/import', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ format: 'calcwise-export', version: 9 }),
      });
      expect(newer.status).toBe(422);
      const restored = await appB.request('/api/import', {
        method: 'POST',
        headers: json,
        body: text,
      });
      expect(restored.status).toBe(201);
      expect(await (await appB.request('/api/export')).text()).toBe(text);
      const conflict = await appB.request('/api/import', {
        method: 'POST',
        headers: json,
        body: text,
      });
      expect(conflict.status).toBe(409);

      const refused = await appB.request('/api/data', { method: 'DELETE' });
      expect(refused.status).toBe(400);
      const summary = (await (await appB.request('/api/data')).json()) as {
        confirmToken: string;
        counts: { diary: number; recipes: number };
      };
      expect(summary.counts).toMatchObject({ diary: 6, recipes: 1 });
      const deleted = await appB.request('/api/data', {
        method: 'DELETE',
        headers: json,
        body: JSON.stringify({ confirm: summary.confirmToken }),
      });
      expect(deleted.status).toBe(200);
      expect(Object.values(await b.rowsOf('local')).every((n) => n === 0)).toBe(true);
      await a.store.close();
      await b.store.close();
    });
  });
}

describe('a version 1 export (before labs)', () => {
  it('is still read, as a document without labs', async () => {
    const store = await createSqliteStore(':memory:');
    const restored = await importExport(
      { store },
      {
        owner: 'local',
        document: {
          format: 'calcwise-export',
          version: 1,
          profile: null,
          diary: [
            {
              date: '2026-11-30',
              food: 'sr24:11233',
              amount: 30,
              unit: 'g',
              createdAt: '2026-11-30T08:00:00.000Z',
              updatedAt: '2026-11-30T08:00:00.000Z',
              importId: null,
            },
          ],
          foods: [],
          plans: [],
        },
        file: 'v1.json',
      },
    );
    expect(restored).toMatchObject({ ok: true, value: { diary_entries: 1, labs: 0 } });
    const again = await exportData({ store }, { owner: 'local' });
    expect(again).toMatchObject({ version: 4, labs: [], recipes: [], supplementDays: [] });
    await store.close();
  });

  it('refuses a lab of an unknown test by its path', async () => {
    const store = await createSqliteStore(':memory:');
    const lab = {
      date: '2026-11-30',
      test: 'ldl',
      value: 3,
      unit: 'mmol/L',
      original: { value: 3, unit: 'mmol/L' },
      createdAt: 'x',
    };
    const refused = await importExport(
      { store },
      {
        owner: 'local',
        document: {
          format: 'calcwise-export',
          version: 2,
          profile: null,
          diary: [],
          foods: [],
          plans: [],
          labs: [lab],
        },
        file: 'bad.json',
      },
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { location: 'labs[0].test', field: 'test' },
    });
    await store.close();
  });
});

describe('docs/export.schema.json', () => {
  it('is the schema the importer checks with (regenerate: npx tsx scripts/build-export-schema.ts)', () => {
    expect(JSON.parse(readFileSync('docs/export.schema.json', 'utf8'))).toEqual(exportJsonSchema());
  });
});
