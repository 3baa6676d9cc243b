import { connect } from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFood, makeFoodIndex } from '../src/core/test-support/make-food.js';
import { createApp, startServer } from '../src/server/index.js';
import type { Store } from '../src/store/index.js';
import { documentedApp } from './support/openapi-responses.js';
import { dropTestSchemas, testStores } from './support/test-stores.js';

const kale = makeFood({
  id: 'sr24:11233',
  name: 'Kale, raw',
  nutrients: { 'vitamin-k1': 817, calcium: 135 },
  portions: [{ name: 'cup, chopped', amount: 1, grams: 67 }],
});
const foods = makeFoodIndex([kale]);
const entry = { date: '2026-11-20', food: 'sr24:11233', amount: 1, unit: 'cup, chopped' };

type App = ReturnType<typeof createApp>;
async function call(app: App, method: string, path: string, body?: unknown, headers = {}) {
  const response = await app.request(path, {
    method,
    ...(body !== undefined && {
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    }),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json: any = text ? JSON.parse(text) : undefined;
  return { status: response.status, json, headers: response.headers };
}

afterAll(dropTestSchemas);

for (const [name, open] of await testStores('calcwise_hardening')) {
  describe(`hardening on ${name}`, () => {
    let store: Store;
    let app: App;
    beforeEach(async () => {
      store = await open();
      app = documentedApp(createApp({ store, foods, log: false }));
    });
    afterEach(() => store.close());

    it('refuses entry ids beyond the int4 column with 400 naming id, and finds none at the top of the range', async () => {
      for (const id of ['2147483648', '99999999999', '0', '-1', '1.5', '1e3']) {
        const patch = await call(app, 'PATCH', `/api/diary/entries/${id}`, { amount: 1 });
        expect(patch.status, id).toBe(400);
        expect(patch.json.error.field, id).toBe('id');
        const del = await call(app, 'DELETE', `/api/diary/entries/${id}`);
        expect(del.status, id).toBe(400);
      }
      const top = await call(app, 'PATCH', '/api/diary/entries/2147483647', { amount: 1 });
      expect(top.status).toBe(404);
      expect(top.json.error).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    });

    it('refuses NUL and other control characters with 400 naming the field, and stores nothing', async () => {
      const cases: [string, string, unknown, string][] = [
        ['POST', '/api/foods/custom', { slug: 'soup', name: 'Kale\u0000soup' }, 'name'],
        [
          'POST',
          '/api/foods/custom',
          { slug: 'soup', name: 'Soup', portions: [{ name: 'bowl\u0007', amount: 1, grams: 300 }] },
          'portions.0.name',
        ],
        ['POST', '/api/diary/entries', { ...entry, unit: 'cup\u0000' }, 'unit'],
        ['PUT', '/api/foods/custom/custom:soup', { name: 'Kale\u0000soup' }, 'name'],
        [
          'PUT',
          '/api/recipes/recipe:soup',
          {
            name: 'Soup',
            servings: 1,
            ingredients: [{ food: 'sr24:11233', amount: 1, unit: 'g\u0000' }],
          },
          'ingredients.0.unit',
        ],
        [
          'PUT',
          '/api/profile',
          { age: 60, sex: 'female', medications: ['warfarin\u0000'] },
          'medications.0',
        ],
        ['GET', '/api/plans/%00', undefined, 'id'],
        ['GET', '/api/plan-jobs/a%1Fb', undefined, 'id'],
        ['GET', '/api/foods/custom:%00', undefined, 'id'],
        ['DELETE', '/api/foods/custom/custom:%7F', undefined, 'id'],
        ['GET', '/api/foods/top/mk7%00', undefined, 'nutrient'],
        ['GET', '/api/foods?q=kale%00', undefined, 'q'],
        ['GET', '/api/diary?from=2026-11-20%0A', undefined, 'from'],
      ];
      for (const [method, path, body, field] of cases) {
        const { status, json } = await call(app, method, path, body);
        expect(status, `${method} ${path}`).toBe(400);
        expect(json.error, `${method} ${path}`).toMatchObject({ code: 'INVALID_INPUT', field });
      }
      expect(await store.listCustomFoods('local')).toEqual([]);
      expect(await store.listEntries('local')).toEqual([]);
      expect(await store.getProfile('local')).toBeUndefined();
    });

    it('refuses an absurd profile with 422 naming the field, and one stored before is a 422 too', async () => {
      const absurd = {
        age: 64,
        sex: 'female',
        supplements: [{ nutrient: 'calcium', amount: 1e300, unit: 'g' }],
      };
      const put = await call(app, 'PUT', '/api/profile', absurd);
      expect(put.status).toBe(422);
      expect(put.json.error).toMatchObject({
        code: 'INVALID_PROFILE',
        field: 'supplements[0].amount',
      });
      const targets = await call(app, 'PUT', '/api/profile', {
        age: 64,
        sex: 'female',
        targets: { calcium: { min: 1e308 } },
      });
      expect(targets.json.error.field).toBe('targets.calcium.min');
      expect(await store.getProfile('local')).toBeUndefined();

      // Written by an older version that had no ceilings: every reader refuses it the same way.
      await store.putProfile('local', absurd);
      for (const [method, path, body] of [
        ['GET', '/api/targets', undefined],
        ['GET', '/api/findings', undefined],
        ['POST', '/api/plans', { days: 1 }],
      ] as const) {
        const { status, json } = await call(app, method, path, body);
        expect(status, path).toBe(422);
        expect(json.error.field, path).toBe('supplements[0].amount');
      }
    });

    it('stores a retried POST /api/diary/entries once when it carries an Idempotency-Key', async () => {
      const key = { 'idempotency-key': '6f1c2a3e-7d44-4b0e-9a51-0c2f9d8e7b61' };
      const first = await call(app, 'POST', '/api/diary/entries', entry, key);
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const retry = await call(app, 'POST', '/api/diary/entries', entry, key);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.json).toEqual(first.json);
      expect(await store.listEntries('local')).toHaveLength(1);

      const reused = await call(app, 'POST', '/api/diary/entries', { ...entry, amount: 2 }, key);
      expect(reused.status).toBe(409);
      expect(reused.json.error).toMatchObject({ code: 'CONFLICT', field: 'Idempotency-Key' });
      // Without a key every POST is a new entry, as before.
      await call(app, 'POST', '/api/diary/entries', entry);
      expect(await store.listEntries('local')).toHaveLength(2);

      for (const bad of ['', 'a b', 'x'.repeat(256), 'clé']) {
        const response = await app.request('/api/diary/entries', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': bad },
          body: JSON.stringify(entry),
        });
        expect(response.status, JSON.stringify(bad)).toBe(400);
        expect(((await response.json()) as { error: { field: string } }).error.field).toBe(
          'Idempotency-Key',
        );
      }
      expect(await store.listEntries('local')).toHaveLength(2);
    });

    it('copies a day of 5,000 entries in one request', async () => {
      const day = Array.from({ length: 5000 }, (_, i) => ({ ...entry, amount: (i % 9) + 1 }));
      await store.addEntries('local', day);
      const { status, json } = await call(app, 'POST', '/api/diary/copy', {
        from: '2026-11-20',
        to: '2026-11-21',
      });
      expect(status).toBe(201);
      expect(json.entries).toHaveLength(5000);
      expect(await store.listEntries('local', { from: '2026-11-21' })).toHaveLength(5000);
    });
  });
}

