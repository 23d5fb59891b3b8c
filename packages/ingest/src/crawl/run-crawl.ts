import { ConfigError, silentLogger, type Logger, type NewsgraphConfig } from '@newsgraph/shared';
import type { GraphStore } from '@newsgraph/graph';
import type { Redis } from 'ioredis';
import type { Fetcher } from '../interfaces/fetcher.ts';
import { CrawlMetrics, type CrawlTotals } from '../metrics/crawl-metrics.ts';
import { startMetricsServer, type HealthStatus, type MetricsServer } from '../metrics/metrics-server.ts';
import type { CrawlWorkerOptions, ScheduledSource } from '../queue/interfaces/crawl-queue-options.ts';
import type { PolitenessOptions } from '../queue/interfaces/host-gate.ts';
import { DEFAULT_RETRY_OPTIONS, type RetryOptions } from '../queue/interfaces/retry-options.ts';
import { createRedisConnection, QueueCrawler, withTimeout } from '../queue/queue-crawler.ts';
import { ONCE_RETRY_HORIZON_MS } from '../queue/interfaces/retry-options.ts';
import { GatedFetcher } from '../queue/gated-fetcher.ts';
import type { HostGate } from '../queue/interfaces/host-gate.ts';
import { MemoryHostGate } from '../queue/memory-host-gate.ts';
import { RedisHostGate } from '../queue/redis-host-gate.ts';
import { createCrawlStageDeps, type ExtractFunction } from './crawl-stage-deps.ts';
import { InProcessCrawler } from './in-process-crawler.ts';
import type { CrawlFailure, CrawlRuntime } from './interfaces/crawl-runtime.ts';
import type { CrawlMemory } from './interfaces/crawl-stages.ts';

export interface RunCrawlOptions {
  config: NewsgraphConfig;
  store: GraphStore;
  /** Sources with their polling interval; ignored by `worker`. */
  sources: ScheduledSource[];
  /** 'crawl': schedulers (or in-process polling) and workers; 'worker': BullMQ workers only (needs Redis). */
  role: 'crawl' | 'worker';
  /** Poll every source once, drain all queues, stop. */
  once?: boolean;
  /** Aborting stops the crawl gracefully (the CLI aborts on SIGINT/SIGTERM). */
  signal?: AbortSignal;
  logger?: Logger;
  /** Opens the crawl memory (seen URLs, validators, duplicate index); given the Redis connection in queue mode. */
  openMemory(redis: Redis | null): Promise<CrawlMemory & { close?(): Promise<void> }>;
  fetcher?: Fetcher;
  extract?: ExtractFunction;
  retry?: Partial<RetryOptions>;
  /** Worker tuning (stalled interval, lock duration, drain delay...), mainly for tests. */
  worker?: Partial<Omit<CrawlWorkerOptions, 'retry' | 'metrics' | 'logger' | 'concurrency'>>;
  /** Worker threads for main-text and entity extraction (default 0: main thread). */
  extractionThreads?: number;
  /** Serve /healthz and /metrics (default true) on config.crawler.metricsHost:metricsPort. */
  serveMetrics?: boolean;
  /** Called once the crawler runs (metrics URL when served). */
  onReady?(info: { metricsUrl: string | null; mode: 'queue' | 'in-process' }): void;
  /** With `once`: retries due within this long are awaited, later ones left scheduled (default ONCE_RETRY_HORIZON_MS). */
  onceRetryHorizonMs?: number;
  /** How often schedulers are checked against the sources in queue mode (default 60 s). */
  schedulerCheckMs?: number;
  /** Longest graceful shutdown before workers are closed by force (default 15 s). */
  closeTimeoutMs?: number;
  /** The metrics this run counts into (default: a fresh CrawlMetrics); e.g. for a progress line. */
  metrics?: CrawlMetrics;
}

export interface CrawlSummary {
  mode: 'queue' | 'in-process';
  jobCounts: Record<string, Record<string, number>>;
  /** With `once`: every failed job (in-process: the durable failed pages too). Otherwise empty: see `newsgraph jobs failed`. */
  failed: CrawlFailure[];
  /** What this process did: articles stored, updated, unchanged, duplicates, jobs failed for good. */
  totals: CrawlTotals;
  /** Jobs left waiting for a scheduled retry (picked up by the next run or the long-running crawler). */
  scheduledRetries: number;
  /** True when the signal stopped the run before its work was done (`--once` interrupted). */
  interrupted: boolean;
}

function politeness(config: NewsgraphConfig): PolitenessOptions {
  return {
    perHostConcurrency: config.http.perHostConcurrency,
    perHostDelayMs: config.http.perHostDelayMs,
    slotTtlMs: config.http.timeoutMs + config.http.connectTimeoutMs + 5_000,
  };
}

