import { Redis } from 'ioredis';
import { errorMessage, silentLogger, type Logger } from '@newsgraph/shared';
import { createCrawlHandlers } from '../crawl/crawl-handlers.ts';
import type { CrawlSourceRef, CrawlStageDeps } from '../crawl/interfaces/crawl-stages.ts';
import type { CrawlMetrics } from '../metrics/crawl-metrics.ts';
import type { HealthStatus } from '../metrics/metrics-server.ts';
import { RedisArticleBlobStore } from './article-blob-stores.ts';
import { CrawlQueues } from './crawl-queues.ts';
import { CrawlWorkers } from './crawl-workers.ts';
import { GatedFetcher } from './gated-fetcher.ts';
import type { CrawlWorkerOptions, ScheduledSource } from './interfaces/crawl-queue-options.ts';
import type { PolitenessOptions } from './interfaces/host-gate.ts';
import type { RetryOptions } from './interfaces/retry-options.ts';
import { RedisHostGate } from './redis-host-gate.ts';

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
}

/**
 * The crawl over BullMQ: queues (producer side), optionally this process's workers, job
 * schedulers per source, and health. `newsgraph crawl` = schedulers + workers,
 * `newsgraph worker` = workers only; any number of either may share one Redis.
 */
export class QueueCrawler {
  readonly redis: Redis;
  readonly queues: CrawlQueues;
  #workers: CrawlWorkers | null = null;
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

  /** Polls every source once and waits until all queues are drained (workers must be running somewhere). */
  async runOnce(sources: CrawlSourceRef[], options: { checkEveryMs?: number } = {}): Promise<void> {
    await this.queues.pollNow(sources);
    const every = options.checkEveryMs ?? 200;
    for (;;) {
      await new Promise((r) => setTimeout(r, every));
      if (await this.queues.isDrained()) return;
    }
  }

  async health(): Promise<HealthStatus> {
    let redis: string;
    const timeoutMs = this.#options.healthTimeoutMs ?? 2_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      // With maxRetriesPerRequest null a PING waits for a reconnect forever; health must not.
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no PING reply within ${timeoutMs} ms`)), timeoutMs);
      });
      redis = (await Promise.race([this.redis.ping(), timeout])) === 'PONG' ? 'up' : 'down';
    } catch (error) {
      redis = `down: ${errorMessage(error)}`;
    } finally {
      clearTimeout(timer);
    }
    const workers = this.#workers ? (this.#workers.isRunning() ? 'running' : 'stopped') : 'none';
    return { ok: redis === 'up' && workers !== 'stopped', checks: { mode: 'queue', redis, workers } };
  }

  /** Graceful: workers finish their in-flight jobs, then queues close. The caller quits `redis`. */
  async close(): Promise<void> {
    if (this.#workers) await this.#workers.close();
    await this.queues.close();
  }
}
