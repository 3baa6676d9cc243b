import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { ClosableSolver, Store } from '../app/deps.js';
import { foodCatalog } from '../app/food-catalog.js';
import { PlanJobs, type PlanJobsSettings } from '../app/plan-jobs.js';
import { localPlanQueue, type PlanJobQueue } from '../app/plan-queue.js';
import { workerPool, workerSolver } from '../app/solvers.js';
import type { FoodIndex } from '../core/foods.js';
import type { Solver } from '../core/plan/solver-port.js';
import { ownerOf, registerAuthRoutes, type AccountsOptions } from './auth.js';
import { accessLog, stdoutAccessLogger, type AccessLogger } from './access-log.js';
import type { AppDeps, AppEnv } from './context.js';
import { ApiFailure, errorBody, statusFor } from './errors.js';
import { OPENAPI_DOCUMENT } from './openapi.js';
import { registerAssessmentRoutes } from './routes/assessment.js';
import { registerDiaryRoutes } from './routes/diary.js';
import { registerLabRoutes } from './routes/labs.js';
import { registerSupplementRoutes } from './routes/supplements.js';
import { registerDataRoutes } from './routes/data.js';
import { registerTrackerImportRoutes } from './routes/import-tracker.js';
import { registerEvidenceRoutes } from './routes/evidence.js';
import { registerFoodRoutes } from './routes/foods.js';
import { registerRecipeRoutes } from './routes/recipes.js';
import { registerPlanRoutes } from './routes/plans.js';
import { registerReportRoutes } from './routes/report.js';
import { registerProfileRoutes } from './routes/profile.js';
import { registerSharedReportRoutes, registerShareRoutes } from './routes/shares.js';
import { allowHosts, requestOrigin, requireJsonBody } from './request-guards.js';
import { registerStaticFiles } from './static-files.js';
import { unmatchedApiRequest } from './method-not-allowed.js';

/** Largest request body by default: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/**
 * Largest body of POST /api/import and /api/import/cronometer: 64 MiB. A generated three-year Cronometer servings history
 * (19,710 rows, a fifth of them own foods with their values) exports to 11.3 MiB.
 */
export const IMPORT_MAX_BODY_BYTES = 64 * 1024 * 1024;
const IMPORT_ROUTES = /^\/api\/import(?:\/|$)/;

export interface AppOptions {
  store: Store;
  foods: FoodIndex;
  clock?: () => Date;
  /** A fresh solver per plan; HiGHS in this thread by default. */
  solver?: () => ClosableSolver;
  /** Access log sink; `false` silences it (tests). Default: JSON lines on stdout. */
  log?: AccessLogger | false;
  /** Built UI to serve (index.html + assets); none when absent or the folder has no index.html. */
  webRoot?: string;
  /** Largest accepted request body, bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Largest body of POST /api/import and /api/import/cronometer (default 64 MiB). */
  maxImportBodyBytes?: number;
  /**
   * Host values to answer (DNS-rebinding guard), `name` (any port) or `name:port`, read per
   * request; every host when absent (in-process tests). startServer always sets it.
   */
  allowedHosts?: readonly string[] | (() => readonly string[]);
  /** Believe X-Forwarded-Host, -Proto and -For (a reverse proxy in front sets them). */
  trustProxy?: boolean;
  /**
   * Accounts: each request's owner is the logged-in user (src/server/auth.ts). Absent: the
   * single-user local mode, every request is `local`.
   */
  accounts?: AccountsOptions;
  /**
   * The plan solver (the worker pool the CLI uses too) and the job limits. Default: a pool
   * sized from the cores, as many plans at once as it has workers. `queue` replaces all of
   * that (the pg-boss queue on PostgreSQL, src/app/plan-queue-pgboss.ts).
   */
  plans?: {
    solver?: Solver;
    jobs?: PlanJobs;
    queue?: PlanJobQueue;
    settings?: Partial<PlanJobsSettings>;
    /** How long POST /api/plans waits for a plan before answering 202 (ms, default 1500). */
    waitMs?: number;
  };
}

