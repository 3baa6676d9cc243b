/**
 * Plans are jobs (docs/design.md §11): a plan is submitted, gets an id, runs when a slot is
 * free and can be polled, waited for or cancelled. At most `concurrency` plans run at once
 * (their solves go to the injected solver, a bounded worker pool); at most `maxQueued` wait;
 * beyond that `submit` refuses with a retry delay (HTTP 503 + Retry-After). A plan that runs
 * longer than `timeoutSec` is cancelled. Nothing here blocks the event loop: the solves run in
 * the pool's worker threads.
 */
import { makePlan, type PlanRequest, type PlanRun } from '../core/plan/index.js';
import type { Solver } from '../core/plan/solver-port.js';

export type PlanJobState = 'queued' | 'running' | 'done' | 'cancelled';

export interface PlanJob {
  id: string;
  owner: string;
  state: PlanJobState;
  /** Set when done: the run, and what the job's finisher made of it (the saved plan's id). */
  run?: PlanRun;
  savedId?: string;
  /** Why it was cancelled: 'client' (disconnect or DELETE), 'timeout', 'shutdown'. */
  cancelled?: 'client' | 'timeout' | 'shutdown';
  /** An unexpected error (a bug or a worker crash), not a plan outcome. */
  error?: string;
  /** Settles when the job ends, however it ends. */
  finished: Promise<void>;
}

export interface PlanJobsSettings {
  /** Plans solved at once (default: the solver pool's size). */
  concurrency: number;
  /** Plans waiting beyond those; more are refused (default 2 × concurrency). */
  maxQueued?: number;
  /** A plan running longer is cancelled (seconds, wall clock: a safety net, default 120). */
  timeoutSec?: number;
  /** Finished jobs remembered for polling (default 200, oldest forgotten first). */
  keep?: number;
  /** Seconds a refused client is told to wait (Retry-After, default 5). */
  retryAfterSec?: number;
}

export interface PlanJobsDeps {
  solver: Solver;
  /** Job ids (tests pass a counter). */
  newId: () => string;
}

/** What happens to a finished run (e.g. saving it); returns the saved id. */
export type PlanFinisher = (run: PlanRun) => Promise<string | undefined>;

export type SubmitOutcome = { ok: true; job: PlanJob } | { ok: false; retryAfterSec: number };

interface Internal extends PlanJob {
  request: PlanRequest;
  finish: PlanFinisher;
  controller: AbortController;
  settle: () => void;
}

export class PlanJobs {
  private readonly jobs = new Map<string, Internal>();
  private readonly queue: Internal[] = [];
  private running = 0;
  private closed = false;
  private readonly maxQueued: number;
  private readonly timeoutSec: number;
  private readonly keep: number;
  readonly retryAfterSec: number;

  constructor(
    private readonly deps: PlanJobsDeps,
    private readonly settings: PlanJobsSettings,
  ) {
    this.maxQueued = settings.maxQueued ?? 2 * settings.concurrency;
    this.timeoutSec = settings.timeoutSec ?? 120;
    this.keep = settings.keep ?? 200;
    this.retryAfterSec = settings.retryAfterSec ?? 5;
  }

  get load(): { running: number; queued: number } {
    return { running: this.running, queued: this.queue.length };
  }

  submit(owner: string, request: PlanRequest, finish: PlanFinisher): SubmitOutcome {
    const free = this.running < this.settings.concurrency;
    if (this.closed || (!free && this.queue.length >= this.maxQueued)) {
      return { ok: false, retryAfterSec: this.retryAfterSec };
    }
    let settle = () => {};
    const finished = new Promise<void>((resolve) => (settle = resolve));
    const job: Internal = {
      id: this.deps.newId(),
      owner,
      state: 'queued',
      request,
      finish,
      controller: new AbortController(),
      finished,
      settle,
    };
    this.jobs.set(job.id, job);
    this.queue.push(job);
    this.pump();
    return { ok: true, job };
  }

  /** The owner's job, or undefined (another owner's jobs do not exist for them). */
  get(owner: string, id: string): PlanJob | undefined {
    const job = this.jobs.get(id);
    return job && job.owner === owner ? job : undefined;
  }

  /** The owner's jobs still remembered, oldest first. */
  list(owner: string): PlanJob[] {
    return [...this.jobs.values()].filter((job) => job.owner === owner);
  }

  /** Cancels a queued or running job; a finished one stays as it is. */
  cancel(owner: string, id: string, why: PlanJob['cancelled'] = 'client'): PlanJob | undefined {
    const job = this.jobs.get(id);
    if (!job || job.owner !== owner) return undefined;
    this.stop(job, why);
    return job;
  }

  /** Waits until the job ends or `ms` pass; true when it ended. */
  async wait(job: PlanJob, ms: number): Promise<boolean> {
    if (job.state === 'done' || job.state === 'cancelled') return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    try {
      return await Promise.race([job.finished.then(() => true as const), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Cancels everything; new submissions are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.jobs.values()];
    for (const job of all) this.stop(job, 'shutdown');
    await Promise.all(all.map((job) => job.finished));
  }

  private stop(job: Internal, why: PlanJob['cancelled']): void {
    if (job.state === 'done' || job.state === 'cancelled') return;
    if (job.state === 'queued') {
      const at = this.queue.indexOf(job);
      if (at >= 0) this.queue.splice(at, 1);
      job.state = 'cancelled';
      if (why) job.cancelled = why;
      job.settle();
      this.forgetOld();
      return;
    }
    if (why) job.cancelled = why;
    job.controller.abort();
  }

  private pump(): void {
    while (this.running < this.settings.concurrency && this.queue.length > 0) {
      const job = this.queue.shift() as Internal;
      void this.start(job);
    }
  }

  private async start(job: Internal): Promise<void> {
    this.running += 1;
    job.state = 'running';
    const timer = setTimeout(() => this.stop(job, 'timeout'), this.timeoutSec * 1000);
    try {
      const run = await makePlan(job.request, this.deps.solver, { signal: job.controller.signal });
      if (job.controller.signal.aborted || run.result.status === 'cancelled') {
        job.state = 'cancelled';
        job.cancelled ??= 'client';
      } else {
        job.run = run;
        const saved = await job.finish(run);
        if (saved !== undefined) job.savedId = saved;
        job.state = 'done';
      }
    } catch (error) {
      job.error = String(error);
      job.state = 'done';
    } finally {
      clearTimeout(timer);
      this.running -= 1;
      job.settle();
      this.forgetOld();
      this.pump();
    }
  }

  private forgetOld(): void {
    const ended = [...this.jobs.values()].filter(
      (j) => j.state === 'done' || j.state === 'cancelled',
    );
    for (const job of ended.slice(0, Math.max(0, ended.length - this.keep))) {
      this.jobs.delete(job.id);
    }
  }
}
