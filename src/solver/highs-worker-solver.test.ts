import { describe, expect, it } from 'vitest';
import { ModelBuilder } from '../core/plan/solver-port.js';
import { HighsWorkerSolver } from './highs-worker-solver.js';

/**
 * A market-split instance (Cornuéjols & Dawande 1999) in its optimisation form: 4 rows over 30
 * binaries with coefficients 0–99, right-hand sides half the row sums, and the total deviation
 * minimised. Branch and bound needs far longer than a second to prove such instances.
 */
function marketSplit() {
  const b = new ModelBuilder();
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % 100;
  };
  const n = 30;
  for (let j = 0; j < n; j += 1) b.addCol(`x${j}`, 0, 0, 1, true);
  for (let i = 0; i < 4; i += 1) {
    const coefs = Array.from({ length: n }, () => next());
    const rhs = Math.floor(coefs.reduce((a, v) => a + v, 0) / 2);
    const over = b.addCol(`over${i}`, 1, 0, Infinity);
    const under = b.addCol(`under${i}`, 1, 0, Infinity);
    b.addRow(`split${i}`, rhs, rhs, [
      ...coefs.map((c, j) => [j, c] as [number, number]),
      [over, -1],
      [under, 1],
    ]);
  }
  return b.build();
}

describe('HighsWorkerSolver', () => {
  it('solves in a worker thread like the in-process adapter', async () => {
    const b = new ModelBuilder();
    b.addCol('x', 1, 0, 10, true);
    b.addCol('y', 2, 0, 10, true);
    b.addRow('r', 7, Infinity, [
      [0, 2],
      [1, 3],
    ]);
    const solver = new HighsWorkerSolver();
    try {
      const outcome = await solver.solve(b.build(), {});
      // 2x + 3y ≥ 7 at least cost x + 2y: x = 2, y = 1 costs 4; x = 4 costs 4 too; y = 3 costs 6.
      expect(outcome.status).toBe('optimal');
      expect(outcome.objective).toBe(4);
    } finally {
      await solver.close();
    }
  }, 300_000);

  it('the safety net stops a long solve as a fault (time-limit), with no solution', async () => {
    const solver = new HighsWorkerSolver();
    try {
      const outcome = await solver.solve(marketSplit(), {
        safetyTimeLimitSec: 0.5,
        effort: { nodes: 1e9 },
      });
      expect(outcome.status).toBe('time-limit');
      expect(outcome.values).toBeUndefined();
      expect(outcome.message).toMatch(/safety limit/);
    } finally {
      await solver.close();
    }
  }, 60_000);

  it('aborting cancels a running solve by ending its worker; the next solve gets a fresh one', async () => {
    const solver = new HighsWorkerSolver();
    try {
      const controller = new AbortController();
      const pending = solver.solve(marketSplit(), {
        effort: { nodes: 1e9 },
        signal: controller.signal,
      });
      // Wait until the solve has been handed to the worker, then abort.
      while (solver.load.running === 0) await new Promise((r) => setTimeout(r, 10));
      controller.abort();
      const outcome = await pending;
      expect(outcome.status).toBe('cancelled');
      expect(outcome.values).toBeUndefined();
      const b = new ModelBuilder();
      b.addCol('x', 1, 1, 2, true);
      expect((await solver.solve(b.build(), {})).objective).toBe(1);
    } finally {
      await solver.close();
    }
  }, 60_000);
});
