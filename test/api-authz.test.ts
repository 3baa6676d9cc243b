/**
 * The authorization matrix, on SQLite and PostgreSQL with accounts on: Alice stores a profile,
 * diary entries, a custom food, a lab result, a saved plan and a running plan job; then Bob,
 * logged in with his own session, calls every operation of the OpenAPI document with Alice's ids.
 * Every request naming one of Alice's ids is a 404 (not a 403: her ids do not exist for him),
 * none of Bob's answers holds anything of hers, and her data is unchanged afterwards.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanJobs } from '../src/app/plan-jobs.js';
import { workerPool, type SolverPool } from '../src/app/solvers.js';
import { loadFoodIndex } from '../src/data/load-foods.js';
import { createApp, OPENAPI_DOCUMENT } from '../src/server/index.js';
import type { Store } from '../src/store/index.js';
import { signIn, type AccountClient } from './support/account-client.js';
import { dropTestSchemas, testStores } from './support/test-stores.js';

const foods = loadFoodIndex();
afterAll(dropTestSchemas);

/** Alice's marks: text that must never appear in an answer to Bob. */
const SECRET_FOOD = 'Alice matrix casserole';
const SECRET_PLAN_NOTE = 'alice-plan-7f3a';

/** The paths whose parameter is one of Alice's ids, and which of her ids it takes. */
type AliceIds = {
  entry: number;
  lab: number;
  food: string;
  plan: string;
  job: string;
  share: string;
  recipe: string;
};
const ID_OF_PATH: Record<string, keyof AliceIds> = {
  '/api/diary/entries/{id}': 'entry',
  '/api/labs/{id}': 'lab',
  '/api/foods/custom/{id}': 'food',
  '/api/foods/{id}': 'food',
  '/api/plans/{id}': 'plan',
  '/api/plans/{id}/apply': 'plan',
  '/api/plan-jobs/{id}': 'job',
  '/api/shares/{id}': 'share',
  '/api/shares/{id}/accesses': 'share',
  '/api/recipes/{id}': 'recipe',
};
/**
 * Parameters that are not owner ids: a value any user may ask for. A share link's token is a
 * bearer credential, opened by whoever holds it (test/api-shares.test.ts); Bob does not have it.
 */
const PUBLIC_PARAMETER: Record<string, string> = {
  '/api/foods/top/{nutrient}': 'vitamin-k2',
  '/api/shared/{token}': 'A'.repeat(43),
  '/api/shared/{token}/report.pdf': 'A'.repeat(43),
  // A date is not an id: Bob's write to a date is Bob's own day (Alice's stays as it was).
  '/api/supplements/{date}': '2026-11-20',
};

/** A valid body for each write, so that the request gets past validation to the owner check. */
function bodyFor(method: string, path: string): unknown {
  const key = `${method} ${path}`;
  const bodies: Record<string, unknown> = {
    'patch /api/diary/entries/{id}': { amount: 5 },
    'post /api/plans/{id}/apply': { startDate: '2026-12-05' },
    'post /api/diary/entries': { date: '2026-11-20', food: 'sr24:11233', amount: 1, unit: 'g' },
    'post /api/diary/copy': { from: '2026-11-20', to: '2026-11-22' },
    'post /api/labs': { date: '2026-11-20', test: 'inr', value: 2.5, unit: 'ratio' },
    'post /api/foods/custom': {
      slug: 'bob-soup',
      name: 'Bob soup',
      nutrients: { calcium: 10 },
      portions: [{ name: 'bowl', amount: 1, grams: 300 }],
    },
    'put /api/foods/custom/{id}': {
      name: 'Bob soup',
      nutrients: { calcium: 10 },
      portions: [{ name: 'bowl', amount: 1, grams: 300 }],
    },
    'put /api/profile': { age: 50, sex: 'male' },
    'post /api/plans': { days: 1 },
    'post /api/recipes': {
      slug: 'bob-stew',
      name: 'Bob stew',
      servings: 2,
      ingredients: [{ food: 'sr24:11233', amount: 100, unit: 'g' }],
    },
    'put /api/recipes/{id}': {
      name: 'Bob stew',
      servings: 2,
      ingredients: [{ food: 'sr24:11233', amount: 100, unit: 'g' }],
    },
    'post /api/shares': { from: '2026-11-01', to: '2026-11-30', expiresAt: '2027-01-01T00:00:00Z' },
    'delete /api/data': { confirm: 'delete-everything' },
    'post /api/import': { format: 'calcwise-export', version: 2 },
    'post /api/import/cronometer': { csv: 'Day,Food Name,Amount\n' },
    'put /api/supplements/{date}': { supplements: [{ nutrient: 'mk7', amount: 1, unit: 'µg' }] },
  };
  return bodies[key] ?? (method === 'get' || method === 'delete' ? undefined : {});
}

