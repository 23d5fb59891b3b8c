import { Redis } from 'ioredis';
import { errorMessage, silentLogger, type Logger } from '@newsgraph/shared';
import { createCrawlHandlers } from '../crawl/crawl-handlers.ts';
import type { CrawlSourceRef, CrawlStageDeps } from '../crawl/interfaces/crawl-stages.ts';
import type { CrawlMetrics } from '../metrics/crawl-metrics.ts';
import type { HealthStatus } from '../metrics/metrics-server.ts';
import { RedisArticleBlobStore } from './article-blob-stores.ts';
import { CrawlQueues, type FailedJobInfo } from './crawl-queues.ts';
import type { CrawlRuntime } from '../crawl/interfaces/crawl-runtime.ts';
import { CrawlWorkers } from './crawl-workers.ts';
import { GatedFetcher } from './gated-fetcher.ts';
import type { CrawlWorkerOptions, ScheduledSource } from './interfaces/crawl-queue-options.ts';
import type { PolitenessOptions } from './interfaces/host-gate.ts';
import type { RetryOptions } from './interfaces/retry-options.ts';
import { RedisHostGate } from './redis-host-gate.ts';
import { feedSchedulerId } from './queue-names.ts';
import { ONCE_RETRY_HORIZON_MS } from './interfaces/retry-options.ts';

/**
 * A Redis connection as BullMQ workers need it: `maxRetriesPerRequest: null` so blocking
 * commands wait out a Redis restart instead of failing the worker.
 */
export function createRedisConnection(url: string, options: { lazyConnect?: boolean; logger?: Logger } = {}): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: options.lazyConnect ?? false });
  // ioredis reconnects by itself; without a listener it would also print every failed attempt.
  let last = '';
  redis.on('error', (error: Error) => {
    if (error.message !== last) options.logger?.warn({ err: error.message }, 'redis connection error');
    last = error.message;
  });
  redis.on('ready', () => (last = ''));
  return redis;
}

export interface QueueCrawlerOptions extends Omit<CrawlWorkerOptions, 'retry' | 'metrics' | 'logger'> {
  retry: RetryOptions;
  /**
   * Wraps `deps.fetcher` in a GatedFetcher over the Redis host scheduler. Leave it out when the
   * fetcher takes its turns itself (HttpFetcher given `hostGate`, as runCrawl does).
   */
  politeness?: PolitenessOptions;
  metrics?: CrawlMetrics;
  logger?: Logger;
  /** TTL of parked articles between page and processing jobs. */
  articleBlobTtlSeconds?: number;
  keepCompleted?: number;
  keepFailed?: number;
  /** A Redis PING slower than this reports Redis down (default 2 s). */
  healthTimeoutMs?: number;
  /** How often schedule() checks the job schedulers against the sources (default 60 s). */
  schedulerCheckMs?: number;
  /** Longest graceful close() before workers are closed by force (default 15 s). */
  closeTimeoutMs?: number;
}

/**
 * The crawl over BullMQ: queues (producer side), optionally this process's workers, job
 * schedulers per source, and health. `newsgraph crawl` = schedulers + workers,
 * `newsgraph worker` = workers only; any number of either may share one Redis.
 */
