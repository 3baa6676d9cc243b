/**
 * HiGHS in one worker thread: the worker pool of size 1 (kept for callers that want exactly one
 * solve at a time). Cancelling or the safety net terminates the worker; no partial solution.
 */
import { HighsWorkerPool, type PoolSettings } from './highs-worker-pool.js';

export { CANCEL_GRACE_SEC } from './highs-worker-pool.js';

export class HighsWorkerSolver extends HighsWorkerPool {
  constructor(settings: Omit<PoolSettings, 'size'> = {}) {
    super({ ...settings, size: 1 });
  }
}