for (const [name, open] of await testStores('calcwise_authz')) {
  describe(`authorization matrix on ${name}`, () => {
    let store: Store;
    let pool: SolverPool;
    let jobs: PlanJobs;
    let app: ReturnType<typeof createApp>;
    let alice: AccountClient;
    let bob: AccountClient;
    const ids = {} as AliceIds;

    beforeAll(async () => {
      store = await open();
      pool = workerPool(1);
      jobs = new PlanJobs({ solver: pool, newId: () => randomUUID() }, { concurrency: 1 });
      app = createApp({ store, foods, log: false, accounts: {}, plans: { jobs, waitMs: 0 } });
      alice = await signIn(app, 'alice-matrix');
      bob = await signIn(app, 'bob-matrix');

      const put = await alice.request('PUT', '/api/profile', {
        age: 67,
        sex: 'female',
        medications: ['warfarin'],
      });
      expect(put.status).toBe(200);
      const food = await alice.request('POST', '/api/foods/custom', {
        slug: 'casserole',
        name: SECRET_FOOD,
        nutrients: { 'vitamin-k1': 80 },
        portions: [{ name: 'bowl', amount: 1, grams: 300 }],
      });
      expect(food.status, await food.clone().text()).toBe(201);
      ids.food = ((await food.json()) as { id: string }).id;
      const entry = await alice.request('POST', '/api/diary/entries', {
        date: '2026-11-20',
        food: ids.food,
        amount: 1,
        unit: 'bowl',
      });
      expect(entry.status).toBe(201);
      ids.entry = ((await entry.json()) as { id: number }).id;
      const lab = await alice.request('POST', '/api/labs', {
        date: '2026-11-20',
        test: 'inr',
        value: 2.9,
        unit: 'ratio',
      });
      expect(lab.status).toBe(201);
      ids.lab = ((await lab.json()) as { id: number }).id;
      const plan = await store.savePlan(alice.userId, {
        request: { days: 1, note: SECRET_PLAN_NOTE },
        result: { note: SECRET_PLAN_NOTE, days: [] },
      });
      ids.plan = plan.id;
      const job = await alice.request('POST', '/api/plans', { days: 1 });
      expect(job.status, await job.clone().text()).toBe(202);
      ids.job = decodeURIComponent(job.headers.get('location')!.split('/').pop()!);
      const share = await alice.request('POST', '/api/shares', {
        from: '2026-11-01',
        to: '2026-11-30',
        expiresAt: '2027-01-01T00:00:00Z',
      });
      expect(share.status, await share.clone().text()).toBe(201);
      ids.share = ((await share.json()) as { id: string }).id;
      const recipe = await alice.request('POST', '/api/recipes', {
        slug: 'alice-stew',
        name: 'Alice matrix stew',
        servings: 4,
        ingredients: [
          { food: ids.food, amount: 1, unit: 'bowl' },
          { food: 'sr24:11233', amount: 1, unit: 'cup, chopped' },
        ],
      });
      expect(recipe.status, await recipe.clone().text()).toBe(201);
      ids.recipe = ((await recipe.json()) as { id: string }).id;
      const taken = await alice.request('PUT', '/api/supplements/2026-11-20', {
        supplements: [{ nutrient: 'mk7', amount: 90, unit: 'µg' }],
      });
      expect(taken.status, await taken.clone().text()).toBe(200);
    });

    afterAll(async () => {
      await jobs.close();
      await pool.close();
      await store.close();
    });

    it("Bob reaches nothing of Alice's through any operation of the OpenAPI document", async () => {
      const before = await store.dumpOwner(alice.userId);
      const jobBefore = await alice.request('GET', `/api/plan-jobs/${ids.job}`);
      expect(jobBefore.status).toBe(200);
      const marks = [SECRET_PLAN_NOTE, alice.userId, alice.username, ids.plan, ids.job, ids.share];
      const tried: string[] = [];

      for (const [template, item] of Object.entries(OPENAPI_DOCUMENT.paths)) {
        // Logging in or out as Bob changes no one's data; it is tested in test/accounts.test.ts.
        if (/^\/api\/auth\/(register|login|logout)$/.test(template)) continue;
        for (const method of Object.keys(item as object)) {
          const param = /\{(\w+)\}/.exec(template)?.[1];
          const idKind = ID_OF_PATH[template];
          if (param && !idKind && !PUBLIC_PARAMETER[template]) {
            throw new Error(`${template}: say which of Alice's ids its {${param}} takes`);
          }
          const value = idKind ? String(ids[idKind]) : PUBLIC_PARAMETER[template];
          const path = param
            ? template.replace(`{${param}}`, encodeURIComponent(value!))
            : template;
          const response = await bob.request(method.toUpperCase(), path, bodyFor(method, template));
          const text = await response.text();
          tried.push(`${method} ${template} ${response.status}`);
          expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(500);
          if (idKind) expect(response.status, `${method} ${path}: ${text}`).toBe(404);
          // A 404 may repeat the id Bob sent; nothing else of Alice's may appear.
          for (const mark of [...marks, SECRET_FOOD, 'Alice matrix stew'].filter(
            (m) => m !== value,
          )) {
            expect(text.includes(mark), `${method} ${path} shows "${mark}"`).toBe(false);
          }
        }
      }
      expect(tried.length).toBeGreaterThan(30);

      // Alice's data and her job are as they were.
      expect(await store.dumpOwner(alice.userId)).toEqual(before);
      const jobAfter = (await (await alice.request('GET', `/api/plan-jobs/${ids.job}`)).json()) as {
        state: string;
      };
      expect(jobAfter.state).not.toBe('cancelled');
      // Shares are not in the export: her share is still there and still active.
      const shares = (await (await alice.request('GET', '/api/shares')).json()) as {
        shares: { id: string; state: string }[];
      };
      expect(shares.shares.map((x) => [x.id, x.state])).toEqual([[ids.share, 'active']]);
      // And she still sees all of it.
      const diary = await (await alice.request('GET', '/api/diary')).text();
      expect(diary).toContain(SECRET_FOOD);
    });
  });
}
