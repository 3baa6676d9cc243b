/**
 * Many people on one PostgreSQL: USERS accounts (each registered and logged in) log diary entries
 * and read their analysis, all at once, while PLANS plans wait in the pg-boss queue and solve.
 * Run 1: two `serve --accounts --no-worker` processes and two `calcwise worker` processes.
 * Run 2, the peer: one `serve --accounts` process that also solves. Reported per run: writes
 * acknowledged vs rows stored (they must be equal), p50/p99 of diary writes, of analysis reads
 * and of /api/health probed every 100 ms, and the plans finished during the load.
 * PostgreSQL: CALCWISE_BENCH_PG (default postgres://postgres@127.0.0.1:5432/test).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const USERS = Number(process.env.BENCH_USERS ?? 200);
const ROUNDS = Number(process.env.BENCH_USER_ROUNDS ?? 5);
const PLANS = Number(process.env.BENCH_PLANS ?? 20);
const PG_URL = process.env.CALCWISE_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROOT = fileURLToPath(new URL('../', import.meta.url));

interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

interface Proc {
  child: ChildProcess;
  err: () => string;
}

function start(args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn('node', ['bin/calcwise.js', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { child, err: () => err };
}

async function until<T>(what: string, check: () => T | undefined, ms = 120_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function listening(proc: Proc): Promise<string> {
  return until('a server to listen', () => {
    if (proc.child.exitCode !== null) throw new Error(`serve exited: ${proc.err()}`);
    return /serving (http:\/\/\S+)/.exec(proc.err())?.[1];
  });
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface User {
  api: string;
  cookie: string;
  csrf: string;
}

async function timed(fn: () => Promise<Response>): Promise<{ ms: number; response: Response }> {
  const t0 = performance.now();
  const response = await fn();
  await response.arrayBuffer();
  return { ms: performance.now() - t0, response };
}

interface RunResult {
  acknowledged: number;
  stored: number;
  writeMs: number[];
  readMs: number[];
  healthMs: number[];
  plansDone: number;
  failures: number;
  seconds: number;
}

async function runOnce(apis: number, workers: number): Promise<RunResult> {
  const suffix = randomBytes(4).toString('hex');
  const appSchema = `bench_users_${suffix}`;
  const bossSchema = `bench_boss_${suffix}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${appSchema}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${appSchema}`)}`,
    CALCWISE_QUEUE_SCHEMA: bossSchema,
    CALCWISE_PLAN_TIMEOUT_SEC: '1200',
  };
  for (const name of ['PORT', 'CALCWISE_DB', 'CALCWISE_QUEUE', 'CALCWISE_WORKERS'])
    delete env[name];
  const procs: Proc[] = [];
  try {
    // As behind a reverse proxy: each person's address comes in X-Forwarded-For, so the login
    // limit per address (20 per 10 minutes) counts people, not the one load generator.
    const serveArgs = ['serve', '--accounts', '--trust-proxy', '--port', '0', '--queue', 'pg'];
    // The first API creates the schemas; the others start after it.
    const first = start(workers > 0 ? [...serveArgs, '--no-worker'] : serveArgs, env);
    procs.push(first);
    const urls = [await listening(first)];
    for (let i = 1; i < apis; i++) {
      const next = start([...serveArgs, '--no-worker'], env);
      procs.push(next);
      urls.push(await listening(next));
    }
    for (let i = 0; i < workers; i++) {
      const worker = start(['worker', '--concurrency', '1'], env);
      procs.push(worker);
      await until('a worker', () =>
        worker.err().includes('solving plans from') ? true : undefined,
      );
    }

    // Accounts, spread over the APIs (argon2id hashing is part of what registering costs).
    const users: User[] = [];
    for (let i = 0; i < USERS; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(20, USERS - i) }, async (_, k) => {
          const api = urls[(i + k) % urls.length]!;
          const response = await fetch(`${api}/api/auth/register`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-forwarded-for': `10.0.${(i + k) >> 8}.${(i + k) & 255}`,
            },
            body: JSON.stringify({ username: `user-${i + k}`, password: 'bench password 1' }),
          });
          if (response.status !== 201) throw new Error(`register: ${response.status}`);
          const body = (await response.json()) as { csrfToken: string };
          const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
          return { api, cookie, csrf: body.csrfToken };
        }),
      );
      users.push(...batch);
    }
    const send = (user: User, method: string, path: string, body?: unknown, key?: string) =>
      fetch(`${user.api}${path}`, {
        method,
        headers: {
          cookie: user.cookie,
          ...(method !== 'GET' && { 'x-csrf-token': user.csrf }),
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...(key && { 'idempotency-key': key }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    // The planners: a profile each, then a 1-day plan queued.
    const planners = users.slice(0, PLANS);
    await Promise.all(
      planners.map((user) => send(user, 'PUT', '/api/profile', { age: 66, sex: 'female' })),
    );
    const jobs = await Promise.all(
      planners.map(async (user) => {
        const response = await send(user, 'POST', '/api/plans', { days: 1 });
        await response.arrayBuffer();
        return { user, location: response.headers.get('location') ?? '' };
      }),
    );

    let probing = true;
    const healthMs: number[] = [];
    const probe = (async () => {
      while (probing) {
        const { ms } = await timed(() => fetch(`${urls[0]}/api/health`));
        healthMs.push(ms);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();

    const writeMs: number[] = [];
    const readMs: number[] = [];
    let acknowledged = 0;
    let failures = 0;
    const t0 = performance.now();
    await Promise.all(
      users.map(async (user, u) => {
        for (let round = 0; round < ROUNDS; round++) {
          const entry = {
            date: `2026-11-${String(10 + (round % 20)).padStart(2, '0')}`,
            food: 'sr24:11233',
            amount: 1 + (u % 3),
            unit: 'cup, chopped',
          };
          const write = await timed(() =>
            send(user, 'POST', '/api/diary/entries', entry, randomUUID()),
          );
          writeMs.push(write.ms);
          if (write.response.status === 201) acknowledged += 1;
          else failures += 1;
          const read = await timed(() =>
            send(user, 'GET', '/api/analysis?from=2026-11-10&to=2026-11-30'),
          );
          readMs.push(read.ms);
          if (read.response.status !== 200) failures += 1;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    probing = false;
    await probe;

    let plansDone = 0;
    for (const job of jobs) {
      const response = await send(job.user, 'GET', job.location);
      const body = (await response.json()) as { state?: string };
      if (body.state === 'done') plansDone += 1;
      else await (await send(job.user, 'DELETE', job.location)).arrayBuffer();
    }
    const stored = Number(
      (await admin.query(`select count(*) as n from ${appSchema}.diary_entries`)).rows[0].n,
    );
    return { acknowledged, stored, writeMs, readMs, healthMs, plansDone, failures, seconds };
  } finally {
    for (const proc of procs) proc.child.kill('SIGTERM');
    await Promise.all(
      procs.map(
        (proc) =>
          new Promise<void>((resolve) => {
            if (proc.child.exitCode !== null) return resolve();
            const timer = setTimeout(() => proc.child.kill('SIGKILL'), 30_000);
            proc.child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
    await admin.query(`drop schema if exists ${appSchema} cascade`);
    await admin.query(`drop schema if exists ${bossSchema} cascade`);
    await admin.end();
  }
}

function rows(label: string, r: RunResult): BenchRow[] {
  const ms = (value: number) => Math.round(value * 10) / 10;
  return [
    {
      name: `${label}: writes acknowledged / rows stored`,
      value: r.acknowledged,
      unit: 'entries',
      note: `${r.stored} stored${r.acknowledged === r.stored ? ' (equal)' : ' (DIFFERENT)'}; ${r.failures} failed requests`,
    },
    { name: `${label}: diary write p50`, value: ms(percentile(r.writeMs, 50)), unit: 'ms' },
    { name: `${label}: diary write p99`, value: ms(percentile(r.writeMs, 99)), unit: 'ms' },
    { name: `${label}: analysis read p99`, value: ms(percentile(r.readMs, 99)), unit: 'ms' },
    {
      name: `${label}: /api/health p99`,
      value: ms(percentile(r.healthMs, 99)),
      unit: 'ms',
      note: `${r.healthMs.length} probes`,
    },
    {
      name: `${label}: load phase`,
      value: Math.round(r.seconds * 10) / 10,
      unit: 's',
      note: `${USERS} users × ${ROUNDS} (write + analysis); ${r.plansDone} of ${PLANS} plans done meanwhile`,
    },
  ];
}

export async function run(): Promise<{ title: string; rows: BenchRow[] }> {
  const two = await runOnce(2, 2);
  const one = await runOnce(1, 0);
  if (two.acknowledged !== two.stored || one.acknowledged !== one.stored) {
    throw new Error(
      `acknowledged writes differ from stored rows: ${two.acknowledged}/${two.stored}, ${one.acknowledged}/${one.stored}`,
    );
  }
  const ratio = percentile(two.writeMs, 99) / percentile(one.writeMs, 99);
  return {
    title: `${USERS} users with accounts on PostgreSQL, ${PLANS} plans in the queue`,
    rows: [
      ...rows('2 APIs + 2 workers', two),
      ...rows('1 API (solving itself)', one),
      {
        name: 'diary write p99, 2 APIs + 2 workers ÷ 1 API',
        value: Math.round(ratio * 100) / 100,
        unit: '×',
      },
    ],
  };
}
