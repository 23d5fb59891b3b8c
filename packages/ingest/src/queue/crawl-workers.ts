import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { errorMessage, silentLogger, type Logger } from '@newsgraph/shared';
import type { CrawlHandlers } from '../crawl/crawl-handlers.ts';
import { HostBusyError } from '../http/host-busy-error.ts';
import type { CrawlWorkerOptions } from './interfaces/crawl-queue-options.ts';
import type { CrawlJobKind, ProcessJobData } from './interfaces/queue-jobs.ts';
import { CRAWL_JOB_KINDS, QUEUE_NAMES, QUEUE_PREFIX } from './queue-names.ts';
import { classifyFailure, failureReason, RetryableJobError, retryDelayMs } from './retry-policy.ts';

/** A small, loggable summary of what a handler returned (job return values stay tiny in Redis). */
function summarize(result: unknown): Record<string, unknown> {
  if (!result || typeof result !== 'object') return {};
  const r = result as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of ['status', 'articleId', 'duplicateOf', 'kind', 'found']) if (key in r) out[key] = r[key];
  if (Array.isArray(r.pages)) out.pages = r.pages.length;
  return out;
}

/**
 * BullMQ workers for the three crawl queues in this process.
 *
 * - Retries: exponential backoff with jitter (custom strategy), never shorter than a server's
 *   Retry-After; non-retryable failures (4xx, robots, bad input) throw UnrecoverableError and
 *   fail at once. Failure reasons read `[code] url: problem`.
 * - A busy host (per-host politeness, see RedisHostGate) moves the job back to delayed without
 *   using an attempt.
 * - Stalled jobs (a worker died mid-job: its lock lapses) go back to wait and run again; every
 *   stage is idempotent, so a re-run neither loses nor duplicates anything.
 * - close() lets in-flight jobs finish before the connections close.
 */
export class CrawlWorkers {
  readonly workers: Readonly<Record<CrawlJobKind, Worker>>;
  readonly #logger: Logger;

  constructor(connection: Redis, handlers: CrawlHandlers, options: CrawlWorkerOptions) {
    this.#logger = options.logger ?? silentLogger;
    const metrics = options.metrics;
    const concurrency: Record<CrawlJobKind, number> = {
      feed: options.feedConcurrency ?? Math.max(1, Math.ceil(options.concurrency / 4)),
      page: options.concurrency,
      process: options.processConcurrency ?? Math.max(1, Math.ceil(options.concurrency / 2)),
    };
    const make = (kind: CrawlJobKind): Worker => {
      const handler = handlers[kind] as (data: unknown) => Promise<unknown>;
      const worker = new Worker(
        QUEUE_NAMES[kind],
        async (job: Job, token?: string) => {
          try {
            return summarize(await handler(job.data));
          } catch (error) {
            if (error instanceof HostBusyError) {
              await job.moveToDelayed(Date.now() + error.waitMs, token);
              throw new DelayedError();
            }
            const failure = classifyFailure(error);
            metrics?.jobFailures.inc({ queue: QUEUE_NAMES[kind], reason: failure.reason });
            if (!failure.retryable) throw new UnrecoverableError(failureReason(error));
            throw new RetryableJobError(error);
          }
        },
        {
          connection,
          prefix: QUEUE_PREFIX,
          name: options.name,
          concurrency: concurrency[kind],
          stalledInterval: options.stalledIntervalMs ?? 30_000,
          maxStalledCount: options.maxStalledCount ?? 2,
          lockDuration: options.lockDurationMs ?? 30_000,
          drainDelay: options.drainDelaySeconds ?? 5,
          settings: { backoffStrategy: (attemptsMade, _type, error) => retryDelayMs(attemptsMade, error, options.retry) },
        },
      );
      worker.on('completed', (job) => {
        metrics?.jobsCompleted.inc({ queue: QUEUE_NAMES[kind] });
        if (kind === 'process') {
          handlers.processed(job.data as ProcessJobData).catch((error: unknown) =>
            this.#logger.warn({ jobId: job.id, err: errorMessage(error) }, 'cannot drop parked article (it expires by TTL)'),
          );
        }
        this.#logger.debug({ queue: QUEUE_NAMES[kind], jobId: job.id, result: job.returnvalue }, 'job completed');
      });
      worker.on('failed', (job, error) => {
        const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
        if (final) metrics?.jobsFailed.inc({ queue: QUEUE_NAMES[kind] });
        this.#logger[final ? 'warn' : 'info'](
          { queue: QUEUE_NAMES[kind], jobId: job?.id, attempts: job?.attemptsMade, reason: errorMessage(error), final },
          final ? 'job failed' : 'job failed, will retry',
        );
      });
      worker.on('stalled', (jobId) => this.#logger.warn({ queue: QUEUE_NAMES[kind], jobId }, 'job stalled, recovered'));
      worker.on('error', (error) => this.#logger.error({ queue: QUEUE_NAMES[kind], err: errorMessage(error) }, 'worker error'));
      return worker;
    };
    this.workers = { feed: make('feed'), page: make('page'), process: make('process') };
  }

  isRunning(): boolean {
    return CRAWL_JOB_KINDS.every((k) => this.workers[k].isRunning());
  }

  /** Stops taking jobs and waits for in-flight ones (force: abandon them to stalled recovery). */
  async close(force = false): Promise<void> {
    await Promise.all(CRAWL_JOB_KINDS.map((k) => this.workers[k].close(force)));
  }
}
