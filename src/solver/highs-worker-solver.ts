/**
 * HiGHS in a worker thread (docs/design.md §10): the solve runs off the main thread and is
 * cancelled by terminating the worker when it overruns its time limit by more than a grace
 * period. A cancelled solve reports `time-limit` without a solution: no plan, never a partial one.
 */
import { Worker } from 'node:worker_threads';
import type { LinearModel, SolveOptions, SolveOutcome, Solver } from '../core/plan/solver-port.js';

/** Seconds a solve may overrun its own time limit before the worker is terminated. */
export const CANCEL_GRACE_SEC = 2;

export class HighsWorkerSolver implements Solver {
  private worker: Worker | undefined;
  private nextId = 1;

  /** `killAfterSec`: terminate after this long regardless of the solve's own limit (tests). */
  constructor(private readonly settings: { killAfterSec?: number } = {}) {}

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const fromSource = import.meta.url.endsWith('.ts');
    const url = new URL(`./highs-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
    // Running from src (tsx, vitest) the worker registers the TypeScript loader first.
    const worker = fromSource
      ? new Worker(
          `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`,
          { eval: true },
        )
      : new Worker(url);
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private call<T>(
    kind: 'solve' | 'iis',
    model: LinearModel,
    options: SolveOptions,
  ): Promise<T | 'cancelled'> {
    const worker = this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => {
          cleanup();
          void worker.terminate();
          this.worker = undefined;
          resolve('cancelled');
        },
        (this.settings.killAfterSec ?? options.timeLimitSec + CANCEL_GRACE_SEC) * 1000,
      );
      timer.unref();
      const onMessage = (message: { id: number; value?: T; error?: string }) => {
        if (message.id !== id) return;
        cleanup();
        if (message.error !== undefined) reject(new Error(message.error));
        else resolve(message.value as T);
      };
      const onError = (error: Error) => {
        cleanup();
        this.worker = undefined;
        reject(error);
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, kind, model, options });
    });
  }

  async solve(model: LinearModel, options: SolveOptions): Promise<SolveOutcome> {
    const started = performance.now();
    const outcome = await this.call<SolveOutcome>('solve', model, options);
    if (outcome === 'cancelled') {
      return { status: 'time-limit', solveMs: performance.now() - started, message: 'cancelled' };
    }
    return outcome;
  }

  async infeasibleRows(model: LinearModel, options: SolveOptions): Promise<number[]> {
    const rows = await this.call<number[]>('iis', model, options);
    return rows === 'cancelled' ? [] : rows;
  }

  /** Stops the worker; the solver spawns a new one if used again. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}
