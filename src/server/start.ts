import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { FoodIndex } from '../core/foods.js';
import {
  bundledFoods,
  foodCatalog,
  openStore,
  workerPool,
  type SolverPool,
  type StoreLocation,
} from '../app/compose.js';
import type { Store } from '../app/deps.js';
import type { AccessLogger } from './access-log.js';
import type { AccountsOptions } from './auth.js';
import { createApp, type AppOptions } from './app.js';
import { PlanJobs } from '../app/plan-jobs.js';
import { randomUUID } from 'node:crypto';
import { answerClientError } from './client-errors.js';
import { defaultAllowedHosts, exposureRefusal } from './exposure.js';
import { defaultWebRoot } from './static-files.js';
import { setupPlanQueue, type PlanQueueKind } from './plan-queue-setup.js';

export interface StartOptions {
  /** 0 picks a free port. Default 3000. */
  port?: number;
  /** Default 127.0.0.1: loopback only. Anything else needs `accounts` or `insecureNoAuth`. */
  host?: string;
  /** Listen beyond loopback although nobody is authenticated (a network the user trusts). */
  insecureNoAuth?: boolean;
  /** Accounts: registration, logins and per-user data (src/server/auth.ts). */
  accounts?: AccountsOptions;
  /**
   * Host values answered besides the defaults (loopback names and the bind address, with the
   * port): `name` for any port, `name:port` for one. See exposure.ts.
   */
  allowedHosts?: readonly string[];
  /** Believe X-Forwarded-Host, -Proto and -For from a reverse proxy in front. */
  trustProxy?: boolean;
  /** SQLite file; else DATABASE_URL (PostgreSQL), CALCWISE_DB, ./calcwise.db. */
  dbFile?: string;
  env?: Record<string, string | undefined>;
  /** Pass a store or foods to reuse them (benchmarks, tests); otherwise they are opened here. */
  store?: Store;
  foods?: FoodIndex;
  log?: AccessLogger | false;
  webRoot?: string;
  /**
   * Plan solving: worker threads (default CALCWISE_PLAN_WORKERS, else the cores less one),
   * plans waiting beyond them before 503, seconds before a plan is cancelled; or the app's
   * own plan options (tests).
   */
  plans?: AppOptions['plans'] & { workers?: number; maxQueued?: number; timeoutSec?: number };
  /**
   * Where plans are solved (plan-queue-setup.ts): 'pg' (the pg-boss queue, PostgreSQL only) or
   * 'local' (in-process); default CALCWISE_QUEUE, else pg on PostgreSQL. With 'pg', `workers`
   * solve in this process too (default CALCWISE_WORKERS, else the pool's size; 0: none).
   */
  queue?: { kind?: PlanQueueKind; workers?: number };
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  store: StoreLocation;
  /** Where plans are solved: in-process, or the pg-boss queue (with this process's workers). */
  planQueue: { kind: PlanQueueKind; workers: number };
  /** Whether the built UI is being served. */
  servesUi: boolean;
  /** The Host values answered (others get 403). */
  allowedHosts: readonly string[];
  /** Stops accepting connections, waits for open ones, closes the store. */
  close(): Promise<void>;
  /** Settles when the server has closed (by close() or otherwise). */
  closed: Promise<void>;
}

/** Thrown by startServer before it opens anything, when the bind address is refused. */
export class ExposureRefused extends Error {
  readonly code = 'EXPOSURE_REFUSED';
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const refusal = exposureRefusal(host, {
    accounts: options.accounts !== undefined,
    ...(options.insecureNoAuth !== undefined && { insecureNoAuth: options.insecureNoAuth }),
  });
  if (refusal) throw new ExposureRefused(refusal);
  const foods = options.foods ?? bundledFoods().index;
  const opened = options.store
    ? { store: options.store, location: { kind: options.store.dialect, description: 'provided' } }
    : await openStore(options.dbFile, options.env ?? process.env);
  const webRoot = options.webRoot ?? defaultWebRoot();
  // Every bind address answers only its allowed Host values (DNS rebinding); the defaults carry
  // the port, known once listening.
  let allowedHosts: readonly string[] = [];
  const env = options.env ?? process.env;
  const workers = options.plans?.workers ?? (Number(env.CALCWISE_PLAN_WORKERS) || undefined);
  // On PostgreSQL, by default, plans go through the pg-boss queue (src/app/plan-queue-pgboss.ts).
  let shared: Awaited<ReturnType<typeof setupPlanQueue>>;
  try {
    shared = await setupPlanQueue({
      storeKind: opened.location.kind === 'postgres' ? 'postgres' : 'sqlite',
      env,
      ...options.queue,
      ...(workers !== undefined && { poolSize: workers }),
      store: opened.store,
      foods: foodCatalog(foods),
    });
  } catch (error) {
    if (!options.store) await opened.store.close();
    throw error;
  }
  const local = !shared && !options.plans?.solver && !options.plans?.jobs;
  const ownPool = local ? workerPool(workers) : undefined;
  const jobs = shared
    ? undefined
    : (options.plans?.jobs ??
      new PlanJobs(
        { solver: options.plans?.solver ?? (ownPool as SolverPool), newId: () => randomUUID() },
        {
          concurrency: ownPool?.size ?? workers ?? 1,
          ...(options.plans?.maxQueued !== undefined && { maxQueued: options.plans.maxQueued }),
          ...(options.plans?.timeoutSec !== undefined && { timeoutSec: options.plans.timeoutSec }),
        },
      ));
  const app = createApp({
    plans: {
      ...(jobs && { jobs }),
      ...(shared && { queue: shared.queue }),
      ...(options.plans?.waitMs !== undefined && { waitMs: options.plans.waitMs }),
    },
    store: opened.store,
    foods,
    webRoot,
    allowedHosts: () => allowedHosts,
    trustProxy: options.trustProxy ?? false,
    ...(options.accounts && { accounts: options.accounts }),
    ...(options.log !== undefined && { log: options.log }),
  });

  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 3000, hostname: host }, () =>
        resolve(s),
      );
      s.once('error', reject);
      s.on('clientError', answerClientError);
    });
  } catch (error) {
    await shared?.close();
    if (!options.store) await opened.store.close();
    throw error;
  }

  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  let closing: Promise<void> | undefined;
  const port = (server.address() as AddressInfo).port;
  allowedHosts = [...defaultAllowedHosts(host, port), ...(options.allowedHosts ?? [])];
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    store: opened.location,
    planQueue: shared
      ? { kind: 'pg', workers: shared.workers }
      : { kind: 'local', workers: ownPool?.size ?? workers ?? 1 },
    servesUi: existsSync(join(webRoot, 'index.html')),
    allowedHosts,
    closed,
    close() {
      closing ??= (async () => {
        // Running plans are cancelled first, so requests waiting on them answer at once.
        await jobs?.close();
        await shared?.close();
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          // Idle keep-alive connections would hold close() open.
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        await ownPool?.close();
        if (!options.store) await opened.store.close();
      })();
      return closing;
    },
  };
}
