/**
 * HiGHS in a bounded pool of worker threads (docs/design.md §10, §11 "Plans are jobs"): solves
 * run off the main thread, at most `size` at once, the rest wait in order. A solve is cancelled
 * by its AbortSignal or by the wall-clock safety net, both by terminating its worker (HiGHS's
 * own time limit can overshoot by seconds); the pool replaces the worker on the next solve.
 * The CLI and the server use this same adapter.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  SAFETY_TIME_LIMIT_SEC,
  type LinearModel,
  type SolveOptions,
  type SolveOutcome,
  type Solver,
} from '../core/plan/solver-port.js';

/** Seconds a solve may overrun its safety limit before its worker is terminated. */
export const CANCEL_GRACE_SEC = 2;

export interface PoolSettings {
  /** Worker threads (default: the available cores less one for the event loop, at least 1). */
  size?: number;
  /** Terminate a solve after this long regardless of its own safety limit (tests). */
  killAfterSec?: number;
}

/** The default pool size: one core is left to the event loop. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

interface Task {
  kind: 'solve' | 'iis';
  model: LinearModel;
  options: SolveOptions;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  started: number;
}

interface Slot {
  worker: Worker | undefined;
  task: Task | undefined;
}

type Reply = { id: number; value?: unknown; error?: string };

export class HighsWorkerPool implements Solver {
  readonly size: number;
  private readonly slots: Slot[];
  private readonly waiting: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly settings: PoolSettings = {}) {
    this.size = Math.max(1, Math.floor(settings.size ?? defaultPoolSize()));
    this.slots = Array.from({ length: this.size }, () => ({ worker: undefined, task: undefined }));
  }

  /** Solves running now and waiting for a worker. */
  get load(): { running: number; waiting: number } {
    return {
      running: this.slots.filter((s) => s.task !== undefined).length,
      waiting: this.waiting.length,
    };
  }

  async solve(model: LinearModel, options: SolveOptions): Promise<SolveOutcome> {
    const started = performance.now();
    const value = await this.enqueue('solve', model, options);
    if (value === 'cancelled') {
      return { status: 'cancelled', solveMs: performance.now() - started, message: 'cancelled' };
    }
    if (value === 'killed') {
      return {
        status: 'time-limit',
        solveMs: performance.now() - started,
        message: 'the wall-clock safety limit was reached; the solve was stopped',
      };
    }
    return value as SolveOutcome;
  }

  async infeasibleRows(model: LinearModel, options: SolveOptions): Promise<number[]> {
    const rows = await this.enqueue('iis', model, options);
    return Array.isArray(rows) ? (rows as number[]) : [];
  }

  /** Stops every worker; waiting and running solves end as cancelled. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.resolve('cancelled');
    await Promise.all(
      this.slots.map(async (slot) => {
        const worker = slot.worker;
        slot.worker = undefined;
        slot.task?.resolve('cancelled');
        slot.task = undefined;
        if (worker) await worker.terminate();
      }),
    );
  }

  private enqueue(kind: Task['kind'], model: LinearModel, options: SolveOptions): Promise<unknown> {
    if (this.closed) return Promise.resolve('cancelled');
    if (options.signal?.aborted) return Promise.resolve('cancelled');
    return new Promise((resolve, reject) => {
      const task: Task = { kind, model, options, resolve, reject, started: 0 };
      this.waiting.push(task);
      options.signal?.addEventListener('abort', () => this.cancel(task), { once: true });
      this.pump();
    });
  }

  private cancel(task: Task): void {
    const queued = this.waiting.indexOf(task);
    if (queued >= 0) {
      this.waiting.splice(queued, 1);
      task.resolve('cancelled');
      return;
    }
    const slot = this.slots.find((s) => s.task === task);
    if (slot) this.stop(slot, 'cancelled');
  }

  /** Ends the slot's task with `value` by terminating its worker. */
  private stop(slot: Slot, value: 'cancelled' | 'killed'): void {
    const task = slot.task;
    const worker = slot.worker;
    slot.task = undefined;
    slot.worker = undefined;
    if (worker) void worker.terminate();
    task?.resolve(value);
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.waiting.length === 0) return;
      if (slot.task !== undefined) continue;
      this.run(slot, this.waiting.shift() as Task);
    }
  }

  private run(slot: Slot, task: Task): void {
    slot.task = task;
    task.started = performance.now();
    const worker = (slot.worker ??= spawnWorker());
    // A running solve keeps the process alive; an idle worker does not.
    worker.ref();
    const id = this.nextId++;
    const limitSec =
      this.settings.killAfterSec ??
      (task.options.safetyTimeLimitSec ?? SAFETY_TIME_LIMIT_SEC) + CANCEL_GRACE_SEC;
    const timer = setTimeout(() => {
      cleanup();
      this.stop(slot, 'killed');
    }, limitSec * 1000);
    timer.unref();
    const onMessage = (message: Reply) => {
      if (message.id !== id) return;
      cleanup();
      slot.task = undefined;
      if (message.error !== undefined) task.reject(new Error(message.error));
      else task.resolve(message.value);
      this.pump();
    };
    const onError = (error: Error) => {
      cleanup();
      slot.task = undefined;
      slot.worker = undefined;
      task.reject(error);
      this.pump();
    };
    const cleanup = () => {
      clearTimeout(timer);
      worker.unref();
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    // An AbortSignal does not cross threads; cancellation is handled here.
    const { signal: _signal, ...options } = task.options;
    void _signal;
    worker.postMessage({ id, kind: task.kind, model: task.model, options });
  }
}

function spawnWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(`./highs-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  // Running from src (tsx, vitest) the worker registers the TypeScript loader first.
  const worker = fromSource
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`,
        { eval: true },
      )
    : new Worker(url);
  // An idle worker does not keep the process alive.
  worker.unref();
  return worker;
}