function waitForAbort(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise(() => {});
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/**
 * Runs the crawler until `signal` aborts (or, with `once`, until every source was polled and
 * all resulting work is done). With config.redisUrl: BullMQ queues and workers (schedulers only
 * for role 'crawl'); without: the same stages in-process. Closing is graceful: in-flight jobs
 * finish, connections close.
 */
export async function runCrawl(options: RunCrawlOptions): Promise<CrawlSummary> {
  const { config } = options;
  const logger = options.logger ?? silentLogger;
  const retry: RetryOptions = { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
  const metrics = options.metrics ?? new CrawlMetrics();
  let finished = false;
  // The summary lists this run's failures; older ones stay listed by `newsgraph jobs failed`.
  const startedAt = new Date().toISOString();
  const retryHorizonMs = options.onceRetryHorizonMs ?? ONCE_RETRY_HORIZON_MS;
  const closeTimeoutMs = options.closeTimeoutMs ?? 15_000;
  const thisRun = <T extends { failedAt: string | null }>(failed: T[]): T[] => failed.filter((f) => f.failedAt === null || f.failedAt >= startedAt);
  const redisUrl = config.redisUrl;
  if (!redisUrl && options.role === 'worker') {
    throw new ConfigError('REDIS_URL', '`newsgraph worker` takes jobs from Redis; set REDIS_URL (or run `newsgraph crawl` in-process)');
  }
  const redis = redisUrl ? createRedisConnection(redisUrl, { logger }) : null;
  let server: MetricsServer | null = null;
  let closeDeps: () => Promise<void> = async () => {};
  let memory: (CrawlMemory & { close?(): Promise<void> }) | null = null;
  const serve = async (health: () => Promise<HealthStatus>): Promise<MetricsServer | null> => {
    if (!(options.serveMetrics ?? true)) return null;
    const { metricsHost: host, metricsPort: port } = config.crawler;
    try {
      return await startMetricsServer({ host, port, metrics, health, logger });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new ConfigError('NEWSGRAPH_METRICS_PORT', `${host}:${port} is in use (another crawler on this machine?); give each process its own port, or 0 for any free one`);
      }
      throw error;
    }
  };
  try {
    memory = await options.openMemory(redis);
    // One host scheduler for every fetch: in Redis (shared by every process) or in memory.
    const hostGate: HostGate = redis ? new RedisHostGate(redis, politeness(config)) : new MemoryHostGate(politeness(config));
    const created = createCrawlStageDeps({
      config,
      store: options.store,
      memory,
      fetcher: options.fetcher ? new GatedFetcher(options.fetcher, hostGate) : undefined,
      hostGate,
      extract: options.extract,
      metrics,
      extractionThreads: options.extractionThreads,
    });
    const deps = created.deps;
    closeDeps = created.close;
    const runtime: CrawlRuntime = redis
      ? new QueueCrawler(redis, deps, {
          ...options.worker,
          concurrency: config.crawler.concurrency,
          retry,
          metrics,
          logger,
          schedulerCheckMs: options.schedulerCheckMs,
          closeTimeoutMs: options.closeTimeoutMs,
        })
      : new InProcessCrawler(deps, { concurrency: config.crawler.concurrency, retry, metrics, logger });
    const polls = options.role === 'crawl';
    try {
      if (polls && !options.once) await runtime.schedule(options.sources);
      runtime.startWorkers();
      server = await serve(() => runtime.health());
      options.onReady?.({ metricsUrl: server?.url ?? null, mode: runtime.mode });
      if (options.once && polls) {
        const run = runtime.runOnce(options.sources.map((s) => s.source), { retryHorizonMs }).then(() => (finished = true));
        await Promise.race([run, waitForAbort(options.signal)]);
      } else {
        await waitForAbort(options.signal);
      }
      logger.info('stopping: letting in-flight jobs finish');
      // A summary must not hang on a Redis that is gone either.
      const bounded = <T>(promise: Promise<T>, fallback: T): Promise<T> => withTimeout(promise, closeTimeoutMs, 'no reply').catch(() => fallback);
      return {
        mode: runtime.mode,
        jobCounts: await bounded(runtime.counts(), {}),
        failed: options.once ? thisRun(await bounded(runtime.failed(1000), [])) : [],
        totals: await metrics.totals(),
        scheduledRetries: options.once ? await bounded(runtime.scheduledRetries({ retryHorizonMs }), 0) : 0,
        interrupted: Boolean(options.once && polls && !finished),
      };
    } finally {
      await runtime.close();
    }
  } finally {
    await server?.close();
    await memory?.close?.();
    await closeDeps();
    // QUIT waits for Redis to answer; a Redis that is gone must not keep the process alive.
    if (redis) await withTimeout(redis.quit(), 2_000, 'no reply to QUIT').catch(() => redis.disconnect());
  }
}
