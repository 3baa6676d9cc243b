import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../src/core/result.js';
import { SR24_DATASET } from '../src/core/sources.js';
import { makeFood, makeFoodIndex } from '../src/core/test-support/make-food.js';
import type { AccessRecord } from '../src/server/access-log.js';
import { createApp, STATUS_BY_CODE } from '../src/server/index.js';
import { documentedApp } from './support/openapi-responses.js';
import type { AppEnv } from '../src/server/context.js';
import { createPostgresStore, createSqliteStore, type Store } from '../src/store/index.js';

// Real USDA SR24 values (../shared/data/sr24: records 11233, 01009, 15076), per 100 g.
const kale = makeFood({
  id: 'sr24:11233',
  name: 'Kale, raw',
  nutrients: {
    energy: 50,
    protein: 3.3,
    calcium: 135,
    magnesium: 34,
    potassium: 447,
    sodium: 43,
    'vitamin-k1': 817,
  },
  portions: [{ name: 'cup, chopped', amount: 1, grams: 67 }],
});
const cheddar = makeFood({
  id: 'sr24:01009',
  name: 'Cheese, cheddar',
  group: 'Dairy and Egg Products',
  nutrients: {
    energy: 403,
    protein: 24.9,
    calcium: 721,
    magnesium: 28,
    sodium: 621,
    'vitamin-k1': 2.8,
  },
  portions: [{ name: 'slice (1 oz)', amount: 1, grams: 28 }],
});
const salmon = makeFood({
  id: 'sr24:15076',
  name: 'Fish, salmon, Atlantic, wild, raw',
  group: 'Finfish and Shellfish Products',
  nutrients: {
    energy: 142,
    protein: 19.84,
    calcium: 12,
    magnesium: 29,
    potassium: 490,
    sodium: 44,
  },
  portions: [{ name: 'fillet', amount: 0.5, grams: 198 }],
});
const foods = makeFoodIndex([kale, cheddar, salmon]);
const fixedClock = () => new Date('2026-11-25T12:00:00Z');

type App = Hono<AppEnv>;

async function call(app: App, method: string, path: string, body?: unknown) {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  const response = await app.request(path, init);
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json: any = text ? JSON.parse(text) : undefined;
  return { status: response.status, json, headers: response.headers };
}

let store: Store;
let app: App;
beforeEach(async () => {
  store = await createSqliteStore(':memory:');
  app = documentedApp(createApp({ store, foods, clock: fixedClock, log: false }));
});
afterEach(async () => {
  await store.close();
});

