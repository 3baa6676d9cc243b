import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../src/app/report.js';
import { makeFood, makeFoodIndex } from '../src/core/test-support/make-food.js';
import { createApp } from '../src/server/index.js';
import { cliIn } from './support/cli-in-process.js';
import { documentedApp } from './support/openapi-responses.js';
import { dropTestSchemas, testStores } from './support/test-stores.js';

const dir = mkdtempSync(join(tmpdir(), 'calcwise-supplement-days-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropTestSchemas();
});

const kale = makeFood({
  id: 'sr24:11233',
  name: 'Kale, raw',
  nutrients: { energy: 49, 'vitamin-k1': 390, 'vitamin-d': 0, calcium: 150 },
});
const foods = makeFoodIndex([kale]);
const dates = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'];

/** A JSON request to an in-process app. */
function jsonRequest(app: {
  request: (path: string, init: RequestInit) => Response | Promise<Response>;
}) {
  return (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
}

type Finding = { id: string; trigger: string; message: string };

for (const [name, open] of await testStores('calcwise_supplement_days')) {
  describe(`supplement days on ${name}`, () => {
    it('PUT converts and replaces, GET lists every date of a range with its source, DELETE restores the regimen', async () => {
      const store = await open();
      const app = documentedApp(createApp({ store, foods, log: false }));
      const json = jsonRequest(app);
      expect(
        (
          await json('PUT', '/api/profile', {
            age: 66,
            sex: 'female',
            supplements: [{ nutrient: 'vitamin-d', amount: 1000, unit: 'IU' }],
          })
        ).status,
      ).toBe(200);

      const put = await json('PUT', '/api/supplements/2026-11-02', {
        supplements: [{ nutrient: 'vitamin-d', amount: 2000, unit: 'IU' }],
      });
      expect(put.status, await put.clone().text()).toBe(200);
      expect(await put.json()).toMatchObject({
        date: '2026-11-02',
        source: 'logged',
        supplements: [{ nutrient: 'vitamin-d', amount: 50, unit: 'µg', entered: '2000 IU' }],
      });
      // Replaces the day's list: nothing taken on the 2nd after all.
      expect((await json('PUT', '/api/supplements/2026-11-02', { supplements: [] })).status).toBe(
        200,
      );

      const listed = (await (
        await app.request('/api/supplements?from=2026-11-01&to=2026-11-03')
      ).json()) as {
        regimen: { amount: number }[];
        days: { date: string; source: string; supplements: unknown[] }[];
      };
      expect(listed.regimen).toMatchObject([{ nutrient: 'vitamin-d', amount: 25 }]);
      expect(listed.days.map((day) => [day.date, day.source, day.supplements.length])).toEqual([
        ['2026-11-01', 'profile', 1],
        ['2026-11-02', 'logged', 0],
        ['2026-11-03', 'profile', 1],
      ]);

      for (const [path, body, status, field] of [
        [
          '/api/supplements/2026-11-05',
          { supplements: [{ nutrient: 'vitamin-q', amount: 1, unit: 'mg' }] },
          400,
          'supplements[0].nutrient',
        ],
        [
          '/api/supplements/2026-11-05',
          { supplements: [{ nutrient: 'magnesium', amount: 1, unit: 'IU' }] },
          422,
          'supplements[0].unit',
        ],
        [
          '/api/supplements/2026-11-05',
          { supplements: [{ nutrient: 'vitamin-d', amount: 40, unit: 'g' }] },
          422,
          'supplements[0].amount',
        ],
        [
          '/api/supplements/2026-11-05',
          { supplements: [{ nutrient: 'vitamin-d', amount: '5', unit: 'µg' }] },
          400,
          'supplements[0].amount',
        ],
        ['/api/supplements/2026-11-05', { supplements: [], extra: 1 }, 400, undefined],
        ['/api/supplements/2026-02-30', { supplements: [] }, 422, 'date'],
      ] as const) {
        const response = await json('PUT', path, body);
        expect(response.status, JSON.stringify(body)).toBe(status);
        const error = ((await response.json()) as { error: { field?: string } }).error;
        if (field) expect(error.field, JSON.stringify(body)).toBe(field);
      }
      // Nothing of the refused writes was stored.
      expect((await store.listSupplementDays('local')).map((day) => day.date)).toEqual([
        '2026-11-02',
      ]);
      expect((await app.request('/api/supplements?from=2026-11-03&to=2026-11-01')).status).toBe(
        400,
      );
      expect((await app.request('/api/supplements?from=2025-01-01&to=2026-11-01')).status).toBe(
        400,
      );

      expect((await json('DELETE', '/api/supplements/2026-11-02')).status).toBe(204);
      expect((await json('DELETE', '/api/supplements/2026-11-02')).status).toBe(404);
      expect(await store.listSupplementDays('local')).toEqual([]);
      await store.close();
    });

    it('one logged MK-7 capsule screens a warfarin user; one large vitamin D day is over the UL while the average is not', async () => {
      const store = await open();
      const app = createApp({ store, foods, log: false });
      const json = jsonRequest(app);
      expect(
        (
          await json('PUT', '/api/profile', {
            age: 72,
            sex: 'male',
            medications: ['Coumadin'],
            supplements: [{ nutrient: 'vitamin-d', amount: 25, unit: 'µg' }],
          })
        ).status,
      ).toBe(200);
      for (const date of dates) {
        const entry = await json('POST', '/api/diary/entries', {
          date,
          food: 'sr24:11233',
          amount: 30,
          unit: 'g',
        });
        expect(entry.status).toBe(201);
      }
      const findings = async () =>
        ((await (await app.request('/api/findings')).json()) as { findings: Finding[] }).findings;
      expect((await findings()).map((f) => f.id)).not.toContain('vka-mk7-supplement');

      await json('PUT', '/api/supplements/2026-11-03', {
        supplements: [
          { nutrient: 'vitamin-d', amount: 10000, unit: 'IU' },
          { nutrient: 'mk7', amount: 90, unit: 'µg' },
        ],
      });
      const screened = await findings();
      const mk7 = screened.find((f) => f.id === 'vka-mk7-supplement');
      expect(mk7?.message).toMatch(/You list 90 µg\/day/);
      const ul = screened.find((f) => f.id === 'upper-limit-vitamin-d');
      expect(ul?.message).toMatch(
        /250 µg\/day \(entered as 250 µg on 2026-11-03, the highest day\)/,
      );

      // Adequacy reads the average: (3 × 25 + 250) / 4 µg from supplements.
      const analysis = (await (await app.request('/api/analysis')).json()) as {
        average: Record<string, { supplement: number; overLimit?: boolean }>;
      };
      expect(analysis.average['vitamin-d']?.supplement).toBe(81.25);
      expect(analysis.average['vitamin-d']?.overLimit).toBe(false);

      // The report names the logged days beside the regimen.
      const report = await buildReport(
        { store, foods, clock: () => new Date('2026-11-05T12:00:00Z') },
        { owner: 'local' },
      );
      if (!report.ok) throw new Error(report.error.message);
      const taken = report.value.profile?.find((row) => row.label === 'Supplements taken');
      expect(taken?.value).toMatch(/logged on 1 of 4 days/);
      expect(taken?.value).toMatch(/81\.25 µg a day on average, up to 250 µg/);
      expect(JSON.stringify(report.value.findings)).toMatch(/MK-7/);

      // Cleared, the regimen stands again and so do its findings.
      expect((await json('DELETE', '/api/supplements/2026-11-03')).status).toBe(204);
      const ids = (await findings()).map((f) => f.id);
      expect(ids).not.toContain('vka-mk7-supplement');
      expect(ids).not.toContain('upper-limit-vitamin-d');
      await store.close();
    });

    it('is exported, restored into an empty store and counted for erasing', async () => {
      const store = await open();
      const app = createApp({ store, foods, log: false });
      await app.request('/api/supplements/2026-11-01', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ supplements: [{ nutrient: 'magnesium', amount: 250, unit: 'mg' }] }),
      });
      const exported = (await (await app.request('/api/export')).json()) as {
        version: number;
        supplementDays: unknown[];
      };
      expect(exported.version).toBe(4);
      expect(exported.supplementDays).toMatchObject([
        { date: '2026-11-01', supplements: [{ nutrient: 'magnesium', amount: 250, unit: 'mg' }] },
      ]);
      const summary = (await (await app.request('/api/data')).json()) as {
        counts: Record<string, number>;
      };
      expect(summary.counts.supplementDays).toBe(1);
      const other = await open();
      const restored = await createApp({ store: other, foods, log: false }).request('/api/import', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(exported),
      });
      expect(restored.status, await restored.clone().text()).toBe(201);
      expect(await other.dumpOwner('local')).toEqual(await store.dumpOwner('local'));
      await store.close();
      await other.close();
    });
  });
}