describe('methods and limits', () => {
  let store: Store;
  let app: App;
  beforeEach(async () => {
    store = await (await testStores('unused'))[0]![1]();
    app = documentedApp(createApp({ store, foods, log: false }));
  });
  afterEach(() => store.close());

  it('answers a method a route does not have with 405 and Allow, an unknown path with 404', async () => {
    const cases: [string, string, string][] = [
      ['PUT', '/api/diary/entries', 'POST'],
      ['DELETE', '/api/profile', 'GET, HEAD, PUT'],
      ['POST', '/api/health', 'GET, HEAD'],
      ['PATCH', '/api/plans/abc', 'GET, HEAD'],
      ['GET', '/api/diary/entries/1', 'DELETE, PATCH'],
    ];
    for (const [method, path, allow] of cases) {
      const { status, json, headers } = await call(
        app,
        method,
        path,
        method === 'GET' ? undefined : {},
      );
      expect(status, `${method} ${path}`).toBe(405);
      expect(headers.get('allow')).toBe(allow);
      expect(json.error.code).toBe('METHOD_NOT_ALLOWED');
    }
    const unknown = await call(app, 'GET', '/api/no-such-thing');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('NOT_FOUND');
  });

  it('answers what the HTTP parser refuses (headers over 16 KiB: 431; a malformed request: 400) in the JSON error shape, on the real server', async () => {
    const server = await startServer({ port: 0, store, foods, log: false, env: {} });
    const rawRequest = (text: string) =>
      new Promise<{ head: string; body: unknown }>((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1');
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('end', () => {
          const [head, body] = data.split('\r\n\r\n');
          resolve({ head: head!, body: JSON.parse(body!) });
        });
        socket.on('error', reject);
        socket.write(text);
      });
    try {
      const large = await rawRequest(
        `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n` +
          `X-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      expect(large.head).toMatch(/^HTTP\/1\.1 431 /);
      expect(large.head).toMatch(/content-type: application\/json/i);
      expect(large.body).toEqual({
        error: { code: 'HEADERS_TOO_LARGE', message: expect.any(String) },
      });
      const malformed = await rawRequest('GET /api/health HTTP/1.1\r\nHost x\r\n\r\n');
      expect(malformed.head).toMatch(/^HTTP\/1\.1 400 /);
      expect(malformed.body).toEqual({
        error: { code: 'INVALID_INPUT', message: expect.any(String) },
      });
    } finally {
      await server.close();
    }
  });
});