describe('health, headers, limits', () => {
  it('answers health with security headers that allow only the app itself', async () => {
    const { status, json, headers } = await call(app, 'GET', '/api/health');
    expect(status).toBe(200);
    expect(json).toEqual({ status: 'ok' });
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses a body over 1 MiB with 413 before reading it', async () => {
    const big = JSON.stringify({
      date: '2026-11-20',
      food: 'x'.repeat(1_100_000),
      amount: 1,
      unit: 'g',
    });
    const { status, json } = await call(app, 'POST', '/api/diary/entries', big);
    expect(status).toBe(413);
    expect(json.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await store.listEntries('local')).toEqual([]);
  });

  it('accepts bodies only as JSON (415 otherwise), so a cross-site text/plain post cannot write', async () => {
    const response = await app.request('/api/diary/entries', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ date: '2026-11-20', food: 'sr24:11233', amount: 1, unit: 'g' }),
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe(
      'content-type',
    );
    expect(await store.listEntries('local')).toEqual([]);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const { status, json } = await call(app, 'GET', '/api/nope');
    expect(status).toBe(404);
    expect(json.error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('writes one JSON access record per request when logging is on', async () => {
    const records: AccessRecord[] = [];
    const logged = documentedApp(
      createApp({ store, foods, clock: fixedClock, log: (r) => records.push(r) }),
    );
    await call(logged, 'GET', '/api/health');
    await call(logged, 'GET', '/api/foods/sr24:99999');
    expect(records.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/api/health', 200],
      ['GET', '/api/foods/sr24:99999', 404],
    ]);
    expect(records[0]?.time).toBe('2026-11-25T12:00:00.000Z');
    expect(typeof records[0]?.ms).toBe('number');
  });
});

describe('error codes → HTTP statuses', () => {
  it('maps every core error code, in one table, to 400/401/403/404/409/422/429 (500 only for the solver)', () => {
    const expected: Record<ErrorCode, number> = {
      INVALID_JSON: 400,
      INVALID_CSV: 400,
      INVALID_INPUT: 400,
      UNKNOWN_FOOD: 404,
      UNKNOWN_NUTRIENT: 404,
      NOT_FOUND: 404,
      CONFLICT: 409,
      INVALID_AMOUNT: 422,
      UNKNOWN_UNIT: 422,
      INVALID_DATE: 422,
      INVALID_DIARY: 422,
      INVALID_PROFILE: 422,
      INVALID_MODEL: 422,
      INVALID_RECIPE: 422,
      INFEASIBLE_PLAN: 422,
      SOLVER_FAILED: 500,
      BUSY: 503,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      RATE_LIMITED: 429,
    };
    expect(STATUS_BY_CODE).toEqual(expected);
  });
});

describe('diary entries', () => {
  const entry = { date: '2026-11-20', food: 'sr24:11233', amount: 2, unit: 'cup, chopped' };

  it('stores an entry: 201 with id, food name and grams (2 cups × 67 g)', async () => {
    const { status, json } = await call(app, 'POST', '/api/diary/entries', entry);
    expect(status).toBe(201);
    expect(json).toMatchObject({ ...entry, name: 'Kale, raw', grams: 134 });
    expect(Number.isInteger(json.id)).toBe(true);
    const diary = await call(app, 'GET', '/api/diary');
    expect(diary.json.days).toEqual([{ date: '2026-11-20', entries: [json] }]);
  });

  it('converts household portions and mass units: half a fillet is 198 g, 3 oz is 85.05 g', async () => {
    const fillet = await call(app, 'POST', '/api/diary/entries', {
      ...entry,
      food: 'sr24:15076',
      amount: 0.5,
      unit: 'Fillet',
    });
    expect(fillet.json.grams).toBeCloseTo(198, 10);
    const oz = await call(app, 'POST', '/api/diary/entries', {
      ...entry,
      food: 'sr24:01009',
      amount: 3,
      unit: 'oz',
    });
    expect(oz.json.grams).toBeCloseTo(85.048569375, 9);
  });

  it.each([
    ['malformed JSON', '{"date": "2026-11-20",', 400, 'INVALID_JSON', undefined],
    [
      'a missing unit',
      { date: '2026-11-20', food: 'sr24:11233', amount: 1 },
      400,
      'INVALID_INPUT',
      'unit',
    ],
    ['an amount given as text', { ...entry, amount: 'two' }, 400, 'INVALID_INPUT', 'amount'],
    ['a date that does not exist', { ...entry, date: '2026-02-30' }, 400, 'INVALID_INPUT', 'date'],
    ['an unknown field', { ...entry, grams: 5 }, 400, 'INVALID_INPUT', undefined],
    ['an unknown food', { ...entry, food: 'sr24:99999' }, 404, 'UNKNOWN_FOOD', 'food'],
    ['a unit the food does not have', { ...entry, unit: 'slice' }, 422, 'UNKNOWN_UNIT', 'unit'],
    ['a negative amount', { ...entry, amount: -1 }, 422, 'INVALID_AMOUNT', 'amount'],
    ['a zero amount', { ...entry, amount: 0 }, 422, 'INVALID_AMOUNT', 'amount'],
    [
      'an absurd amount (6 kg of kale)',
      { ...entry, amount: 6, unit: 'kg' },
      422,
      'INVALID_AMOUNT',
      'amount',
    ],
  ])('refuses %s with %i %s naming the field', async (_label, body, status, code, field) => {
    const response = await call(app, 'POST', '/api/diary/entries', body);
    expect(response.status).toBe(status);
    expect(response.json.error.code).toBe(code);
    if (field) expect(response.json.error.field).toBe(field);
    expect(typeof response.json.error.message).toBe('string');
    expect(await store.listEntries('local')).toEqual([]);
  });

  it('patches an entry, recomputing grams, and refuses invalid changes without storing them', async () => {
    const { json: created } = await call(app, 'POST', '/api/diary/entries', entry);
    const patched = await call(app, 'PATCH', `/api/diary/entries/${created.id}`, { amount: 1.5 });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      id: created.id,
      amount: 1.5,
      unit: 'cup, chopped',
      grams: 100.5,
    });

    const badUnit = await call(app, 'PATCH', `/api/diary/entries/${created.id}`, {
      unit: 'fillet',
    });
    expect(badUnit.status).toBe(422);
    expect(badUnit.json.error).toMatchObject({ code: 'UNKNOWN_UNIT', field: 'unit' });
    expect((await store.getEntry('local', created.id))?.unit).toBe('cup, chopped');

    const switchFood = await call(app, 'PATCH', `/api/diary/entries/${created.id}`, {
      food: 'sr24:15076',
      amount: 1,
      unit: 'fillet',
    });
    expect(switchFood.json).toMatchObject({
      food: 'sr24:15076',
      name: 'Fish, salmon, Atlantic, wild, raw',
      grams: 396,
    });

    expect((await call(app, 'PATCH', `/api/diary/entries/${created.id}`, {})).json.error.code).toBe(
      'INVALID_INPUT',
    );
    const missing = await call(app, 'PATCH', '/api/diary/entries/999999', { amount: 1 });
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const badId = await call(app, 'PATCH', '/api/diary/entries/abc', { amount: 1 });
    expect(badId.status).toBe(400);
    expect(badId.json.error.field).toBe('id');
  });

  it('deletes an entry once: 204, then 404', async () => {
    const { json: created } = await call(app, 'POST', '/api/diary/entries', entry);
    expect((await call(app, 'DELETE', `/api/diary/entries/${created.id}`)).status).toBe(204);
    expect((await call(app, 'DELETE', `/api/diary/entries/${created.id}`)).status).toBe(404);
    expect((await call(app, 'GET', '/api/diary')).json.days).toEqual([]);
  });

  it('copies a day to another date in one go, and 404s an empty day', async () => {
    await call(app, 'POST', '/api/diary/entries', entry);
    await call(app, 'POST', '/api/diary/entries', {
      ...entry,
      food: 'sr24:01009',
      amount: 1,
      unit: 'slice (1 oz)',
    });
    const { status, json } = await call(app, 'POST', '/api/diary/copy', {
      from: '2026-11-20',
      to: '2026-11-22',
    });
    expect(status).toBe(201);
    expect(
      json.entries.map((e: { date: string; food: string; grams: number }) => [
        e.date,
        e.food,
        e.grams,
      ]),
    ).toEqual([
      ['2026-11-22', 'sr24:11233', 134],
      ['2026-11-22', 'sr24:01009', 28],
    ]);
    const empty = await call(app, 'POST', '/api/diary/copy', {
      from: '2026-11-01',
      to: '2026-11-22',
    });
    expect(empty.status).toBe(404);
    expect(empty.json.error.field).toBe('from');
    expect((await store.listEntries('local')).length).toBe(4);
  });

  it('lists a date range, inclusive, grouped by day', async () => {
    for (const date of ['2026-11-19', '2026-11-20', '2026-11-21']) {
      await call(app, 'POST', '/api/diary/entries', { ...entry, date });
    }
    const { json } = await call(app, 'GET', '/api/diary?from=2026-11-20&to=2026-11-21');
    expect(json.days.map((d: { date: string }) => d.date)).toEqual(['2026-11-20', '2026-11-21']);
    const reversed = await call(app, 'GET', '/api/diary?from=2026-11-21&to=2026-11-20');
    expect(reversed.status).toBe(400);
    expect(reversed.json.error.field).toBe('from');
    expect((await call(app, 'GET', '/api/diary?from=yesterday')).json.error.field).toBe('from');
  });
});

