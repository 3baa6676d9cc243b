/**
 * Plans through the pg-boss queue on a real PostgreSQL, with the built CLI as child processes:
 * two `calcwise serve --no-worker` API processes, `calcwise worker` processes that solve, one
 * of them killed (SIGKILL) mid-solve. Each plan is solved and saved exactly once, whichever API
 * took it and whichever API is asked; the killed worker's job is retried and completes.
 * Each run has its own app schema and pg-boss schema, dropped at the end. Every wait is on a
 * state (a log line, a job state), under a generous deadline.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import type { CliIo } from '../src/cli/io.js';
import { REPO_ROOT } from './e2e/support/server.js';
import { pgProblem, pgUrl } from './support/test-stores.js';

const problem = await pgProblem();
if (problem && !process.env.CI) {
  console.warn(`PostgreSQL at ${pgUrl} unreachable (${problem}); the queue test runs only in CI.`);
}

const suffix = randomBytes(5).toString('hex');
const appSchema = `queue_app_${suffix}`;
const bossSchema = `queue_boss_${suffix}`;
// The app's tables in their own schema (search_path), pg-boss's in another.
const databaseUrl = `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(
  `-c search_path=${appSchema}`,
)}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  CALCWISE_QUEUE_SCHEMA: bossSchema,
  // A killed worker's job is retried within about 8 + 1 s; a live one beats every second.
  CALCWISE_QUEUE_HEARTBEAT_SEC: '1',
  CALCWISE_QUEUE_EXPIRE_SEC: '8',
  CALCWISE_QUEUE_MAINTENANCE_SEC: '1',
  // No plan is cancelled for its wall-clock time here, however busy the machine.
  CALCWISE_PLAN_TIMEOUT_SEC: '1200',
};
delete env.PORT;
delete env.CALCWISE_DB;
delete env.CALCWISE_QUEUE;
delete env.CALCWISE_WORKERS;

const DEADLINE_MS = 240_000;

interface Child {
  name: string;
  process: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

const children: Child[] = [];

function start(name: string, args: string[]): Child {
  const child = spawn('node', ['bin/calcwise.js', ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const started = { name, process: child, out: () => out, err: () => err, exited };
  children.push(started);
  return started;
}

/** Waits until `check` gives a value (polling), or fails naming what it waited for. */
async function until<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  everyMs = 200,
) {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) {
      const logs = children.map((c) => `--- ${c.name}\n${c.err()}${c.out()}`).join('\n');
      throw new Error(`timed out waiting for ${what}\n${logs}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

async function startApi(name: string): Promise<string> {
  const api = start(name, ['serve', '--accounts', '--port', '0', '--queue', 'pg', '--no-worker']);
  return until(`${name} to listen`, () => {
    if (api.process.exitCode !== null) throw new Error(`${name} exited: ${api.err()}`);
    return /serving (http:\/\/\S+)/.exec(api.err())?.[1];
  });
}

async function startWorker(name: string): Promise<Child> {
  const worker = start(name, ['worker', '--concurrency', '1', '--grace', '0']);
  await until(`${name} to start`, () => {
    if (worker.process.exitCode !== null) throw new Error(`${name} exited: ${worker.err()}`);
    return worker.err().includes('solving plans from');
  });
  return worker;
}

/** The worker's job events, from its JSON lines on stdout. */
function events(worker: Child): { job: string; outcome: string }[] {
  return worker
    .out()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { job: string; outcome: string });
}

/** A logged-in person: the session cookie and its CSRF token (sessions live in the database). */
interface Session {
  userId: string;
  cookie: string;
  csrf: string;
}

async function call(url: string, method: string, path: string, body?: unknown, as?: Session) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(as && { cookie: as.cookie }),
      ...(as && method !== 'GET' && { 'x-csrf-token': as.csrf }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    json: (text ? JSON.parse(text) : undefined) as any,
  };
}

async function register(url: string, username: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'queue test password' }),
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { user: { id: string }; csrfToken: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { userId: body.user.id, cookie, csrf: body.csrfToken };
}

let db: pg.Client;

describe.skipIf(problem !== undefined && !process.env.CI)('plans through the pg-boss queue', () => {
  beforeAll(async () => {
    if (!existsSync(`${REPO_ROOT}dist/cli/main.js`)) {
      throw new Error('this test runs the built CLI: run `npm run build` first');
    }
    db = new pg.Client({ connectionString: pgUrl });
    await db.connect();
    await db.query(`create schema ${appSchema}`);
  });

  afterAll(async () => {
    for (const child of children) {
      if (child.process.exitCode === null && child.process.signalCode === null) {
        child.process.kill('SIGKILL');
      }
    }
    await Promise.all(children.map((child) => child.exited));
    await db.query(`drop schema if exists ${appSchema} cascade`);
    await db.query(`drop schema if exists ${bossSchema} cascade`);
    await db.end();
  });

  it('two APIs, workers, one killed mid-solve: each plan solved and saved once, for its owner', async () => {
    // The first API installs the pg-boss schema and the app's tables; the rest start together.
    const apiA = await startApi('api-a');
    const [apiB, w1, w2] = await Promise.all([
      startApi('api-b'),
      startWorker('worker-1'),
      startWorker('worker-2'),
    ]);
    // Two people with accounts, each registered through a different API; a session made by one
    // API is good on the other (sessions are in the database). The same profile, so the same plan.
    const ana = await register(apiA, 'ana');
    const ben = await register(apiB, 'ben');
    for (const person of [ana, ben]) {
      const put = await call(
        apiA,
        'PUT',
        '/api/profile',
        { age: 65, sex: 'female', pattern: 'omnivore' },
        person,
      );
      expect(put.status).toBe(200);
    }

    // A one-day plan solves for seconds: its worker is killed as soon as it says it started.
    const first = await call(apiA, 'POST', '/api/plans', { days: 1 }, ana);
    expect(first.status).toBe(202);
    const killedJob = first.json.id as string;
    expect(first.headers.get('location')).toBe(`/api/plan-jobs/${killedJob}`);
    const solving = await until(
      'a worker to start the first plan',
      () =>
        [w1, w2].find((w) => events(w).some((e) => e.job === killedJob && e.outcome === 'started')),
      20,
    );
    solving.process.kill('SIGKILL');
    await solving.exited;
    // It died before finishing: the job is still active (nobody completes it) or waits for retry.
    const { rows: atKill } = await db.query(`select state from ${bossSchema}.job where id = $1`, [
      killedJob,
    ]);
    expect(['active', 'retry']).toContain(atKill[0]?.state);
    expect(events(solving).some((e) => e.job === killedJob && e.outcome === 'done')).toBe(false);
    // An orchestrator would restart it; a third worker joins the survivor.
    const w3 = await startWorker('worker-3');
    const workers = [w1, w2, w3];

    // Three more, through both APIs at once, for both people.
    const posters = [ben, ana, ben];
    const posts = await Promise.all(
      [apiB, apiA, apiB].map((api, i) => call(api, 'POST', '/api/plans', { days: 1 }, posters[i])),
    );
    for (const post of posts) expect([201, 202]).toContain(post.status);
    // 202: the job's id; 201: the saved plan's, which is the job's.
    const oneDay = posts.map((post) => post.json.id as string);
    const jobs = [killedJob, ...oneDay];
    const owners = [ana, ...posters];
    expect(new Set(jobs).size).toBe(4);
    // A job is its owner's only: the other person gets 404 from either API.
    for (const [i, id] of jobs.entries()) {
      const other = owners[i] === ana ? ben : ana;
      expect((await call(apiA, 'GET', `/api/plan-jobs/${id}`, undefined, other)).status).toBe(404);
    }

    // Any API answers for any job: ask the other one than the job was posted to.
    const asked = [apiB, apiA, apiB, apiA];
    const ended = await Promise.all(
      jobs.map((id, i) =>
        until(`job ${id} to end`, async () => {
          const got = await call(asked[i]!, 'GET', `/api/plan-jobs/${id}`, undefined, owners[i]);
          expect(got.status).toBe(200);
          return got.json.state === 'done' || got.json.state === 'cancelled' ? got.json : undefined;
        }),
      ),
    );
    for (const [i, job] of ended.entries()) {
      expect(job.state, JSON.stringify({ ...job, plan: undefined })).toBe('done');
      expect(job.error).toBeUndefined();
      // Saved under the job's id, in the owner's plans.
      expect(job.planId).toBe(jobs[i]);
      expect(job.plan.id).toBe(jobs[i]);
      expect(job.plan.days).toHaveLength(1);
    }

    // Exactly once: one saved plan per job, one completion per job.
    const saved = await db.query(`select id, owner from ${appSchema}.plans order by id`);
    expect(saved.rows.map((r) => r.id)).toEqual([...jobs].sort());
    // Each plan reached the person who asked for it.
    const ownerOf = new Map(saved.rows.map((r) => [r.id as string, r.owner as string]));
    expect(jobs.map((id) => ownerOf.get(id))).toEqual(owners.map((o) => o.userId));
    for (const person of [ana, ben]) {
      const listed = await call(apiB, 'GET', '/api/plans', undefined, person);
      expect((listed.json.plans as { id: string }[]).map((p) => p.id).sort()).toEqual(
        jobs.filter((_, i) => owners[i] === person).sort(),
      );
    }
    const completions = await db.query(
      `select id, retry_count from ${bossSchema}.job where state = 'completed'
       union all select id, retry_count from ${bossSchema}.archive where state = 'completed'`,
    );
    expect(completions.rows.map((r) => r.id).sort()).toEqual([...jobs].sort());
    // The killed worker's job was taken again, and finished by a live worker.
    const retried = completions.rows.find((r) => r.id === killedJob);
    expect(retried?.retry_count).toBeGreaterThanOrEqual(1);
    const finishers = workers.filter((w) =>
      events(w).some((e) => e.job === killedJob && e.outcome === 'done'),
    );
    expect(finishers.map((w) => w.name)).not.toContain(solving.name);
    expect(finishers.length).toBeGreaterThan(0);

    // The same request gives the same plan, whichever worker solved it.
    const plans = ended.map((job) => JSON.stringify(job.plan.days));
    expect(new Set(plans).size).toBe(1);

    // Another owner's job does not exist for this one (a job queued for later, never solved).
    const boss = new PgBoss({
      connectionString: pgUrl,
      schema: bossSchema,
      supervise: false,
      schedule: false,
    });
    await boss.start();
    const foreign = await boss.send(
      'calcwise-plan',
      { owner: 'someone-else', body: { days: 1 } },
      { startAfter: 3600 },
    );
    await boss.stop({ graceful: false });
    expect(foreign).toBeTruthy();
    expect((await call(apiA, 'GET', `/api/plan-jobs/${foreign}`, undefined, ana)).status).toBe(404);
    expect((await call(apiB, 'DELETE', `/api/plan-jobs/${foreign}`, undefined, ben)).status).toBe(
      404,
    );
    // Not a job id at all: 404 naming the field, not a database error.
    const junk = await call(apiA, 'GET', '/api/plan-jobs/not-a-uuid', undefined, ana);
    expect(junk.status).toBe(404);
    expect(junk.json.error.field).toBe('id');

    // SIGTERM: APIs and workers stop cleanly.
    const running = children.filter((c) => c !== solving);
    for (const child of running) child.process.kill('SIGTERM');
    const codes = await Promise.all(running.map((child) => child.exited));
    expect(codes).toEqual(running.map(() => 0));
    for (const worker of workers.filter((w) => w !== solving)) {
      expect(worker.err()).toContain('calcwise worker stopped.');
    }
  }, 300_000);
});

function captureIo(env: Record<string, string | undefined>) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    cwd: REPO_ROOT,
    env,
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
  };
  return { io, out };
}

describe('choosing the queue', () => {
  it('calcwise worker without DATABASE_URL exits 2 naming it', async () => {
    const { io, out } = captureIo({});
    expect(await runCli(['worker'], io)).toBe(2);
    expect(out.stderr).toContain('DATABASE_URL');
  });

  it('serve --queue pg on SQLite, or an unknown queue, exits 2 naming the field', async () => {
    const sqlite = captureIo({});
    expect(
      await runCli(['serve', '--port', '0', '--db', ':memory:', '--queue', 'pg'], sqlite.io),
    ).toBe(2);
    expect(sqlite.out.stderr).toContain('field "queue"');
    const unknown = captureIo({});
    expect(
      await runCli(['serve', '--port', '0', '--db', ':memory:', '--queue', 'redis'], unknown.io),
    ).toBe(2);
    expect(unknown.out.stderr).toContain('field "queue"');
    const badEnv = captureIo({ CALCWISE_QUEUE: 'nope' });
    expect(await runCli(['serve', '--port', '0', '--db', ':memory:'], badEnv.io)).toBe(2);
    expect(badEnv.out.stderr).toContain('CALCWISE_QUEUE');
  });

  it('calcwise worker refuses a bad --concurrency with exit 2 naming it', async () => {
    const { io, out } = captureIo({ DATABASE_URL: pgUrl });
    expect(await runCli(['worker', '--concurrency', '0'], io)).toBe(2);
    expect(out.stderr).toContain('field "concurrency"');
  });
});
