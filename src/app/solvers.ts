import { HighsSolver } from '../solver/highs.js';
import { HighsWorkerSolver } from '../solver/highs-worker-solver.js';
import type { ClosableSolver } from './deps.js';

/** HiGHS in a worker thread: a solve that overruns its limit is cancelled by ending the worker. */
export function workerSolver(): ClosableSolver {
  return new HighsWorkerSolver();
}

/** HiGHS in this thread (the server's default until plans run as jobs). */
export function inProcessSolver(): ClosableSolver {
  return new HighsSolver();
}