describe('calcwise supplements log|list|clear', () => {
  const cli = (args: string[]) => cliIn(dir, args);

  it('logs a day, lists it beside the regimen, feeds check --db, refuses bad items with exit 2', async () => {
    const db = join(dir, 'cli.db');
    const logged = await cli([
      'supplements',
      'log',
      '2026-11-20',
      'vitamin-d=1000IU',
      'mk7=90µg',
      '--db',
      db,
    ]);
    expect(logged).toMatchObject({ code: 0 });
    expect(logged.stdout).toMatch(
      /logged supplements on 2026-11-20: vitamin-d 25\.0 µg \(1000 IU\), mk7 90\.0 µg/,
    );
    const none = await cli(['supplements', 'log', '2026-11-21', 'none', '--db', db]);
    expect(none.stdout).toMatch(/2026-11-21: none/);

    const listed = await cli([
      'supplements',
      'list',
      '--from',
      '2026-11-20',
      '--to',
      '2026-11-22',
      '--db',
      db,
      '--json',
    ]);
    expect(JSON.parse(listed.stdout).days.map((d: { source: string }) => d.source)).toEqual([
      'logged',
      'logged',
      'profile',
    ]);

    for (const [args, field] of [
      [['supplements', 'log', '2026-11-22', 'vitamin-d1000IU'], 'supplements[0]'],
      [['supplements', 'log', '2026-11-22', 'zinc=10IU'], 'supplements[0].unit'],
      [['supplements', 'log', '2026-13-01', 'none'], 'date'],
      [['supplements', 'log', '2026-11-22'], 'supplements'],
      [['supplements', 'clear', '2026-11-23'], 'date'],
    ] as const) {
      const result = await cli([...args, '--db', db]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(
        new RegExp(`field "${field.replace(/[[\]]/g, '\\$&')}"`),
      );
    }

    // The stored day reaches the check: a warfarin profile with a diary on that date.
    const profile = join(dir, 'warfarin.json');
    writeFileSync(profile, JSON.stringify({ age: 70, sex: 'female', medications: ['warfarin'] }));
    expect(
      (await cli(['diary', 'add', '2026-11-20', 'sr24:11233', '30', 'g', '--db', db])).code,
    ).toBe(0);
    const checked = await cli(['check', '--profile', profile, '--db', db, '--json']);
    expect(checked.code, checked.stderr).toBe(0);
    const ids = (JSON.parse(checked.stdout) as { findings: Finding[] }).findings.map((f) => f.id);
    expect(ids).toContain('vka-mk7-supplement');

    expect((await cli(['supplements', 'clear', '2026-11-20', '--db', db])).stdout).toMatch(
      /cleared 2026-11-20/,
    );
    const after = await cli(['check', '--profile', profile, '--db', db, '--json']);
    expect(
      (JSON.parse(after.stdout) as { findings: Finding[] }).findings.map((f) => f.id),
    ).not.toContain('vka-mk7-supplement');
  });
});
