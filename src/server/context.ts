import type { AppDeps as UseCaseDeps } from '../app/deps.js';
import type { PlanJobQueue } from '../app/plan-queue.js';

/** What the routes need: the use cases' deps and the plan job queue (in-process or pg-boss). */
export type AppDeps = UseCaseDeps & {
  /** POST /api/plans waits `waitMs` for a plan before answering 202 with the job. */
  plans: { queue: PlanJobQueue; waitMs: number };
};

/** Where a request came from: X-Forwarded-* only behind a trusted proxy (`--trust-proxy`). */
export interface RequestOrigin {
  /** The Host the client asked for, as sent (with its port). */
  host: string;
  proto: 'http' | 'https' | string;
  /** The client's address, when known (absent for in-process requests). */
  client?: string;
}

/**
 * Hono variables set per request. `owner`: `local` without accounts; with accounts, the logged-in
 * user (src/server/auth.ts), with `session` beside it. Public paths without a session have none.
 */
export interface AppEnv {
  Variables: {
    owner: string;
    origin: RequestOrigin;
    session?: { username: string; csrfToken: string };
  };
}

/** The server's local calendar date, and date arithmetic: the use cases' (src/app/dates.ts). */
export { addDays, localDate } from '../app/dates.js';
