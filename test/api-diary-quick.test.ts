import type { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFood, makeFoodIndex } from '../src/core/test-support/make-food.js';
import type { AppEnv } from '../src/server/context.js';
import { createApp } from '../src/server/index.js';
import { documentedApp } from './support/openapi-responses.js';
import { dropTestSchemas, testStores } from './support/test-stores.js';

// Quick logging through the routes, on both stores: recent and frequent foods, copying a meal,
// changing an entry's food, and re-adding a deleted entry.
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
const clock = () => new Date('2026-11-25T12:00:00Z');

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

const backends = await testStores('calcwise_quick');

for (const [name, open] of backends) {
  describe(`quick logging on ${name}`, () => {
    async function setup() {
      const store = await open();
      const app = documentedApp(createApp({ store, foods, clock, log: false }));
      const log = async (entry: object) => {
        const added = await call(app, 'POST', '/api/diary/entries', entry);
        expect(added.status).toBe(201);
        return added.json as { id: number };
      };
      return { store, app, log };
    }

    it('lists recent and frequent foods with their last amount, unit and meal, per owner', async () => {
      const { store, app, log } = await setup();
      try {
        const empty = await call(app, 'GET', '/api/diary/recent-foods');
        expect(empty).toEqual({ status: 200, json: { recent: [], frequent: [] } });

        const kale = { food: 'sr24:11233', amount: 1, unit: 'cup, chopped' };
        await log({ ...kale, date: '2026-11-20', meal: 'lunch' });
        await log({ ...kale, date: '2026-11-21', meal: 'lunch' });
        await log({ ...kale, date: '2026-11-22', amount: 2, meal: 'dinner' });
        await log({ date: '2026-11-23', food: 'sr24:01009', amount: 2, unit: 'slice (1 oz)' });
        await store.addEntry('someone-else', {
          date: '2026-11-24',
          food: 'sr24:15076',
          amount: 100,
          unit: 'g',
        });

        const lists = await call(app, 'GET', '/api/diary/recent-foods?limit=5');
        expect(lists.status).toBe(200);
        const cheese = {
          food: 'sr24:01009',
          name: 'Cheese, cheddar',
          amount: 2,
          unit: 'slice (1 oz)',
          count: 1,
          lastDate: '2026-11-23',
        };
        const kaleLast = {
          food: 'sr24:11233',
          name: 'Kale, raw',
          amount: 2,
          unit: 'cup, chopped',
          meal: 'dinner',
          count: 3,
          lastDate: '2026-11-22',
        };
        expect(lists.json).toEqual({ recent: [cheese, kaleLast], frequent: [kaleLast, cheese] });

        const one = await call(app, 'GET', '/api/diary/recent-foods?limit=1');
        expect(one.json.recent.map((f: { food: string }) => f.food)).toEqual(['sr24:01009']);
        expect(one.json.frequent.map((f: { food: string }) => f.food)).toEqual(['sr24:11233']);

        for (const limit of ['0', '51', 'many', '1.5']) {
          const bad = await call(app, 'GET', `/api/diary/recent-foods?limit=${limit}`);
          expect(bad.status, limit).toBe(400);
          expect(bad.json.error).toMatchObject({ field: 'limit' });
        }
      } finally {
        await store.close();
      }
    });

    it('copies one meal to another date, into its own or another meal; nothing there is a 404 naming meal', async () => {
      const { store, app, log } = await setup();
      try {
        await log({ date: '2026-11-20', food: 'sr24:11233', amount: 1, unit: 'g', meal: 'lunch' });
        await log({ date: '2026-11-20', food: 'sr24:01009', amount: 28, unit: 'g', meal: 'lunch' });
        await log({
          date: '2026-11-20',
          food: 'sr24:15076',
          amount: 90,
          unit: 'g',
          meal: 'dinner',
        });

        const lunch = await call(app, 'POST', '/api/diary/copy', {
          from: '2026-11-20',
          to: '2026-11-21',
          meal: 'lunch',
        });
        expect(lunch.status).toBe(201);
        const slots = (entries: { date: string; food: string; meal?: string }[]) =>
          entries.map((e) => [e.date, e.meal, e.food]);
        expect(slots(lunch.json.entries)).toEqual([
          ['2026-11-21', 'lunch', 'sr24:11233'],
          ['2026-11-21', 'lunch', 'sr24:01009'],
        ]);

        const intoSnack = await call(app, 'POST', '/api/diary/copy', {
          from: '2026-11-20',
          to: '2026-11-21',
          meal: 'dinner',
          toMeal: 'snack',
        });
        expect(slots(intoSnack.json.entries)).toEqual([['2026-11-21', 'snack', 'sr24:15076']]);
        expect(slots(await store.listEntries('local', { from: '2026-11-21' }))).toEqual([
          ...slots(lunch.json.entries),
          ...slots(intoSnack.json.entries),
        ]);

        const none = await call(app, 'POST', '/api/diary/copy', {
          from: '2026-11-20',
          to: '2026-11-22',
          meal: 'breakfast',
        });
        expect(none.status).toBe(404);
        expect(none.json.error).toMatchObject({ code: 'NOT_FOUND', field: 'meal' });
        const toMealAlone = await call(app, 'POST', '/api/diary/copy', {
          from: '2026-11-20',
          to: '2026-11-22',
          toMeal: 'lunch',
        });
        expect(toMealAlone.status).toBe(400);
        expect(toMealAlone.json.error).toMatchObject({ field: 'toMeal' });
        const badMeal = await call(app, 'POST', '/api/diary/copy', {
          from: '2026-11-20',
          to: '2026-11-22',
          meal: 'brunch',
        });
        expect(badMeal).toMatchObject({ status: 400, json: { error: { field: 'meal' } } });
        expect(await store.listEntries('local', { from: '2026-11-22' })).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('re-adds a deleted entry in its place with its createdAt; a bad createdAt is a 400 naming it', async () => {
      const { store, app, log } = await setup();
      try {
        const lunch = { date: '2026-11-20', amount: 1, unit: 'g', meal: 'lunch' };
        const at = (hour: number) => `2026-11-20T${hour}:00:00.000Z`;
        await log({ ...lunch, food: 'sr24:11233', createdAt: at(11) });
        const middle = await call(app, 'POST', '/api/diary/entries', {
          ...lunch,
          food: 'sr24:01009',
          createdAt: at(12),
        });
        await log({ ...lunch, food: 'sr24:15076', createdAt: at(13) });
        const order = async () =>
          (await call(app, 'GET', '/api/diary')).json.days[0].entries.map(
            (e: { food: string }) => e.food,
          );
        const before = await order();
        expect(before).toEqual(['sr24:11233', 'sr24:01009', 'sr24:15076']);

        expect((await call(app, 'DELETE', `/api/diary/entries/${middle.json.id}`)).status).toBe(
          204,
        );
        const back = await call(app, 'POST', '/api/diary/entries', {
          ...lunch,
          food: 'sr24:01009',
          createdAt: middle.json.createdAt,
        });
        expect(back.status).toBe(201);
        expect(back.json).toMatchObject({ createdAt: middle.json.createdAt, meal: 'lunch' });
        expect(back.json.id).not.toBe(middle.json.id);
        expect(await order()).toEqual(before);

        const bad = await call(app, 'POST', '/api/diary/entries', {
          ...lunch,
          food: 'sr24:01009',
          createdAt: 'yesterday',
        });
        expect(bad.status).toBe(400);
        expect(bad.json.error).toMatchObject({ field: 'createdAt' });
        expect(await store.listEntries('local')).toHaveLength(3);
      } finally {
        await store.close();
      }
    });

    it('changes the food of an entry; a unit the new food lacks is a 422 naming unit', async () => {
      const { store, app, log } = await setup();
      try {
        const entry = await log({
          date: '2026-11-20',
          food: 'sr24:11233',
          amount: 1,
          unit: 'cup, chopped',
          meal: 'lunch',
        });
        const path = `/api/diary/entries/${entry.id}`;
        // Cheddar has no "cup, chopped": the food alone cannot change.
        const lacking = await call(app, 'PATCH', path, { food: 'sr24:01009' });
        expect(lacking.status).toBe(422);
        expect(lacking.json.error).toMatchObject({ field: 'unit' });
        expect(lacking.json.error.message).toMatch(/cup, chopped/);
        expect((await store.getEntry('local', entry.id))?.food).toBe('sr24:11233');

        const unknown = await call(app, 'PATCH', path, { food: 'sr24:00000', unit: 'g' });
        // An unknown food is a 404, as when adding one.
        expect(unknown.status).toBe(404);
        expect(unknown.json.error).toMatchObject({ code: 'UNKNOWN_FOOD', field: 'food' });

        const changed = await call(app, 'PATCH', path, {
          food: 'sr24:01009',
          amount: 2,
          unit: 'slice (1 oz)',
        });
        expect(changed.status).toBe(200);
        expect(changed.json).toMatchObject({
          id: entry.id,
          food: 'sr24:01009',
          name: 'Cheese, cheddar',
          amount: 2,
          unit: 'slice (1 oz)',
          grams: 56,
          meal: 'lunch',
          date: '2026-11-20',
        });
        expect(await store.getEntry('local', entry.id)).toMatchObject({
          food: 'sr24:01009',
          unit: 'slice (1 oz)',
        });
      } finally {
        await store.close();
      }
    });
  });
}
