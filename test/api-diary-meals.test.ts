import type { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFood, makeFoodIndex } from '../src/core/test-support/make-food.js';
import type { AppEnv } from '../src/server/context.js';
import { createApp } from '../src/server/index.js';
import { documentedApp } from './support/openapi-responses.js';
import { dropTestSchemas, testStores } from './support/test-stores.js';

// Meal slots on diary entries and "Add to diary" for saved plans, through the routes, on both
// stores (PostgreSQL at CALCWISE_TEST_PG; see test/support/test-stores.ts).
afterAll(dropTestSchemas);

const foods = makeFoodIndex([
  makeFood({
    id: 'sr24:11233',
    name: 'Kale, raw',
    nutrients: { 'vitamin-k1': 817 },
    portions: [{ name: 'cup, chopped', amount: 1, grams: 67 }],
  }),
  makeFood({ id: 'sr24:15076', name: 'Fish, salmon, Atlantic, wild, raw' }),
  makeFood({
    id: 'sr24:01009',
    name: 'Cheese, cheddar',
    portions: [{ name: 'slice (1 oz)', amount: 1, grams: 28 }],
  }),
]);
// Noon UTC on 25 November is 25 November in every time zone from UTC−11 to UTC+11.
const clock = () => new Date('2026-11-25T12:00:00Z');

const item = (foodId: string, grams: number, meal: string) => ({
  foodId,
  name: foodId,
  grams,
  portion: `${grams} g`,
  meal,
});
/** A two-day plan as the planner saves it: day 1 breakfast and lunch, day 2 dinner and a snack. */
const twoDays = {
  status: 'optimal',
  days: [
    [item('sr24:01009', 28, 'breakfast'), item('sr24:11233', 67, 'lunch')],
    [item('sr24:15076', 198, 'dinner'), item('sr24:01009', 28, 'snack')],
  ].map((items, i) => ({
    day: i + 1,
    meals: Object.fromEntries(items.map((it) => [it.meal, [it]])),
    items,
    totals: {},
  })),
  unmet: [],
  supplements: [],
  explanation: { foods: [], binding: [], short: [], limits: [], candidates: 3 },
  solve: { nodes: 1, iterations: 12, candidates: 3, cols: 3, rows: 10 },
  disclaimer: 'calcwise informs; it does not diagnose.',
};

type App = Hono<AppEnv>;