describe('persistence', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('keeps what one app instance stored for the next one on the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calcwise-api-'));
    dirs.push(dir);
    const file = join(dir, 'calcwise.db');
    const first = await createSqliteStore(file);
    const app1 = documentedApp(createApp({ store: first, foods, log: false }));
    const { json: created } = await call(app1, 'POST', '/api/diary/entries', {
      date: '2026-11-20',
      food: 'sr24:01009',
      amount: 1,
      unit: 'slice (1 oz)',
    });
    await first.close();

    const second = await createSqliteStore(file);
    const app2 = documentedApp(createApp({ store: second, foods, log: false }));
    const { json } = await call(app2, 'GET', '/api/diary');
    expect(json.days).toEqual([{ date: '2026-11-20', entries: [created] }]);
    await second.close();
  });
});

describe('foods', () => {
  it('shows a food with units, sources and derived vitamin K; unknown is absent', async () => {
    const { status, json } = await call(app, 'GET', '/api/foods/sr24:11233');
    expect(status).toBe(200);
    expect(json.nutrients['vitamin-k1']).toMatchObject({
      per100g: 817,
      unit: 'µg',
      source: { kind: 'dataset', dataset: SR24_DATASET, record: '11233' },
    });
    expect(json.nutrients['vitamin-k1'].source.record).toBe('11233');
    // K2 is unknown for kale here, so total K is K1 alone and marked partial.
    expect(json.nutrients['vitamin-k2']).toBeUndefined();
    expect(json.nutrients['vitamin-k']).toMatchObject({ per100g: 817, unit: 'µg', partial: true });
    expect(json.nutrients['vitamin-d']).toBeUndefined();
    expect(json.portions).toEqual([{ name: 'cup, chopped', amount: 1, grams: 67 }]);
  });

  it('answers an unknown food id with 404 UNKNOWN_FOOD', async () => {
    const { status, json } = await call(app, 'GET', '/api/foods/sr24:99999');
    expect(status).toBe(404);
    expect(json.error).toMatchObject({ code: 'UNKNOWN_FOOD', field: 'id' });
  });

  it('searches by name and validates the limit', async () => {
    const { json } = await call(app, 'GET', '/api/foods?q=salmon&limit=5');
    expect(json.results[0]).toMatchObject({
      id: 'sr24:15076',
      name: 'Fish, salmon, Atlantic, wild, raw',
    });
    const bad = await call(app, 'GET', '/api/foods?q=kale&limit=0');
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('limit');
  });

  it('reports the total and pages across custom and bundled foods', async () => {
    await call(app, 'POST', '/api/foods/custom', {
      slug: 'kale-soup',
      name: 'Kale soup, home recipe',
      nutrients: { 'vitamin-k1': 120 },
    });
    const all = await call(app, 'GET', '/api/foods?q=kale');
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({ query: 'kale', total: 2, offset: 0, limit: 10 });
    expect(all.json.results.map((r: { id: string }) => r.id)).toEqual([
      'custom:kale-soup',
      'sr24:11233',
    ]);
    const first = await call(app, 'GET', '/api/foods?q=kale&limit=1');
    expect(first.json.total).toBe(2);
    expect(first.json.results.map((r: { id: string }) => r.id)).toEqual(['custom:kale-soup']);
    const second = await call(app, 'GET', '/api/foods?q=kale&limit=1&offset=1');
    expect(second.json).toMatchObject({ total: 2, offset: 1 });
    expect(second.json.results.map((r: { id: string }) => r.id)).toEqual(['sr24:11233']);
    expect((await call(app, 'GET', '/api/foods?q=kale&offset=2')).json.results).toEqual([]);
    expect((await call(app, 'GET', '/api/foods?q=kale&offset=-1')).json.error.field).toBe('offset');
    const badGroup = await call(app, 'GET', '/api/foods?q=kale&group=no%20such%20group');
    expect(badGroup.json.error).toMatchObject({ code: 'INVALID_INPUT', field: 'group' });
  });

  it('answers "greek yogurt" with an own strained yogurt first, and notes SR24 lacks it otherwise', async () => {
    const before = await call(app, 'GET', '/api/foods?q=greek%20yogurt');
    expect(before.status).toBe(200);
    expect(before.json.note).toMatch(/no Greek \(strained\) yogurt/);
    await call(app, 'POST', '/api/foods/custom', {
      slug: 'greek-yogurt',
      name: 'Yogurt, Greek, plain, whole milk',
      nutrients: { protein: 9, calcium: 100 },
    });
    const after = await call(app, 'GET', '/api/foods?q=greek%20yogurt');
    expect(after.json.results[0]).toMatchObject({ id: 'custom:greek-yogurt' });
    expect(after.json.note).toBeUndefined();
  });

  it('ranks foods by a nutrient, and refuses an unknown nutrient with 404', async () => {
    const { json } = await call(app, 'GET', '/api/foods/top/calcium?limit=2');
    expect(json.results.map((r: { id: string }) => r.id)).toEqual(['sr24:01009', 'sr24:11233']);
    expect(json.results[0]).toMatchObject({ amount: 721, unit: 'mg' });
    const unknown = await call(app, 'GET', '/api/foods/top/vitamin-z');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({ code: 'UNKNOWN_NUTRIENT', field: 'nutrient' });
    expect((await call(app, 'GET', '/api/foods/top/calcium?per=cup')).json.error.field).toBe('per');
  });

  it('adds custom foods (409 on a duplicate), finds them, and logs them in the diary', async () => {
    const soup = {
      slug: 'kale-soup',
      name: 'Kale soup, home recipe',
      nutrients: { 'vitamin-k1': 120, calcium: 40 },
      portions: [{ name: 'bowl', amount: 1, grams: 300 }],
    };
    const created = await call(app, 'POST', '/api/foods/custom', soup);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: 'custom:kale-soup', group: 'Custom foods' });
    expect(created.json.nutrients['vitamin-k1']).toMatchObject({
      per100g: 120,
      unit: 'µg',
      source: { kind: 'user' },
    });
    const again = await call(app, 'POST', '/api/foods/custom', soup);
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: 'CONFLICT', field: 'id' });
    const badNutrient = await call(app, 'POST', '/api/foods/custom', {
      ...soup,
      slug: 'x',
      nutrients: { 'vitamin-z': 1 },
    });
    expect(badNutrient.status).toBe(400);
    expect(badNutrient.json.error.field).toMatch(/^nutrients/);

    expect((await call(app, 'GET', '/api/foods?q=soup')).json.results[0].id).toBe(
      'custom:kale-soup',
    );
    expect((await call(app, 'GET', '/api/foods/custom:kale-soup')).json.name).toBe(
      'Kale soup, home recipe',
    );
    const logged = await call(app, 'POST', '/api/diary/entries', {
      date: '2026-11-20',
      food: 'custom:kale-soup',
      amount: 1,
      unit: 'bowl',
    });
    expect(logged.status).toBe(201);
    expect(logged.json.grams).toBe(300);
    expect((await call(app, 'DELETE', '/api/foods/custom/custom:kale-soup')).status).toBe(204);
    // The entry stays; its food no longer resolves, so grams are unknown rather than made up.
    const [day] = (await call(app, 'GET', '/api/diary')).json.days;
    expect(day.entries[0].grams).toBeUndefined();
  });
});

