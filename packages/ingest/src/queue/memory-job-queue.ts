import { errorMessage } from '@newsgraph/shared';
import { HostBusyError } from '../http/host-busy-error.ts';
import type { RetryOptions } from './interfaces/retry-options.ts';
import { classifyFailure, failureReason, retryDelayMs } from './retry-policy.ts';

export type MemoryJobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed';

export interface MemoryJob<T> {
  id: string;
  data: T;
  /** Failed tries so far. */
  attemptsMade: number;
  state: MemoryJobState;
  failedReason: string | null;
}

export interface MemoryJobQueueOptions<T> {
  concurrency: number;
  retry: RetryOptions;
  /** Completed ids remembered for de-duplication (oldest forgotten first; default 100,000). */
  keepCompleted?: number;
  /** Failed jobs kept for inspection (oldest dropped first; default 10,000). */
  keepFailed?: number;
  onFailed?(job: MemoryJob<T>, error: unknown): void;
  /** A try failed and the next one is scheduled `delayMs` from now. */
  onRetryScheduled?(job: MemoryJob<T>, error: unknown, delayMs: number): void;
  /** `result` is what the processor returned. */
  onCompleted?(job: MemoryJob<T>, result: unknown): void;
}

/**
 * An in-process job queue with the semantics the crawler relies on in BullMQ: job ids
 * de-duplicate (a known id is not added again, also after completion), a bounded number of jobs
 * run at once, failures retry with exponential backoff and jitter (Retry-After honoured),
 * non-retryable failures fail at once, and a busy host puts the job back without counting an
 * attempt. Completed jobs keep only their id; failed jobs are kept for inspection.
 */
export class MemoryJobQueue<T> {
  readonly name: string;
  readonly #process: (job: MemoryJob<T>) => Promise<unknown>;
  readonly #options: MemoryJobQueueOptions<T>;
  readonly #jobs = new Map<string, MemoryJob<T>>();
  readonly #completed = new Set<string>();
  readonly #waiting: MemoryJob<T>[] = [];
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #failedOrder: string[] = [];
  #delayed = 0;
  /** Delayed jobs that failed at least once (scheduled retries, see isSettled) → when they are due. */
  readonly #retryDue = new Map<MemoryJob<T>, number>();
  #active = 0;
  #closed = false;
  #idleWaiters: Array<{ horizonMs: number | null; resolve: () => void }> = [];

  constructor(name: string, process: (job: MemoryJob<T>) => Promise<unknown>, options: MemoryJobQueueOptions<T>) {
    this.name = name;
    this.#process = process;
    this.#options = options;
  }

