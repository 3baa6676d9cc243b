import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanJobs } from '../src/app/plan-jobs.js';
import { loadFoodIndex } from '../src/data/load-foods.js';
import { createApp } from '../src/server/index.js';
import { startServer } from '../src/server/start.js';
import { HighsWorkerPool } from '../src/solver/highs-worker-pool.js';
import { createSqliteStore, type Store } from '../src/store/index.js';

// Plans as jobs in a worker pool, with the real HiGHS and SQLite: the event loop stays free
// while plans solve; a full queue answers 503; a client that goes away cancels its plan.
const foods = loadFoodIndex();
let store: Store;
let pool: HighsWorkerPool;
beforeAll(async () => {
  store = await createSqliteStore(':memory:');
  pool = new HighsWorkerPool({ size: 1 });
});
afterAll(async () => {
  await pool.close();
  await store.close();
});

const profile = {
  age: 65,
  sex: 'female',
  pattern: 'omnivore',
};

let nextId = 0;
function jobs(settings: { maxQueued?: number } = {}) {
  return new PlanJobs(
    { solver: pool, newId: () => `job-${(nextId += 1)}` },
    { concurrency: 1, ...settings },
  );
}

function appWith(planJobs: PlanJobs) {
  return createApp({ store, foods, log: false, plans: { jobs: planJobs, waitMs: 0 } });
}

async function json(response: Response) {
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (text ? JSON.parse(text) : undefined) as any;
}

const post = (body: unknown) => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('plans are jobs', () => {
  it('POST answers 202 with Location; /api/health answers while the plan solves; the job ends with the saved plan', async () => {
    const planJobs = jobs();
    const app = appWith(planJobs);
    await app.request('/api/profile', {
      method: 'PUT',
      body: JSON.stringify(profile),
      headers: { 'content-type': 'application/json' },
    });
    const created = await app.request('/api/plans', post({ days: 2 }));
    expect(created.status).toBe(202);
    const location = created.headers.get('location') as string;
    const job = await json(created);
    expect(location).toBe(`/api/plan-jobs/${job.id}`);
    expect(['queued', 'running']).toContain(job.state);

    // A solve is in a worker thread right now, and the event loop still answers.
    await until(() => pool.load.running === 1);
    const health = await app.request('/api/health');
    expect(health.status).toBe(200);
    expect(pool.load.running + planJobs.load.running).toBeGreaterThan(0);

    await planJobs.get('local', job.id)?.finished;
    const done = await json(await app.request(location));
    expect(done.state).toBe('done');
    expect(['optimal', 'effort-limit']).toContain(done.status);
    expect(done.plan.days).toHaveLength(2);
    expect(done.plan.shopping.length).toBeGreaterThan(3);
    const saved = await app.request(`/api/plans/${done.planId}`);
    expect(saved.status).toBe(200);
    expect((await json(saved)).days).toEqual(done.plan.days);
  }, 600_000);

  it('answers 503 with Retry-After when every slot and the queue are full; DELETE cancels', async () => {
    const planJobs = jobs({ maxQueued: 0 });
    const app = appWith(planJobs);
    await app.request('/api/profile', {
      method: 'PUT',
      body: JSON.stringify(profile),
      headers: { 'content-type': 'application/json' },
    });
    const first = await app.request('/api/plans', post({ days: 3 }));
    expect(first.status).toBe(202);
    const second = await app.request('/api/plans', post({ days: 1 }));
    expect(second.status).toBe(503);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await json(second)).error.code).toBe('BUSY');

    const location = first.headers.get('location') as string;
    const cancelled = await app.request(location, { method: 'DELETE' });
    expect(cancelled.status).toBe(200);
    const { id } = await json(first);
    await planJobs.get('local', id)?.finished;
    const ended = await json(await app.request(location));
    expect(ended).toMatchObject({ state: 'cancelled', cancelled: 'client' });
    expect(ended.error.code).toBe('BUSY');
    // The slot is free again.
    await until(() => pool.load.running === 0);
    const third = await app.request('/api/plans', post({ days: 1 }));
    expect(third.status).toBe(202);
    await planJobs.get('local', (await json(third)).id)?.finished;
  }, 600_000);

  it('a client that disconnects while POST waits cancels its plan and frees the worker', async () => {
    const planJobs = jobs();
    const server = await startServer({
      port: 0,
      store,
      foods,
      log: false,
      plans: { jobs: planJobs, waitMs: 600_000 },
    });
    try {
      const put = await fetch(`${server.url}/api/profile`, {
        method: 'PUT',
        body: JSON.stringify(profile),
        headers: { 'content-type': 'application/json' },
      });
      expect(put.status).toBe(200);
      const req = httpRequest(`${server.url}/api/plans`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      });
      req.on('error', () => {});
      req.end(JSON.stringify({ days: 3 }));
      await until(() => planJobs.load.running === 1 && pool.load.running === 1);
      const [job] = planJobs.list('local').filter((j) => j.state === 'running');
      req.destroy();
      await job?.finished;
      expect(job).toMatchObject({ state: 'cancelled', cancelled: 'client' });
      expect(pool.load.running).toBe(0);
    } finally {
      await server.close();
    }
  }, 600_000);
});