describe('analysis without a profile', () => {
  it('sums the stored entries per day and averages over days (hand-computed from SR24)', async () => {
    // Day 1: 2 cups kale = 134 g → K1 817 × 1.34 = 1094.78 µg; calcium 135 × 1.34 = 180.9 mg.
    // Day 2: 2 slices cheddar = 56 g → K1 2.8 × 0.56 = 1.568 µg; calcium 721 × 0.56 = 403.76 mg.
    await call(app, 'POST', '/api/diary/entries', {
      date: '2026-11-20',
      food: 'sr24:11233',
      amount: 2,
      unit: 'cup, chopped',
    });
    await call(app, 'POST', '/api/diary/entries', {
      date: '2026-11-21',
      food: 'sr24:01009',
      amount: 2,
      unit: 'slice (1 oz)',
    });
    const { status, json } = await call(app, 'GET', '/api/analysis');
    expect(status).toBe(200);
    expect(json.days.map((d: { date: string }) => d.date)).toEqual(['2026-11-20', '2026-11-21']);
    expect(json.days[0].totals['vitamin-k1'].amount).toBeCloseTo(1094.78, 6);
    expect(json.days[1].totals.calcium.amount).toBeCloseTo(403.76, 6);
    expect(json.average['vitamin-k1'].amount).toBeCloseTo((1094.78 + 1.568) / 2, 6);
    expect(json.average.calcium).toMatchObject({ unit: 'mg', coverage: 1 });
    expect(json.average.calcium.amount).toBeCloseTo((180.9 + 403.76) / 2, 6);
    // Salmon-free diary: vitamin D is unknown for both foods, so it is absent, not 0.
    expect(json.average['vitamin-d']).toBeUndefined();
    expect(json.targets).toBeUndefined();

    const oneDay = await call(app, 'GET', '/api/analysis?from=2026-11-21&to=2026-11-21');
    expect(oneDay.json.average.calcium.amount).toBeCloseTo(403.76, 6);
  });

  it('analyses an empty diary as no days, not as zeros', async () => {
    const { status, json } = await call(app, 'GET', '/api/analysis');
    expect(status).toBe(200);
    expect(json).toEqual({ days: [], average: {}, contributors: {} });
  });

  it('asks for a profile before targets and findings', async () => {
    for (const path of ['/api/targets', '/api/findings']) {
      const { status, json } = await call(app, 'GET', path);
      expect(status).toBe(404);
      expect(json.error).toMatchObject({ code: 'NOT_FOUND', field: 'profile' });
    }
    expect((await call(app, 'GET', '/api/profile')).status).toBe(404);
  });
});

