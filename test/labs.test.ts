import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { addLab, listLabs, removeLab } from '../src/app/labs.js';
import { makeFoodIndex } from '../src/core/test-support/make-food.js';
import { loadFoods } from '../src/cli/commands/foods.js';
import { runCli } from '../src/cli/main.js';
import { createApp } from '../src/server/index.js';
import { createPostgresStore, createSqliteStore, type Store } from '../src/store/index.js';
import { documentedApp } from './support/openapi-responses.js';

const dir = mkdtempSync(join(tmpdir(), 'calcwise-labs-'));
const pgUrl = process.env.CALCWISE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const pgSchemas: string[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (pgSchemas.length === 0) return;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  for (const schema of pgSchemas) await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
});

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
// As test/store.test.ts: outside CI an unreachable PostgreSQL leaves out its half, CI fails.
const pgUp = await pgReachable();
if (!pgUp)
  console.warn(`PostgreSQL at ${pgUrl} unreachable: the labs PostgreSQL half does not run.`);

const backends: [string, () => Promise<Store>][] = [
  ['SQLite', () => createSqliteStore(join(dir, `${randomBytes(4).toString('hex')}.db`))],
];
if (pgUp || process.env.CI) {
  backends.push([
    'PostgreSQL',
    () => {
      const schema = `calcwise_labs_${randomBytes(6).toString('hex')}`;
      pgSchemas.push(schema);
      return createPostgresStore(pgUrl, { schema });
    },
  ]);
}

