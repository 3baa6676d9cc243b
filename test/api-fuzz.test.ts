/**
 * Fuzzing every operation of the OpenAPI document, on SQLite and PostgreSQL: requests generated
 * from the document (test/support/openapi-arbitraries.ts) against the real app and store, which
 * already hold a profile, entries, a custom food and a plan. No response may be ≥ 500, and every
 * response must be as the document declares it (documentedApp checks each one strictly).
 * A fixed seed and a bounded number of runs keep it deterministic and quick.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanJobs } from '../src/app/plan-jobs.js';
import { workerPool, type SolverPool } from '../src/app/solvers.js';
import { loadFoodIndex } from '../src/data/load-foods.js';
import { createApp } from '../src/server/index.js';
import type { Store } from '../src/store/index.js';
import { operations, requestArb, type KnownValues } from './support/openapi-arbitraries.js';
import { documentedApp } from './support/openapi-responses.js';
import { dropTestSchemas, testStores } from './support/test-stores.js';

const SEED = 20261201;
const RUNS_PER_OPERATION = 30;
const foods = loadFoodIndex();

afterAll(dropTestSchemas);

// Local mode (nobody logs in), and with accounts as a logged-in person whose requests carry the
// session cookie and CSRF token (logging out is fuzzed without them, so the session lives on).
const MODES = ['local', 'accounts'] as const;

for (const [name, open] of await testStores('calcwise_fuzz'))
  for (const mode of MODES) {
    describe(`fuzzing every API operation on ${name}${mode === 'accounts' ? ', with accounts' : ''}`, () => {
      let store: Store;
      let owner = 'local';
      let session: Record<string, string> = {};
      let pool: SolverPool;
      let jobs: PlanJobs;
      let app: ReturnType<typeof createApp>;
      const known: KnownValues = {};

      beforeAll(async () => {
        store = await open();
        // Plans are jobs: a generated plan request is validated, built and queued (202), and stays
        // queued, since no slot ever runs it (concurrency 0): the fuzz is about requests, not
        // solves (those are test/api-plans.test.ts and test/api-plan-jobs.test.ts). A running
        // solve with a short timeout would make the answer depend on how busy the machine is.
        pool = workerPool(1);
        jobs = new PlanJobs(
          { solver: pool, newId: () => randomUUID() },
          { concurrency: 0, maxQueued: 100_000 },
        );
        app = documentedApp(
          createApp({
            store,
            foods,
            log: false,
            plans: { jobs, waitMs: 0 },
            ...(mode === 'accounts' && { accounts: {} }),
          }),
        );
        if (mode === 'accounts') {
          const registered = await app.request('/api/auth/register', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'fuzzer', password: 'fuzz password 1' }),
          });
          expect(registered.status).toBe(201);
          const me = (await registered.json()) as { user: { id: string }; csrfToken: string };
          owner = me.user.id;
          session = {
            cookie: (registered.headers.get('set-cookie') ?? '').split(';')[0]!,
            'x-csrf-token': me.csrfToken,
          };
        }
        await store.putProfile(owner, { age: 64, sex: 'female', medications: ['warfarin'] });
        const entries = await store.addEntries(owner, [
          { date: '2026-11-20', food: 'sr24:11233', amount: 1, unit: 'cup, chopped' },
          { date: '2026-11-20', food: 'sr24:01009', amount: 30, unit: 'g' },
        ]);
        await store.addCustomFood(owner, {
          id: 'custom:soup',
          name: 'Kale soup',
          group: 'Custom foods',
          nutrients: {
            'vitamin-k1': { per100g: 120, source: { label: 'User entry', kind: 'user' } },
          },
          portions: [{ name: 'bowl', amount: 1, grams: 300 }],
        });
        // A plan as the planner returns it (every field of PlanResult), with one day.
        const item = {
          foodId: 'sr24:11233',
          name: 'Kale, raw',
          grams: 67,
          portion: '1 cup, chopped',
          meal: 'lunch',
        };
        const plan = await store.savePlan(owner, {
          request: { days: 1 },
          result: {
            status: 'optimal',
            days: [{ day: 1, meals: { lunch: [item] }, items: [item], totals: {} }],
            unmet: [],
            supplements: [],
            explanation: { foods: [], binding: [], short: [], limits: [], candidates: 1 },
            solve: { nodes: 1, iterations: 5, candidates: 1, cols: 1, rows: 4 },
            disclaimer: 'calcwise informs; it does not diagnose.',
          },
        });
        const ids = entries.map((e) => e.id);
        Object.assign(known, {
          id: [...ids, ...ids.map(String), plan.id, 'custom:soup', 'sr24:11233'],
          food: ['sr24:11233', 'sr24:01009', 'custom:soup'],
          unit: ['g', 'cup, chopped', 'bowl', 'oz'],
          amount: [1, 30, 150],
          date: ['2026-11-20', '2026-11-21'],
          from: ['2026-11-20'],
          to: ['2026-11-21', '2026-11-30'],
          base: ['2026-11-20'],
          nutrient: ['calcium', 'vitamin-d', 'mk7', 'vitamin-k'],
          age: [64, 72],
          slug: ['soup', 'kale-salad'],
          '*': ['sr24:11233', 'warfarin', 'ckd-3b', 'calcium', 'mg', 'IU', '2026-11-20'],
        });
      });

      afterAll(async () => {
        await jobs.close();
        await pool.close();
        await store.close();
      });

      for (const op of operations()) {
        it(`${op.method} ${op.template}: no response ≥ 500, every one as documented`, async () => {
          const statuses = new Map<number, number>();
          await fc.assert(
            fc.asyncProperty(requestArb(op, known), async (request) => {
              const headers =
                op.template === '/api/auth/logout'
                  ? request.headers
                  : { ...request.headers, ...session };
              const response = await app.request(request.url, {
                method: request.method,
                headers,
                ...(request.body !== undefined && { body: request.body }),
              });
              await response.arrayBuffer();
              statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
              expect(
                response.status,
                `${request.method} ${request.url} ${request.body ?? ''}`,
              ).toBeLessThan(500);
            }),
            { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
          );
          expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(RUNS_PER_OPERATION);
          // Logged in, no data route turns the person away: the session held throughout.
          if (mode === 'accounts' && !op.template.startsWith('/api/auth/')) {
            expect(statuses.get(401) ?? 0, 'answers 401 with a valid session').toBe(0);
          }
        });
      }
    });
  }