describe('saved plans', () => {
  // A plan as the planner returns it (issue 5 contract: days[].items[] with foodId and grams).
  const planDays = {
    status: 'optimal',
    days: [
      {
        items: [
          {
            foodId: 'sr24:11233',
            name: 'Kale, raw',
            grams: 67,
            portion: '1 cup, chopped',
            meal: 'lunch',
          },
        ],
      },
      {
        items: [
          {
            foodId: 'sr24:15076',
            name: 'Fish, salmon, Atlantic, wild, raw',
            grams: 198,
            portion: '0.5 fillet',
            meal: 'dinner',
          },
          {
            foodId: 'sr24:01009',
            name: 'Cheese, cheddar',
            grams: 28,
            portion: '1 slice (1 oz)',
            meal: 'snack',
          },
        ],
      },
    ],
    unmet: [],
  };
  // Every field the planner's result has (src/core/plan/types.ts PlanResult), day by day.
  const planResult = {
    ...planDays,
    days: planDays.days.map((day, i) => ({
      day: i + 1,
      meals: Object.fromEntries(day.items.map((item) => [item.meal, [item]])),
      items: day.items,
      totals: {},
    })),
    supplements: [],
    explanation: { foods: [], binding: [], short: [], limits: [], candidates: 3 },
    solve: { nodes: 1, iterations: 12, candidates: 3, cols: 3, rows: 10 },
    disclaimer: 'calcwise informs; it does not diagnose.',
  };

  it('returns a saved plan with its id, and 404 for an unknown one', async () => {
    const saved = await store.savePlan('local', { request: { days: 2 }, result: planResult });
    const { status, json } = await call(app, 'GET', `/api/plans/${saved.id}`);
    expect(status).toBe(200);
    expect(json).toMatchObject({ ...planResult, id: saved.id, request: { days: 2 } });
    expect((await call(app, 'GET', '/api/plans/nope')).status).toBe(404);
  });

  it('lists saved plans newest first', async () => {
    let t = Date.parse('2026-11-25T08:00:00Z');
    const timed = await createSqliteStore(':memory:', { now: () => new Date((t += 1000)) });
    const timedApp = documentedApp(createApp({ store: timed, foods, log: false }));
    const first = await timed.savePlan('local', { request: { days: 2 }, result: planResult });
    const second = await timed.savePlan('local', {
      request: { days: 1 },
      result: { status: 'optimal', days: [planResult.days[0]] },
    });
    const { json } = await call(timedApp, 'GET', '/api/plans');
    expect(json.plans.map((p: { id: string; days: number }) => [p.id, p.days])).toEqual([
      [second.id, 1],
      [first.id, 2],
    ]);
    await timed.close();
  });

  it('applies a plan to the diary: day 1 on the start date, day 2 on the next, in grams', async () => {
    const saved = await store.savePlan('local', { request: { days: 2 }, result: planResult });
    const { status, json } = await call(app, 'POST', `/api/plans/${saved.id}/apply`, {
      startDate: '2026-11-30',
    });
    expect(status).toBe(201);
    expect(
      json.entries.map((e: { date: string; food: string; grams: number }) => [
        e.date,
        e.food,
        e.grams,
      ]),
    ).toEqual([
      ['2026-11-30', 'sr24:11233', 67],
      ['2026-12-01', 'sr24:15076', 198],
      ['2026-12-01', 'sr24:01009', 28],
    ]);
    const diary = await call(app, 'GET', '/api/diary?from=2026-11-30');
    expect(diary.json.days.map((d: { date: string }) => d.date)).toEqual([
      '2026-11-30',
      '2026-12-01',
    ]);
  });

  it('applies on today (the clock’s date) by default', async () => {
    const saved = await store.savePlan('local', {
      request: { days: 1 },
      result: { ...planResult, days: [planResult.days[0]] },
    });
    const { json } = await call(app, 'POST', `/api/plans/${saved.id}/apply`, {});
    // Noon UTC on 25 November is 25 November in every time zone from UTC−11 to UTC+11.
    expect(json.startDate).toBe('2026-11-25');
    expect(json.entries[0].date).toBe(json.startDate);
  });

  it('applies a close-my-gaps plan on its own date, adding only what the plan added', async () => {
    const gaps = {
      status: 'optimal',
      days: [
        {
          date: '2026-11-20',
          items: [
            {
              foodId: 'sr24:01009',
              name: 'Cheese, cheddar',
              grams: 28,
              portion: '1 slice (1 oz)',
              meal: 'logged',
              change: 'logged',
            },
            {
              foodId: 'sr24:11233',
              name: 'Kale, raw',
              grams: 67,
              portion: '1 cup, chopped',
              meal: 'dinner',
              change: 'added',
            },
          ],
        },
      ],
    };
    const saved = await store.savePlan('local', {
      request: { days: 1, base: '2026-11-20' },
      result: gaps,
    });
    const { status, json } = await call(app, 'POST', `/api/plans/${saved.id}/apply`, {});
    expect(status).toBe(201);
    expect(json.startDate).toBe('2026-11-20');
    expect(json.entries.map((e: { date: string; food: string }) => [e.date, e.food])).toEqual([
      ['2026-11-20', 'sr24:11233'],
    ]);
  });

  it('adds nothing when one item no longer resolves (all or none)', async () => {
    const broken = {
      ...planResult,
      days: [
        {
          items: [...planResult.days[1]!.items, { foodId: 'sr24:99999', name: 'Gone', grams: 10 }],
        },
      ],
    };
    const saved = await store.savePlan('local', { request: { days: 1 }, result: broken });
    const { status, json } = await call(app, 'POST', `/api/plans/${saved.id}/apply`, {
      startDate: '2026-11-30',
    });
    expect(status).toBe(404);
    expect(json.error).toMatchObject({ code: 'UNKNOWN_FOOD', field: 'food' });
    expect(await store.listEntries('local')).toEqual([]);
  });
});

