/**
 * The pg-boss plan queue in one process, with the real HiGHS pool and PostgreSQL: the API
 * (createApp on the queue) and a worker (PgPlanQueue.work) share a fresh pg-boss schema and app
 * schema. What the multi-process test (queue-workers.test.ts) does not cover: DELETE of a
 * running job stops its solve in the worker, an infeasible plan ends with its diagnosis and
 * saves nothing, and the store saves a plan under a given id once.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foodCatalog } from '../src/app/food-catalog.js';
import { PgPlanQueue, pgPlanQueueSettings, type PlanWorker } from '../src/app/plan-queue-pgboss.js';
import { loadFoodIndex } from '../src/data/load-foods.js';
import { createApp } from '../src/server/index.js';
import { HighsWorkerPool } from '../src/solver/highs-worker-pool.js';
import { createPostgresStore, type Store } from '../src/store/index.js';
import { pgProblem, pgUrl } from './support/test-stores.js';

const problem = await pgProblem();
if (problem && !process.env.CI) {
  console.warn(`PostgreSQL at ${pgUrl} unreachable (${problem}); the queue test runs only in CI.`);
}

const suffix = randomBytes(5).toString('hex');
const appSchema = `pgq_app_${suffix}`;
const bossSchema = `pgq_boss_${suffix}`;
const foods = loadFoodIndex();

describe.skipIf(problem !== undefined && !process.env.CI)('the pg-boss plan queue', () => {
  let store: Store;
  let pool: HighsWorkerPool;
  let queue: PgPlanQueue;
  let worker: PlanWorker;
  const outcomes: { id: string; outcome: string }[] = [];
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    store = await createPostgresStore(pgUrl, { schema: appSchema, maxConnections: 4 });
    pool = new HighsWorkerPool({ size: 1 });
    queue = await PgPlanQueue.open(
      pgUrl,
      pgPlanQueueSettings({
        CALCWISE_QUEUE_SCHEMA: bossSchema,
        CALCWISE_QUEUE_HEARTBEAT_SEC: '1',
        CALCWISE_QUEUE_EXPIRE_SEC: '30',
        CALCWISE_PLAN_TIMEOUT_SEC: '1200',
      }),
    );
    worker = await queue.work({
      solver: pool,
      store,
      foods: foodCatalog(foods),
      concurrency: 1,
      onJob: (event) => outcomes.push(event),
    });
    app = createApp({ store, foods, log: false, plans: { queue, waitMs: 0 } });
  });

  afterAll(async () => {
    await worker?.stop(0);
    await queue?.close();
    await pool?.close();
    await store?.close();
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`drop schema if exists ${appSchema} cascade`);
    await client.query(`drop schema if exists ${bossSchema} cascade`);
    await client.end();
  });

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

  async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 240_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('DELETE of a running job cancels it in the database and stops its solve', async () => {
    await call('PUT', '/api/profile', { age: 65, sex: 'female', pattern: 'omnivore' });
    const posted = await call('POST', '/api/plans', { days: 2 });
    expect(posted.status).toBe(202);
    const id = posted.json.id as string;
    await until('the worker to solve it', () => pool.load.running === 1);
    expect((await call('GET', `/api/plan-jobs/${id}`)).json.state).toBe('running');

    const deleted = await call('DELETE', `/api/plan-jobs/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.json.state).toBe('cancelled');
    // The heartbeat (every second) sees it and the pool's worker is freed.
    await until('the worker to stop the solve', () =>
      outcomes.some((e) => e.id === id && e.outcome === 'cancelled'),
    );
    expect(pool.load.running).toBe(0);
    const job = await call('GET', `/api/plan-jobs/${id}`);
    expect(job.json).toMatchObject({ state: 'cancelled', cancelled: 'client' });
    expect(job.json.planId).toBeUndefined();
    expect((await call('GET', '/api/plans')).json.plans).toEqual([]);
  }, 300_000);

  it('an infeasible plan ends with its diagnosis and saves nothing', async () => {
    await call('PUT', '/api/profile', {
      age: 65,
      sex: 'female',
      pattern: 'omnivore',
      targets: { energy: { max: 300 } },
    });
    const posted = await call('POST', '/api/plans', { days: 1 });
    expect(posted.status).toBe(202);
    const id = posted.json.id as string;
    let job: { state: string; [key: string]: unknown } = { state: 'queued' };
    await until('the plan to end', async () => {
      job = (await call('GET', `/api/plan-jobs/${id}`)).json;
      return job.state === 'done';
    });
    expect(job).toMatchObject({ status: 'infeasible', error: { code: 'INFEASIBLE_PLAN' } });
    expect(job.planId).toBeUndefined();
    const plan = job.plan as { diagnosis: { conflicts: { name: string }[] } };
    expect(plan.diagnosis.conflicts.map((c) => c.name)).toContain('cap:energy');
    expect((await call('GET', '/api/plans')).json.plans).toEqual([]);
  }, 300_000);

  it('saves a plan under a given id once; the id is not another owner’s to reuse', async () => {
    const plan = { request: { days: 1 }, result: { status: 'optimal', days: [] } };
    const id = '0b6cd1a2-5a4c-4d2e-9d3e-3f7f4c9a0001';
    const first = await store.savePlan('local', { ...plan, id });
    const again = await store.savePlan('local', { ...plan, result: { other: true }, id });
    expect(again).toEqual(first);
    expect((await store.listPlans('local')).filter((p) => p.id === id)).toHaveLength(1);
    await expect(store.savePlan('someone-else', { ...plan, id })).rejects.toThrow('another owner');
  });
});
