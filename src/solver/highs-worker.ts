/**
 * Worker-thread entry: solves models sent by HighsWorkerSolver with the in-process adapter.
 * Terminating the worker cancels a solve at once (HiGHS's own time limit can overshoot).
 */
import { parentPort } from 'node:worker_threads';
import type { LinearModel, SolveOptions } from '../core/plan/solver-port.js';
import { HighsSolver } from './highs.js';

interface Request {
  id: number;
  kind: 'solve' | 'iis';
  model: LinearModel;
  options: SolveOptions;
}

const solver = new HighsSolver();
parentPort?.on('message', (request: Request) => {
  const run =
    request.kind === 'solve'
      ? solver.solve(request.model, request.options)
      : solver.infeasibleRows(request.model, request.options);
  run.then(
    (value) => parentPort?.postMessage({ id: request.id, value }),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: String(error) }),
  );
});