describe('profile, targets and findings', () => {
  // examples/profile-warfarin-ckd3b-72m.json: the worked example of issue 3.
  const profile = {
    age: 72,
    sex: 'male',
    lifeStage: 'none',
    smoker: false,
    weightKg: 78,
    heightCm: 174,
    activity: 'light',
    conditions: ['ckd-3b'],
    medications: ['warfarin', 'ramipril', 'omeprazole'],
    supplements: [
      { nutrient: 'vitamin-d', amount: 2000, unit: 'IU' },
      { nutrient: 'mk7', amount: 100, unit: 'µg' },
    ],
    pattern: 'omnivore',
    exclude: [],
    dislikes: [],
    targets: {},
  };

  it('stores the profile as entered (IU stays IU) and returns it', async () => {
    const put = await call(app, 'PUT', '/api/profile', profile);
    expect(put.status).toBe(200);
    expect(put.json).toEqual(profile);
    expect((await call(app, 'GET', '/api/profile')).json).toEqual(profile);
    const older = await call(app, 'PUT', '/api/profile', { ...profile, age: 73 });
    expect(older.json.age).toBe(73);
    expect((await call(app, 'GET', '/api/profile')).json.age).toBe(73);
  });

  it('stores a profile sent without supplements or exclude with its defaults applied', async () => {
    const put = await call(app, 'PUT', '/api/profile', { age: 60, sex: 'female' });
    expect(put.status).toBe(200);
    const normalized = {
      age: 60,
      sex: 'female',
      lifeStage: 'none',
      smoker: false,
      conditions: [],
      medications: [],
      supplements: [],
      pattern: 'omnivore',
      exclude: [],
      dislikes: [],
      targets: {},
    };
    expect(put.json).toEqual(normalized);
    expect((await store.getProfile('local'))?.profile).toEqual(normalized);
    expect((await call(app, 'GET', '/api/profile')).json).toEqual(normalized);
    // Names are trimmed and lower-cased as the CLI reads them; IU stay IU.
    await call(app, 'PUT', '/api/profile', {
      age: 60,
      sex: 'female',
      medications: ['  Warfarin '],
      supplements: [{ nutrient: 'vitamin-d', amount: 1000, unit: 'IU' }],
    });
    expect((await store.getProfile('local'))?.profile).toMatchObject({
      medications: ['warfarin'],
      supplements: [{ nutrient: 'vitamin-d', amount: 1000, unit: 'IU' }],
      exclude: [],
    });
  });

  it('reads a partial profile stored before normalisation with its defaults', async () => {
    await store.putProfile('local', { age: 60, sex: 'female' });
    const { status, json } = await call(app, 'GET', '/api/profile');
    expect(status).toBe(200);
    expect(json).toMatchObject({ supplements: [], exclude: [], conditions: [] });
    expect((await call(app, 'GET', '/api/targets')).status).toBe(200);
  });

  it('refuses an impossible profile with 422 naming the field, and keeps the old one', async () => {
    await call(app, 'PUT', '/api/profile', profile);
    const negative = await call(app, 'PUT', '/api/profile', { ...profile, age: -5 });
    expect(negative.status).toBe(422);
    expect(negative.json.error).toMatchObject({ code: 'INVALID_PROFILE', field: 'age' });
    const pregnantMale = await call(app, 'PUT', '/api/profile', {
      ...profile,
      lifeStage: 'pregnant',
    });
    expect(pregnantMale.status).toBe(422);
    expect(pregnantMale.json.error.code).toBe('INVALID_PROFILE');
    expect((await call(app, 'GET', '/api/profile')).json.age).toBe(72);
    const notAnObject = await call(app, 'PUT', '/api/profile', [1, 2]);
    expect(notAnObject.status).toBe(400);
    expect((await call(app, 'PUT', '/api/profile', '{"age":')).json.error.code).toBe(
      'INVALID_JSON',
    );
  });

  it('computes targets for the stored profile (vitamin D RDA 20 µg over 70, NASEM 2011)', async () => {
    await call(app, 'PUT', '/api/profile', profile);
    const { status, json } = await call(app, 'GET', '/api/targets');
    expect(status).toBe(200);
    expect(json.energyKcal).toBeGreaterThan(1000);
    const vitaminD = json.targets.find(
      (t: { nutrient: string; kind: string }) => t.nutrient === 'vitamin-d' && t.kind === 'RDA',
    );
    expect(vitaminD).toMatchObject({ value: 20, unit: 'µg', bound: 'min' });
    expect((await call(app, 'GET', '/api/targets?authority=who')).json.error.field).toBe(
      'authority',
    );
  });

  it('assesses the analysis against the targets once a profile exists (calcium RDA 1200 mg at 72)', async () => {
    await call(app, 'PUT', '/api/profile', profile);
    // 2 cups kale = 134 g → calcium 135 × 1.34 = 180.9 mg → 15.1 % of 1200 mg.
    await call(app, 'POST', '/api/diary/entries', {
      date: '2026-11-20',
      food: 'sr24:11233',
      amount: 2,
      unit: 'cup, chopped',
    });
    const { status, json } = await call(app, 'GET', '/api/analysis');
    expect(status).toBe(200);
    expect(json.average.calcium).toMatchObject({ target: 1200, targetKind: 'RDA' });
    expect(json.average.calcium.amount).toBeCloseTo(180.9, 6);
    expect(json.average.calcium.percent).toBeCloseTo(15.1, 1);
    expect(json.targets.targets.length).toBeGreaterThan(10);
    expect(json.balance).toBeTypeOf('object');
    expect(Object.keys(json.balance).length).toBeGreaterThan(0);
  });

  it('screens the stored profile: warfarin gives a cited vitamin K finding', async () => {
    await call(app, 'PUT', '/api/profile', profile);
    await call(app, 'POST', '/api/diary/entries', {
      date: '2026-11-20',
      food: 'sr24:11233',
      amount: 1,
      unit: 'cup, chopped',
    });
    const { status, json } = await call(app, 'GET', '/api/findings');
    expect(status).toBe(200);
    const ids = json.findings.map((f: { id: string }) => f.id);
    expect(ids).toContain('vka-vitamin-k-consistency');
    expect(ids).toContain('vka-mk7-supplement');
    for (const finding of json.findings) expect(finding.sources.length).toBeGreaterThan(0);
  });
});