for (const [name, open] of backends) {
  describe(`labs on ${name}`, () => {
    it('stores the converted value with the entry, lists by test and dates, deletes by owner', async () => {
      const store = await open();
      const d = await addLab(
        { store },
        { owner: 'local', lab: { date: '2026-11-02', test: '25-oh-d', value: 18, unit: 'ng/mL' } },
      );
      expect(d).toMatchObject({
        ok: true,
        value: {
          test: '25-oh-d',
          value: 44.928,
          unit: 'nmol/L',
          original: { value: 18, unit: 'ng/mL' },
          assessment: { status: 'low', rangeKind: 'guideline' },
        },
      });
      const k = await addLab(
        { store },
        {
          owner: 'local',
          lab: {
            date: '2026-10-01',
            test: 'potassium',
            value: 5.3,
            unit: 'mEq/L',
            low: 3.5,
            high: 5.5,
          },
        },
      );
      expect(k.ok && k.value.assessment).toMatchObject({ status: 'in-range', rangeKind: 'own' });
      await addLab(
        { store },
        { owner: 'other', lab: { date: '2026-11-03', test: 'inr', value: 2.5, unit: 'ratio' } },
      );

      const all = await listLabs({ store }, { owner: 'local' });
      expect(all.ok && all.value.map((l) => l.test)).toEqual(['potassium', '25-oh-d']);
      expect(all.ok && all.value[0]).toMatchObject({
        low: 3.5,
        high: 5.5,
        original: { low: 3.5, high: 5.5 },
      });
      expect(all.ok && 'low' in all.value[1]!).toBe(false);
      const onlyK = await listLabs({ store }, { owner: 'local', query: { test: 'potassium' } });
      expect(onlyK.ok && onlyK.value).toHaveLength(1);
      const november = await listLabs(
        { store },
        { owner: 'local', query: { from: '2026-11-01', to: '2026-11-30' } },
      );
      expect(november.ok && november.value.map((l) => l.test)).toEqual(['25-oh-d']);

      const id = d.ok ? d.value.id : 0;
      expect(await removeLab({ store }, { owner: 'other', id })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await removeLab({ store }, { owner: 'local', id })).toEqual({
        ok: true,
        value: { id },
      });
      const left = await listLabs({ store }, { owner: 'local' });
      expect(left.ok && left.value.map((l) => l.test)).toEqual(['potassium']);
      await store.close();
    });

    it('the API: POST 201 converted, 400/422 naming the field, GET with filters, DELETE 204/404', async () => {
      const store = await open();
      const app = documentedApp(createApp({ store, foods: makeFoodIndex([]), log: false }));
      const post = (body: unknown) =>
        app.request('/api/labs', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      const created = await post({
        date: '2026-11-20',
        test: 'calcium',
        value: 10.8,
        unit: 'mg/dL',
      });
      expect(created.status).toBe(201);
      const lab = (await created.json()) as {
        id: number;
        value: number;
        unit: string;
        assessment: { status: string };
      };
      expect(lab).toMatchObject({ value: 2.695, unit: 'mmol/L', assessment: { status: 'high' } });
      expect(
        (
          await post({
            date: '2026-11-21',
            test: 'inr',
            value: 3.6,
            unit: 'ratio',
            low: 2.5,
            high: 3.5,
          })
        ).status,
      ).toBe(201);

      for (const [body, status, field] of [
        [{ date: '2026-11-20', test: 'ldl', value: 3, unit: 'mmol/L' }, 400, 'test'],
        [{ date: '2026-11-20', test: 'calcium', value: 10.8, unit: 'mmol/L' }, 422, 'value'],
        [{ date: '2026-11-20', test: 'calcium', value: 2.4, unit: 'g/L' }, 422, 'unit'],
        [{ date: '2026-11-20', test: 'calcium', value: '2.4', unit: 'mmol/L' }, 400, 'value'],
        [{ date: '2026-02-30', test: 'inr', value: 2, unit: 'ratio' }, 400, 'date'],
        [{ date: '2026-11-20', test: 'inr', value: 2, unit: 'ratio', high: 50 }, 422, 'high'],
        [{ date: '2026-11-20', test: 'inr', value: 2, unit: 'ratio', extra: 1 }, 400, undefined],
      ] as const) {
        const response = await post(body);
        expect(response.status, JSON.stringify(body)).toBe(status);
        const error = ((await response.json()) as { error: { field?: string } }).error;
        if (field) expect(error.field, JSON.stringify(body)).toBe(field);
      }

      const listed = (await (await app.request('/api/labs')).json()) as {
        labs: { test: string }[];
      };
      expect(listed.labs.map((l) => l.test)).toEqual(['calcium', 'inr']);
      const inr = (await (await app.request('/api/labs?test=inr&from=2026-11-21')).json()) as {
        labs: { assessment: { status: string; rangeKind: string } }[];
      };
      expect(inr.labs).toHaveLength(1);
      expect(inr.labs[0]!.assessment).toMatchObject({ status: 'high', rangeKind: 'own' });
      expect((await app.request('/api/labs?from=2026-12-01&to=2026-11-01')).status).toBe(400);
      const unknownTest = await app.request('/api/labs?test=ldl');
      expect(unknownTest.status).toBe(400);
      expect(((await unknownTest.json()) as { error: { field: string } }).error.field).toBe('test');

      expect((await app.request(`/api/labs/${lab.id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await app.request(`/api/labs/${lab.id}`, { method: 'DELETE' })).status).toBe(404);
      expect((await app.request('/api/labs/abc', { method: 'DELETE' })).status).toBe(400);

      // The stored labs reach the one policy: the findings the person reads name them.
      const profile = await app.request('/api/profile', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ age: 70, sex: 'male', medications: ['warfarin'] }),
      });
      expect(profile.status).toBe(200);
      const findings = (await (await app.request('/api/findings')).json()) as {
        findings: { id: string; trigger: string }[];
      };
      const inrFinding = findings.findings.find((f) => f.id === 'vka-inr-out-of-range');
      expect(inrFinding?.trigger).toMatch(/lab: inr 3\.6 ratio on 2026-11-21/);
      await store.close();
    });
  });
}

describe('calcwise labs add|list', () => {
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

  it('records converted results, lists them, and refuses bad input with exit 2 naming the field', async () => {
    const db = join(dir, 'cli.db');
    const added = await cli([
      'labs',
      'add',
      '25-oh-d',
      '18',
      'ng/mL',
      '--date',
      '2026-11-02',
      '--db',
      db,
    ]);
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).toMatch(
      /recorded lab 1: 2026-11-02 25-hydroxyvitamin D 44\.9 nmol\/L \(entered 18 ng\/mL\): low/,
    );
    const json = await cli([
      'labs',
      'add',
      'egfr',
      '52',
      'mL/min/1.73m2',
      '--date',
      '2026-11-03',
      '--db',
      db,
      '--json',
    ]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      test: 'egfr',
      value: 52,
      assessment: { category: { code: 'ckd-3a' } },
    });

    const listed = await cli(['labs', 'list', '--db', db, '--json']);
    expect(
      (JSON.parse(listed.stdout) as { labs: { test: string }[] }).labs.map((l) => l.test),
    ).toEqual(['25-oh-d', 'egfr']);
    const table = await cli(['labs', 'list', '--test', 'egfr', '--db', db]);
    expect(table.stdout).toMatch(/egfr/);
    expect(table.stdout).not.toMatch(/25-oh-d/);

    for (const [args, field] of [
      [['labs', 'add', 'calcium', '10.5', 'mmol/L'], 'value'],
      [['labs', 'add', 'calcium', 'ten', 'mg/dL'], 'value'],
      [['labs', 'add', 'calcium', '10', 'furlongs'], 'unit'],
      [['labs', 'add', 'cholesterol', '5', 'mmol/L'], 'test'],
      [['labs', 'add', 'inr', '2', 'ratio', '--date', '2026-13-01'], 'date'],
      [['labs', 'list', '--test', 'cholesterol'], 'test'],
    ] as const) {
      const result = await cli([...args, '--db', db]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(new RegExp(`field "${field}"`));
    }
    const help = await cli(['labs', 'add', '--help']);
    expect(help.stdout).toMatch(/Examples:/);
  });

  it('calcwise analyze --db and GET /api/analysis apply the same lab consequences to targets', async () => {
    const db = join(dir, 'analyze.db');
    const store = await createSqliteStore(db);
    await store.putProfile('local', { age: 66, sex: 'female' });
    await store.addEntry('local', {
      date: '2026-11-20',
      food: 'sr24:11233',
      amount: 50,
      unit: 'g',
    });
    type Doc = {
      targets: {
        targets: { nutrient: string; bound: string; value: number; findingId?: string }[];
      };
    };
    const vitaminDMax = (doc: Doc) =>
      doc.targets.targets.filter(
        (t) => t.nutrient === 'vitamin-d' && t.bound === 'max' && t.findingId,
      );
    const before = JSON.parse((await cli(['analyze', '--db', db, '--json'])).stdout) as Doc;
    expect(vitaminDMax(before)).toEqual([]);
    await addLab(
      { store },
      { owner: 'local', lab: { date: '2026-11-20', test: 'calcium', value: 11, unit: 'mg/dL' } },
    );
    const after = JSON.parse((await cli(['analyze', '--db', db, '--json'])).stdout) as Doc;
    expect(vitaminDMax(after)).toEqual([
      expect.objectContaining({ findingId: 'hypercalcemia-calcium-vitamin-d', value: 15 }),
    ]);
    const app = createApp({ store, foods: loadFoods().index, log: false });
    const api = (await (
      await app.request('/api/analysis?from=2026-11-20&to=2026-11-20')
    ).json()) as Doc;
    expect(vitaminDMax(api)).toEqual(vitaminDMax(after));
    const targets = (await (await app.request('/api/targets')).json()) as Doc['targets'];
    expect(vitaminDMax({ targets })).toEqual(vitaminDMax(after));
    await store.close();
  });

  it('calcwise check --db reads the stored labs into the policy', async () => {
    const db = join(dir, 'check.db');
    const store = await createSqliteStore(db);
    await store.putProfile('local', { age: 66, sex: 'female', medications: ['spironolactone'] });
    await store.close();
    const before = await cli(['check', '--db', db, '--json']);
    const ids = (out: string) =>
      (JSON.parse(out) as { findings: { id: string; severity: string }[] }).findings;
    expect(ids(before.stdout).some((f) => f.id === 'lab-potassium-high')).toBe(false);
    expect(
      (await cli(['labs', 'add', 'potassium', '5.8', 'mmol/L', '--date', '2026-11-20', '--db', db]))
        .code,
    ).toBe(0);
    const after = ids((await cli(['check', '--db', db, '--json'])).stdout);
    expect(after.find((f) => f.id === 'lab-potassium-high')?.severity).toBe('avoid');
  });
});
