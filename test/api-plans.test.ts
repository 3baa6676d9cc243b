import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFoodIndex } from '../src/data/load-foods.js';
import type { AppEnv } from '../src/server/context.js';
import { createApp } from '../src/server/index.js';
import { documentedApp } from './support/openapi-responses.js';
import { createSqliteStore, type Store } from '../src/store/index.js';

// Plans need the bundled foods and pantry, and run HiGHS: one store and app for the file.
const foods = loadFoodIndex();
let store: Store;
let app: Hono<AppEnv>;
beforeAll(async () => {
  store = await createSqliteStore(':memory:');
  // A long wait: every POST here answers when its plan is done (201 or 422), as a job would end.
  app = documentedApp(
    createApp({
      store,
      foods,
      log: false,
      clock: () => new Date('2026-11-25T12:00:00Z'),
      plans: { waitMs: 600_000 },
    }),
  );
});
afterAll(() => store.close());

async function call(method: string, path: string, body?: unknown) {
  const response = await app.request(path, {
    method,
    ...(body !== undefined && {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, json: (text ? JSON.parse(text) : undefined) as any };
}

const woman65 = {
  age: 65,
  sex: 'female',
  lifeStage: 'none',
  smoker: false,
  weightKg: 68,
  heightCm: 163,
  activity: 'light',
  conditions: [],
  medications: [],
  supplements: [],
  pattern: 'omnivore',
  exclude: [],
  dislikes: [],
  targets: {},
};

describe('plans through the API', () => {
  it('asks for a profile first', async () => {
    const { status, json } = await call('POST', '/api/plans', { days: 1 });
    expect(status).toBe(404);
    expect(json.error).toMatchObject({ code: 'NOT_FOUND', field: 'profile' });
  });

  it('validates the request: days from 1 to 14', async () => {
    await call('PUT', '/api/profile', woman65);
    for (const days of [0, 15, 1.5]) {
      const { status, json } = await call('POST', '/api/plans', { days });
      expect(status).toBe(400);
      expect(json.error.field).toBe('days');
    }
  });

  it('generates a plan, saves it, and adds it to the diary', async () => {
    await call('PUT', '/api/profile', woman65);
    const created = await call('POST', '/api/plans', { days: 1 });
    expect(created.status).toBe(201);
    expect(['optimal', 'effort-limit']).toContain(created.json.status);
    const items = created.json.days[0].items as { foodId: string; grams: number; meal: string }[];
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) {
      expect(foods.has(item.foodId)).toBe(true);
      expect(item.grams).toBeGreaterThan(0);
    }
    const fetched = await call('GET', `/api/plans/${created.json.id}`);
    expect(fetched.json).toEqual(created.json);

    const applied = await call('POST', `/api/plans/${created.json.id}/apply`, {
      startDate: '2026-12-01',
    });
    expect(applied.status).toBe(201);
    expect(applied.json.entries.map((e: { food: string }) => e.food)).toEqual(
      items.map((i) => i.foodId),
    );
    // Each entry is in the meal the planner chose for it.
    expect(applied.json.entries.map((e: { meal?: string }) => e.meal)).toEqual(
      items.map((i) => i.meal),
    );
    // A second click: nothing new, and it says so.
    const again = await call('POST', `/api/plans/${created.json.id}/apply`, {
      startDate: '2026-12-01',
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ alreadyApplied: true, entries: [] });
    const logged = await call('GET', '/api/diary?from=2026-12-01&to=2026-12-01');
    expect(logged.json.days[0].entries).toHaveLength(items.length);
    const analysis = await call('GET', '/api/analysis?from=2026-12-01&to=2026-12-01');
    // The plan's energy total, recomputed by the analysis from the logged grams.
    const planEnergy = created.json.days[0].totals.energy.amount as number;
    expect(analysis.json.average.energy.amount).toBeCloseTo(planEnergy, -1);
  }, 300_000);

  it('closes the gaps of a logged day, keeping what was logged', async () => {
    await call('PUT', '/api/profile', woman65);
    await call('POST', '/api/diary/entries', {
      date: '2026-11-20',
      food: 'sr24:01009',
      amount: 30,
      unit: 'g',
    });
    const { status, json } = await call('POST', '/api/plans', { days: 1, base: '2026-11-20' });
    expect(status).toBe(201);
    const items = json.days[0].items as { foodId: string; change?: string }[];
    expect(items.some((i) => i.foodId === 'sr24:01009' && i.change === 'logged')).toBe(true);
    const missing = await call('POST', '/api/plans', { days: 1, base: '2026-10-01' });
    expect(missing.status).toBe(404);
    expect(missing.json.error.field).toBe('base');
  }, 300_000);

  it('answers an impossible profile with 422 INFEASIBLE_PLAN and the diagnosis, saving nothing', async () => {
    await call('PUT', '/api/profile', { ...woman65, targets: { energy: { max: 300 } } });
    const before = (await call('GET', '/api/plans')).json.plans.length;
    const { status, json } = await call('POST', '/api/plans', { days: 1 });
    expect(status).toBe(422);
    expect(json.error.code).toBe('INFEASIBLE_PLAN');
    expect(json.status).toBe('infeasible');
    expect(json.diagnosis.conflicts.map((c: { name: string }) => c.name)).toContain('cap:energy');
    expect((await call('GET', '/api/plans')).json.plans.length).toBe(before);
  }, 300_000);
});