// The API on PostgreSQL, end to end through the routes: the store contract suite covers the
// rest (test/store.test.ts). Fails in CI when PostgreSQL is unreachable; elsewhere it says so.
const pgUrl = process.env.CALCWISE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `calcwise_api_${randomBytes(6).toString('hex')}`;

async function reachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
const problem = await reachable();

const pgFoods = makeFoodIndex([
  makeFood({
    id: 'sr24:11233',
    name: 'Kale, raw',
    nutrients: { 'vitamin-k1': 817 },
    portions: [{ name: 'cup, chopped', amount: 1, grams: 67 }],
  }),
]);

if (!problem || process.env.CI)
  describe('API on PostgreSQL', () => {
    afterAll(async () => {
      if (problem) return;
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    });

    it('logs, edits, analyses and deletes an entry', async () => {
      expect(problem, `PostgreSQL at ${pgUrl} must be reachable in CI`).toBeUndefined();
      const pgStore = await createPostgresStore(pgUrl, { schema });
      const app = documentedApp(createApp({ store: pgStore, foods: pgFoods, log: false }));
      const post = await app.request('/api/diary/entries', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          date: '2026-11-20',
          food: 'sr24:11233',
          amount: 1,
          unit: 'cup, chopped',
        }),
      });
      expect(post.status).toBe(201);
      const created = (await post.json()) as { id: number; grams: number };
      expect(created.grams).toBe(67);
      const patch = await app.request(`/api/diary/entries/${created.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ amount: 2 }),
      });
      expect(((await patch.json()) as { grams: number }).grams).toBe(134);
      const analysis = (await (await app.request('/api/analysis')).json()) as {
        average: Record<string, { amount: number }>;
      };
      // 134 g × 817 µg / 100 g = 1094.78 µg
      expect(analysis.average['vitamin-k1']?.amount).toBeCloseTo(1094.78, 6);
      expect(
        (await app.request(`/api/diary/entries/${created.id}`, { method: 'DELETE' })).status,
      ).toBe(204);
      await store.close();
    });
  });

if (problem && !process.env.CI) {
  console.warn(
    `PostgreSQL at ${pgUrl} unreachable (${problem}); the PostgreSQL API test runs only where it is.`,
  );
}