export class QueueCrawler implements CrawlRuntime {
  readonly mode = 'queue' as const;
  readonly redis: Redis;
  readonly queues: CrawlQueues;
  #workers: CrawlWorkers | null = null;
  /** Sources whose schedulers this process keeps in place (role crawl, long-running). */
  #scheduled: ScheduledSource[] | null = null;
  #reconcileTimer: NodeJS.Timeout | null = null;
  #reconciling: Promise<number> | null = null;
  readonly #onReconnect = (): void => {
    void this.reconcileSchedulers().catch(() => undefined);
  };
  readonly #deps: CrawlStageDeps;
  readonly #options: QueueCrawlerOptions;
  readonly #logger: Logger;

  constructor(redis: Redis, deps: CrawlStageDeps, options: QueueCrawlerOptions) {
    this.redis = redis;
    this.#options = options;
    this.#logger = options.logger ?? silentLogger;
    this.#deps = {
      ...deps,
      fetcher: options.politeness ? new GatedFetcher(deps.fetcher, new RedisHostGate(redis, options.politeness)) : deps.fetcher,
      observe: deps.observe ?? options.metrics?.observer(),
    };
    this.queues = new CrawlQueues(redis, {
      retry: options.retry,
      logger: this.#logger,
      keepCompleted: options.keepCompleted,
      keepFailed: options.keepFailed,
    });
    options.metrics?.setQueueDepthProvider(() => this.queues.jobCounts());
  }

  enqueue(sources: CrawlSourceRef[]): Promise<void> {
    return this.queues.pollNow(sources);
  }

  async schedule(sources: ScheduledSource[]): Promise<void> {
    const synced = await this.keepSchedulers(sources, { checkEveryMs: this.#options.schedulerCheckMs });
    this.#logger.info({ sources: synced.upserted, removed: synced.removed.length }, 'job schedulers in place');
  }

  async scheduledRetries(options: { retryHorizonMs?: number } = {}): Promise<number> {
    return (await this.queues.pendingWork(options)).retries;
  }

  counts(): Promise<Record<string, Record<string, number>>> {
    return this.queues.jobCounts();
  }

  failed(limit = 1000): Promise<FailedJobInfo[]> {
    return this.queues.listFailed({ limit });
  }

  async retryFailed(ids?: string[]): Promise<number> {
    if (!ids) return this.queues.retryAll();
    return (await this.queues.retry(ids)).retried.length;
  }

  /** Starts this process's workers on the three queues. */
  startWorkers(): CrawlWorkers {
    if (this.#workers) return this.#workers;
    const blobs = new RedisArticleBlobStore(this.redis, this.#options.articleBlobTtlSeconds);
    const handlers = createCrawlHandlers(this.#deps, blobs, this.queues.sinks());
    this.#workers = new CrawlWorkers(this.redis, handlers, {
      ...this.#options,
      logger: this.#logger,
      metrics: this.#options.metrics,
    });
    this.#logger.info({ concurrency: this.#options.concurrency }, 'crawl workers started');
    return this.#workers;
  }

  syncSchedulers(sources: ScheduledSource[]): Promise<{ upserted: number; removed: string[] }> {
    return this.queues.syncSchedulers(sources);
  }

  /**
   * Puts the sources' job schedulers in place and keeps them there: checked every
   * `checkEveryMs` (default 60 s) and at once whenever the Redis connection comes back, and
   * re-created when missing (a Redis restarted without its data has none, and the crawl would
   * otherwise never poll again). health() reports degraded while any is missing.
   */
  async keepSchedulers(sources: ScheduledSource[], options: { checkEveryMs?: number } = {}): Promise<{ upserted: number; removed: string[] }> {
    this.#scheduled = sources;
    const synced = await this.syncSchedulers(sources);
    if (!this.#reconcileTimer) {
      this.#reconcileTimer = setInterval(this.#onReconnect, options.checkEveryMs ?? 60_000);
      this.#reconcileTimer.unref();
      this.redis.on('ready', this.#onReconnect);
    }
    return synced;
  }

  /** Re-creates missing job schedulers of the kept sources; returns how many were missing. */
  reconcileSchedulers(): Promise<number> {
    this.#reconciling ??= (async () => {
      try {
        const sources = this.#scheduled;
        if (!sources || sources.length === 0) return 0;
        const missing = await this.#missingSchedulers(sources);
        if (missing > 0) {
          await this.syncSchedulers(sources);
          this.#logger.warn({ missing, sources: sources.length }, 'job schedulers were missing (Redis restarted without its data?); re-created them');
        }
        return missing;
      } catch (error) {
        this.#logger.warn({ err: errorMessage(error) }, 'cannot check job schedulers (Redis down?); checking again later');
        throw error;
      } finally {
        this.#reconciling = null;
      }
    })();
    return this.#reconciling;
  }

  async #missingSchedulers(sources: ScheduledSource[]): Promise<number> {
    const present = new Set((await this.queues.queues.feed.getJobSchedulers(0, -1)).map((s) => s.id ?? s.key));
    return sources.filter(({ source }) => !present.has(feedSchedulerId(source.id))).length;
  }

  /**
   * Polls every source once and waits until this run's work is done (workers must be running
   * somewhere); retries scheduled later than `retryHorizonMs` stay in Redis for the next run or
   * the long-running crawler.
   */
  async runOnce(sources: CrawlSourceRef[], options: { checkEveryMs?: number; retryHorizonMs?: number } = {}): Promise<void> {
    await this.queues.pollNow(sources);
    const every = options.checkEveryMs ?? 200;
    for (;;) {
      await new Promise((r) => setTimeout(r, every));
      if (await this.queues.isDrained({ retryHorizonMs: options.retryHorizonMs ?? ONCE_RETRY_HORIZON_MS })) return;
    }
  }

  async health(): Promise<HealthStatus> {
    let redis: string;
    const timeoutMs = this.#options.healthTimeoutMs ?? 2_000;
    try {
      // With maxRetriesPerRequest null a PING waits for a reconnect forever; health must not.
      redis = (await withTimeout(this.redis.ping(), timeoutMs, `no PING reply within ${timeoutMs} ms`)) === 'PONG' ? 'up' : 'down';
    } catch (error) {
      redis = `down: ${errorMessage(error)}`;
    }
    const workers = this.#workers ? (this.#workers.isRunning() ? 'running' : 'stopped') : 'none';
    const checks: HealthStatus['checks'] = { mode: 'queue', redis, workers };
    let degraded = false;
    if (this.#scheduled && redis === 'up') {
      try {
        const missing = await withTimeout(this.#missingSchedulers(this.#scheduled), timeoutMs, 'no reply');
        checks.schedulers = `${this.#scheduled.length - missing}/${this.#scheduled.length}`;
        degraded = missing > 0;
        if (degraded) this.#onReconnect(); // repair now rather than at the next periodic check
      } catch (error) {
        checks.schedulers = `unknown: ${errorMessage(error)}`;
        degraded = true;
      }
    }
    return { ok: redis === 'up' && workers !== 'stopped' && !degraded, degraded, checks };
  }

  /**
   * Graceful: workers finish their in-flight jobs, then queues close. Never hangs: after
   * `timeoutMs` (default 15 s; e.g. Redis is gone and BullMQ waits for it) workers are closed
   * by force (their jobs go back by stalled recovery). The caller quits `redis`.
   */
  async close(options: { timeoutMs?: number } = {}): Promise<void> {
    if (this.#reconcileTimer) clearInterval(this.#reconcileTimer);
    this.#reconcileTimer = null;
    this.redis.off('ready', this.#onReconnect);
    const timeoutMs = options.timeoutMs ?? this.#options.closeTimeoutMs ?? 15_000;
    const graceful = (async () => {
      if (this.#workers) await this.#workers.close();
      await this.queues.close();
    })();
    try {
      await withTimeout(graceful, timeoutMs, `shutdown took longer than ${timeoutMs} ms`);
    } catch (error) {
      this.#logger.warn({ err: errorMessage(error) }, 'closing workers by force (Redis unreachable?); unfinished jobs are recovered as stalled');
      graceful.catch(() => undefined);
      await withTimeout(Promise.all([this.#workers?.close(true), this.queues.close()]), 2_000, 'forced close timed out').catch(() => undefined);
    }
  }
}

/** `promise`, or a rejection after `ms` (the timer never outlives the race). */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