function planJobs(options: AppOptions['plans']): PlanJobs {
  if (options?.jobs) return options.jobs;
  const solver = options?.solver ?? workerPool();
  const size = 'size' in solver && typeof solver.size === 'number' ? solver.size : 1;
  return new PlanJobs(
    { solver, newId: () => randomUUID() },
    { concurrency: size, ...options?.settings },
  );
}

/** The CSP allows the app's own scripts, styles, images and API calls, nothing from elsewhere. */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // React sets style attributes; inline <style> from the build is allowed, remote styles are not.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The calcwise HTTP API as a Hono app: testable in-process with `app.request()`, served by
 * `startServer` on Node. Every route answers JSON; errors are `{ error: { code, message, field } }`.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const clock = options.clock ?? (() => new Date());
  const deps: AppDeps = {
    store: options.store,
    foods: foodCatalog(options.foods),
    clock,
    solver: options.solver ?? workerSolver,
    plans: {
      queue: options.plans?.queue ?? localPlanQueue(planJobs(options.plans), options.store),
      waitMs: options.plans?.waitMs ?? 1500,
    },
  };
  const app = new Hono<AppEnv>();

  app.use('*', requestOrigin(options.trustProxy ?? false));
  if (options.log !== false) app.use('*', accessLog(options.log ?? stdoutAccessLogger, clock));
  app.use('*', secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }));
  const allowed = options.allowedHosts;
  if (allowed) app.use('*', allowHosts(typeof allowed === 'function' ? allowed : () => allowed));
  const limitOf = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) =>
        c.json(
          {
            error: {
              code: 'PAYLOAD_TOO_LARGE',
              message: `request body too large (limit ${maxSize} bytes)`,
            },
          },
          413,
        ),
    });
  // Public and read-only: a share's token is its only credential. Before the body guards (any
  // write there is a 405 unread) and before the owner is set, which these routes never read.
  registerSharedReportRoutes(app, deps);
  const apiLimit = limitOf(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  // A restore or a tracker upload carries years of diary: their own, larger bound.
  const importLimit = limitOf(options.maxImportBodyBytes ?? IMPORT_MAX_BODY_BYTES);
  app.use('/api/*', (c, next) =>
    (IMPORT_ROUTES.test(c.req.path) ? importLimit : apiLimit)(c, next),
  );
  app.use('/api/*', requireJsonBody);
  // The owner of the request: `local` by default, the session's user with accounts.
  app.use('/api/*', ownerOf(options.store, clock, options.accounts));

  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  app.get('/api/openapi.json', (c) => c.json(OPENAPI_DOCUMENT));
  registerAuthRoutes(app, options.store, clock, options.accounts);
  registerFoodRoutes(app, deps);
  registerRecipeRoutes(app, deps);
  registerProfileRoutes(app, deps);
  registerDiaryRoutes(app, deps);
  registerLabRoutes(app, deps);
  registerSupplementRoutes(app, deps);
  registerAssessmentRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerShareRoutes(app, deps);
  registerPlanRoutes(app, deps);
  registerEvidenceRoutes(app);
  registerDataRoutes(app, deps);
  registerTrackerImportRoutes(app, deps);

  app.all('/api/*', unmatchedApiRequest);
  if (options.webRoot) registerStaticFiles(app, options.webRoot);

  app.onError((error, c) => {
    if (error instanceof ApiFailure) {
      return c.json(errorBody(error.error, error.extra), statusFor(error.error.code));
    }
    if (error instanceof HTTPException) {
      return c.json(
        { error: { code: 'INVALID_INPUT', message: error.message || 'bad request' } },
        error.status,
      );
    }
    // A bug: log it, answer without internals.
    console.error(error);
    return c.json({ error: { code: 'INTERNAL', message: 'internal error' } }, 500);
  });
  return app;
}