async function call(app: App, method: string, path: string, body?: unknown) {
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

const backends = await testStores('calcwise_meals');

for (const [name, open] of backends) {
  describe(`meal slots and plans → diary on ${name}`, () => {
    async function setup() {
      const store = await open();
      const app = documentedApp(createApp({ store, foods, clock, log: false }));
      return { store, app };
    }

    it('stores, returns, changes and clears the meal of an entry; a bad meal is a 400 naming it', async () => {
      const { store, app } = await setup();
      try {
        const entry = { date: '2026-11-20', food: 'sr24:11233', amount: 1, unit: 'cup, chopped' };
        const lunch = await call(app, 'POST', '/api/diary/entries', { ...entry, meal: 'lunch' });
        expect(lunch.status).toBe(201);
        expect(lunch.json).toMatchObject({ meal: 'lunch', grams: 67 });
        const plain = await call(app, 'POST', '/api/diary/entries', entry);
        expect(plain.status).toBe(201);
        expect(plain.json).not.toHaveProperty('meal');

        const diary = await call(app, 'GET', '/api/diary');
        expect(
          diary.json.days[0].entries.map((e: { id: number; meal?: string }) => [e.id, e.meal]),
        ).toEqual([
          [lunch.json.id, 'lunch'],
          [plain.json.id, undefined],
        ]);

        const dinner = await call(app, 'PATCH', `/api/diary/entries/${plain.json.id}`, {
          meal: 'dinner',
        });
        expect(dinner).toMatchObject({ status: 200, json: { meal: 'dinner', amount: 1 } });
        const cleared = await call(app, 'PATCH', `/api/diary/entries/${lunch.json.id}`, {
          meal: null,
        });
        expect(cleared.status).toBe(200);
        expect(cleared.json).not.toHaveProperty('meal');
        expect((await store.getEntry('local', lunch.json.id))?.meal).toBeUndefined();
        expect((await store.getEntry('local', plain.json.id))?.meal).toBe('dinner');

        for (const [method, path] of [
          ['POST', '/api/diary/entries'],
          ['PATCH', `/api/diary/entries/${plain.json.id}`],
        ] as const) {
          const bad = await call(app, method, path, { ...entry, meal: 'brunch' });
          expect(bad.status, `${method} ${path}`).toBe(400);
          expect(bad.json.error).toMatchObject({ field: 'meal' });
          expect(bad.json.error.message).toMatch(/breakfast, lunch, dinner, snack/);
        }
        expect(await store.listEntries('local')).toHaveLength(2);

        // Copying a day keeps each entry's meal.
        const copied = await call(app, 'POST', '/api/diary/copy', {
          from: '2026-11-20',
          to: '2026-11-21',
        });
        expect(copied.json.entries.map((e: { meal?: string }) => e.meal ?? null)).toEqual([
          null,
          'dinner',
        ]);
      } finally {
        await store.close();
      }
    });

    it('applies a plan day once per date, in its meal slots; the second time stores nothing and says so', async () => {
      const { store, app } = await setup();
      try {
        const plan = await store.savePlan('local', { request: { days: 2 }, result: twoDays });
        const path = `/api/plans/${plan.id}/apply`;
        const first = await call(app, 'POST', path, { startDate: '2026-12-01' });
        expect(first.status).toBe(201);
        expect(first.json).toMatchObject({ planId: plan.id, alreadyApplied: false });
        expect(first.json.days).toEqual([
          { day: 0, date: '2026-12-01', added: 2, existing: 0 },
          { day: 1, date: '2026-12-02', added: 2, existing: 0 },
        ]);
        const slots = (entries: { date: string; food: string; meal?: string }[]) =>
          entries.map((e) => [e.date, e.meal, e.food]);
        expect(slots(first.json.entries)).toEqual([
          ['2026-12-01', 'breakfast', 'sr24:01009'],
          ['2026-12-01', 'lunch', 'sr24:11233'],
          ['2026-12-02', 'dinner', 'sr24:15076'],
          ['2026-12-02', 'snack', 'sr24:01009'],
        ]);

        const second = await call(app, 'POST', path, { startDate: '2026-12-01' });
        expect(second.status).toBe(200);
        expect(second.json).toMatchObject({ alreadyApplied: true, entries: [] });
        expect(second.json.days).toEqual([
          { day: 0, date: '2026-12-01', added: 0, existing: 2 },
          { day: 1, date: '2026-12-02', added: 0, existing: 2 },
        ]);
        // Without a start date it goes where it went before: again nothing new.
        const again = await call(app, 'POST', path, {});
        expect(again).toMatchObject({
          status: 200,
          json: { startDate: '2026-12-01', alreadyApplied: true },
        });
        const where = await call(app, 'GET', path);
        expect(where.json).toEqual({
          planId: plan.id,
          suggestedStartDate: '2026-12-01',
          suggestedBecause: 'applied',
          applied: [
            { day: 0, date: '2026-12-01', entries: 2 },
            { day: 1, date: '2026-12-02', entries: 2 },
          ],
        });
        expect(slots(await store.listEntries('local'))).toEqual(slots(first.json.entries));

        // Starting a day later: day 1 is new on 12-02; day 2 lands on 12-03.
        const shifted = await call(app, 'POST', path, { startDate: '2026-12-02' });
        expect(shifted.status).toBe(201);
        expect(shifted.json.days.map((d: { added: number }) => d.added)).toEqual([2, 2]);
        expect(await store.listEntries('local')).toHaveLength(8);

        // Two requests at once still store the day once (the plan's row is locked on
        // PostgreSQL; SQLite runs one transaction at a time).
        const plan2 = await store.savePlan('local', { request: { days: 2 }, result: twoDays });
        const both = await Promise.all(
          [1, 2].map(() =>
            call(app, 'POST', `/api/plans/${plan2.id}/apply`, { startDate: '2027-01-10' }),
          ),
        );
        expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
        expect(await store.listEntries('local', { from: '2027-01-10' })).toHaveLength(4);

        const unknown = await call(app, 'POST', '/api/plans/nope/apply', {});
        expect(unknown).toMatchObject({ status: 404, json: { error: { field: 'id' } } });
        const badDate = await call(app, 'POST', path, { startDate: '2026-13-01' });
        expect(badDate).toMatchObject({ status: 400, json: { error: { field: 'startDate' } } });
      } finally {
        await store.close();
      }
    });

    it('defaults to the first run of unlogged dates from today', async () => {
      const { store, app } = await setup();
      try {
        const log = (date: string) =>
          call(app, 'POST', '/api/diary/entries', {
            date,
            food: 'sr24:11233',
            amount: 50,
            unit: 'g',
          });
        await log('2026-11-24'); // before today: irrelevant
        await log('2026-11-25'); // today
        await log('2026-11-27');
        const two = await store.savePlan('local', { request: { days: 2 }, result: twoDays });
        const one = await store.savePlan('local', {
          request: { days: 1 },
          result: { ...twoDays, days: [twoDays.days[0]] },
        });
        // 11-26 is free, but a two-day plan would run into 11-27.
        const suggested = await call(app, 'GET', `/api/plans/${two.id}/apply`);
        expect(suggested.json).toMatchObject({
          suggestedStartDate: '2026-11-28',
          suggestedBecause: 'unlogged',
          applied: [],
        });
        const applied = await call(app, 'POST', `/api/plans/${two.id}/apply`, {});
        expect(applied.status).toBe(201);
        expect(applied.json.startDate).toBe('2026-11-28');
        expect(applied.json.days.map((d: { date: string }) => d.date)).toEqual([
          '2026-11-28',
          '2026-11-29',
        ]);
        const single = await call(app, 'POST', `/api/plans/${one.id}/apply`, {});
        expect(single.json.startDate).toBe('2026-11-26');
        // Now 11-25 to 11-29 are all logged: the next single day is 11-30.
        const three = await store.savePlan('local', {
          request: { days: 1 },
          result: { ...twoDays, days: [twoDays.days[1]] },
        });
        expect(
          (await call(app, 'GET', `/api/plans/${three.id}/apply`)).json.suggestedStartDate,
        ).toBe('2026-11-30');
      } finally {
        await store.close();
      }
    });
  });
}
