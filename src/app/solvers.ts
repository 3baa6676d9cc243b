import { HighsSolver } from '../solver/highs.js';
import { HighsWorkerPool } from '../solver/highs-worker-pool.js';
import { HighsWorkerSolver } from '../solver/highs-worker-solver.js';
import type { ClosableSolver } from './deps.js';

/** HiGHS in a worker thread: a solve that overruns its limit is cancelled by ending the worker. */
export function workerSolver(): ClosableSolver {
  return new HighsWorkerSolver();
}

/** A solver pool: `size` worker threads (default: the cores less one), solves beyond wait. */
export interface SolverPool extends ClosableSolver {
  readonly size: number;
  readonly load: { running: number; waiting: number };
  close(): Promise<void>;
}

/** HiGHS in a bounded pool of worker threads: the server's plan jobs solve here. */
export function workerPool(size?: number): SolverPool {
  return new HighsWorkerPool(size !== undefined ? { size } : {});
}

/** HiGHS in this thread (benchmarks, tests). */
export function inProcessSolver(): ClosableSolver {
  return new HighsSolver();
}