  /**
   * Adds a job unless one with this id exists (in any state); returns whether it was added.
   * `attemptsMade` and `delayMs` resume a retry schedule recorded elsewhere (the page journal).
   */
  add(id: string, data: T, options: { attemptsMade?: number; delayMs?: number } = {}): boolean {
    if (this.#closed || this.#completed.has(id) || this.#jobs.has(id)) return false;
    const job: MemoryJob<T> = { id, data, attemptsMade: options.attemptsMade ?? 0, state: 'waiting', failedReason: null };
    this.#jobs.set(id, job);
    if (options.delayMs !== undefined && options.delayMs > 0) {
      this.#delay(job, options.delayMs);
      this.#notifyIdle();
      return true;
    }
    this.#waiting.push(job);
    this.#pump();
    return true;
  }

  /** True when a job with this id is queued, running, failed and kept, or completed and remembered. */
  has(id: string): boolean {
    return this.#completed.has(id) || this.#jobs.has(id);
  }

  /**
   * Forgets a completed or failed job so its id can be added again (e.g. work found unfinished
   * later); false while it is waiting, delayed or running.
   */
  forget(id: string): boolean {
    if (this.#completed.delete(id)) return true;
    const job = this.#jobs.get(id);
    if (!job) return true;
    if (job.state !== 'failed') return false;
    this.#jobs.delete(id);
    return true;
  }

  counts(): Record<MemoryJobState, number> {
    let failed = 0;
    for (const job of this.#jobs.values()) if (job.state === 'failed') failed++;
    return {
      waiting: this.#waiting.length,
      delayed: this.#delayed,
      active: this.#active,
      completed: this.#completed.size,
      failed,
    };
  }

  failed(): MemoryJob<T>[] {
    return [...this.#jobs.values()].filter((j) => j.state === 'failed');
  }

  /** Puts a failed job back in the queue with fresh attempts. */
  retry(id: string): boolean {
    const job = this.#jobs.get(id);
    if (!job || job.state !== 'failed' || this.#closed) return false;
    job.state = 'waiting';
    job.attemptsMade = 0;
    job.failedReason = null;
    this.#waiting.push(job);
    this.#pump();
    return true;
  }

  /** True when nothing is waiting, delayed or running. */
  isIdle(): boolean {
    return this.#waiting.length === 0 && this.#delayed === 0 && this.#active === 0;
  }

  /**
   * True when nothing is waiting or running and every delayed job is a scheduled retry (it
   * failed before) due later than `horizonMs` from now: what `crawl --once` waits for. A job
   * waiting for its host's turn that never failed is still work of this run.
   */
  isSettled(horizonMs = 0): boolean {
    if (this.#waiting.length > 0 || this.#active > 0 || this.#delayed > this.#retryDue.size) return false;
    const horizon = Date.now() + horizonMs;
    for (const due of this.#retryDue.values()) if (due <= horizon) return false;
    return true;
  }

  /** Scheduled retries due after `at` (ms since epoch). */
  retriesDueAfter(at: number): number {
    let n = 0;
    for (const due of this.#retryDue.values()) if (due > at) n++;
    return n;
  }

  /** Resolves when the queue is idle (now or later). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push({ horizonMs: null, resolve }));
  }

  /** Resolves when the queue is settled (see isSettled). */
  settled(horizonMs = 0): Promise<void> {
    if (this.isSettled(horizonMs)) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push({ horizonMs, resolve }));
  }

  /** Stops starting jobs (delayed ones are dropped) and waits for running ones to finish. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#delayed = 0;
    this.#retryDue.clear();
    this.#waiting.length = 0;
    if (this.#active > 0) await new Promise<void>((resolve) => this.#idleWaiters.push({ horizonMs: null, resolve }));
    this.#notifyIdle();
  }

  #pump(): void {
    while (!this.#closed && this.#active < this.#options.concurrency && this.#waiting.length > 0) {
      const job = this.#waiting.shift()!;
      this.#run(job);
    }
    this.#notifyIdle();
  }

  #notifyIdle(): void {
    if (this.#idleWaiters.length === 0) return;
    const idle = (this.#closed && this.#active === 0) || this.isIdle();
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const waiter of waiters) {
      if (idle || (waiter.horizonMs !== null && this.isSettled(waiter.horizonMs))) waiter.resolve();
      else this.#idleWaiters.push(waiter);
    }
  }

  #run(job: MemoryJob<T>): void {
    this.#active++;
    job.state = 'active';
    void this.#process(job).then(
      (result) => {
        this.#active--;
        job.state = 'completed';
        this.#jobs.delete(job.id);
        this.#completed.add(job.id);
        // A crawler running for months must not grow without bound: forget the oldest ids.
        if (this.#completed.size > (this.#options.keepCompleted ?? 100_000)) {
          this.#completed.delete(this.#completed.values().next().value!);
        }
        this.#options.onCompleted?.(job, result);
        this.#pump();
      },
      (error: unknown) => {
        this.#active--;
        this.#onError(job, error);
        this.#pump();
      },
    );
  }

  #onError(job: MemoryJob<T>, error: unknown): void {
    if (error instanceof HostBusyError) {
      this.#delay(job, error.waitMs);
      return;
    }
    job.attemptsMade++;
    const { retryable } = classifyFailure(error);
    if (retryable && job.attemptsMade < this.#options.retry.attempts && !this.#closed) {
      job.failedReason = errorMessage(error);
      const delayMs = retryDelayMs(job.attemptsMade, error, this.#options.retry);
      this.#delay(job, delayMs);
      this.#options.onRetryScheduled?.(job, error, delayMs);
      return;
    }
    job.state = 'failed';
    job.failedReason = failureReason(error);
    this.#failedOrder.push(job.id);
    if (this.#failedOrder.length > (this.#options.keepFailed ?? 10_000)) {
      const oldest = this.#failedOrder.shift()!;
      if (this.#jobs.get(oldest)?.state === 'failed') this.#jobs.delete(oldest);
    }
    this.#options.onFailed?.(job, error);
  }

  #delay(job: MemoryJob<T>, ms: number): void {
    if (this.#closed) return;
    job.state = 'delayed';
    this.#delayed++;
    if (job.attemptsMade > 0) this.#retryDue.set(job, Date.now() + ms);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#delayed--;
      this.#retryDue.delete(job);
      job.state = 'waiting';
      this.#waiting.push(job);
      this.#pump();
    }, ms);
    this.#timers.add(timer);
  }
}
