import { errorMessage, silentLogger, type Logger } from '@newsgraph/shared';
import type { CrawlMetrics } from '../metrics/crawl-metrics.ts';
import type { HealthStatus } from '../metrics/metrics-server.ts';
import { MemoryArticleBlobStore } from '../queue/article-blob-stores.ts';
import { GatedFetcher } from '../queue/gated-fetcher.ts';
import type { PolitenessOptions } from '../queue/interfaces/host-gate.ts';
import { MemoryHostGate } from '../queue/memory-host-gate.ts';
import type { ScheduledSource } from '../queue/interfaces/crawl-queue-options.ts';
import type { CrawlJobKind, FeedJobData, PageJobData, ProcessJobData } from '../queue/interfaces/queue-jobs.ts';
import type { RetryOptions } from '../queue/interfaces/retry-options.ts';
import { MemoryJobQueue, type MemoryJob } from '../queue/memory-job-queue.ts';
import { CRAWL_JOB_KINDS, pageJobId, processJobId, QUEUE_NAMES } from '../queue/queue-names.ts';
import { classifyFailure } from '../queue/retry-policy.ts';
import { createCrawlHandlers, type CrawlHandlers } from './crawl-handlers.ts';
import type { CrawlSourceRef, CrawlStageDeps } from './interfaces/crawl-stages.ts';

export interface InProcessCrawlerOptions {
  /** Page fetches at once (config.crawler.concurrency). */
  concurrency: number;
  retry: RetryOptions;
  /**
   * Extra per-host gate in front of `deps.fetcher`. Not needed with HttpFetcher, whose own
   * per-host limiter already applies within the process; useful with a plain Fetcher.
   */
  politeness?: PolitenessOptions;
  logger?: Logger;
  metrics?: CrawlMetrics;
}

export interface InProcessFailure {
  queue: string;
  id: string;
  url: string | null;
  sourceId: string | null;
  attempts: number;
  failedReason: string;
}

/**
 * The crawl without Redis: the same stages and handlers as the BullMQ workers, over in-memory
 * queues with the same retry/backoff, job-id de-duplication and per-host politeness (through
 * the GatedFetcher in `deps`). Nothing survives the process; the crawl state (seen URLs,
 * validators, duplicate index) does, in the CrawlState behind `deps.memory`.
 */
export class InProcessCrawler {
  readonly #queues: {
    feed: MemoryJobQueue<FeedJobData>;
    page: MemoryJobQueue<PageJobData>;
    process: MemoryJobQueue<ProcessJobData>;
  };
  readonly #logger: Logger;
  readonly #timers = new Set<NodeJS.Timeout>();
  #polls = 0;
  #closed = false;

  constructor(deps: CrawlStageDeps, options: InProcessCrawlerOptions) {
    this.#logger = options.logger ?? silentLogger;
    const metrics = options.metrics;
    const blobs = new MemoryArticleBlobStore();
    // Queued work dies with the process, so a URL counts as seen only once its page job has
    // finished (done or failed for good); unfinished pages are found again on the next run.
    const memory = deps.memory;
    const stageDeps: CrawlStageDeps = {
      ...deps,
      fetcher: options.politeness ? new GatedFetcher(deps.fetcher, new MemoryHostGate(options.politeness)) : deps.fetcher,
      observe: deps.observe ?? metrics?.observer(),
      memory: {
        getValidators: (url) => memory.getValidators(url),
        setValidators: (url, v) => memory.setValidators(url, v),
        filterUnseen: (urls) => memory.filterUnseen(urls),
        markSeen: async () => {},
        claimContent: (id, text, hash) => memory.claimContent(id, text, hash),
      },
    };
    const markSeen = (url: string): void => {
      memory.markSeen([url]).catch((error: unknown) => this.#logger.error({ url, err: errorMessage(error) }, 'cannot mark URL seen'));
    };
    const handlers: CrawlHandlers = createCrawlHandlers(stageDeps, blobs, {
      enqueuePages: async (pages) => {
        for (const page of pages) this.#queues.page.add(pageJobId(page.url), page);
      },
      enqueueProcess: async (job, contentHash) => {
        this.#queues.process.add(processJobId(job.articleId, contentHash), job);
      },
    });
    const hooks = <T>(kind: CrawlJobKind) => ({
      onFailed: (job: MemoryJob<T>, error: unknown) => {
        this.#logger.warn({ queue: QUEUE_NAMES[kind], jobId: job.id, attempts: job.attemptsMade, reason: job.failedReason }, 'job failed');
        metrics?.jobFailures.inc({ queue: QUEUE_NAMES[kind], reason: classifyFailure(error).reason });
      },
      onCompleted: () => metrics?.jobsCompleted.inc({ queue: QUEUE_NAMES[kind] }),
    });
    const retry = options.retry;
    this.#queues = {
      feed: new MemoryJobQueue<FeedJobData>(QUEUE_NAMES.feed, (job) => handlers.feed(job.data), {
        concurrency: Math.max(1, Math.ceil(options.concurrency / 4)),
        retry,
        ...hooks<FeedJobData>('feed'),
      }),
      page: new MemoryJobQueue<PageJobData>(QUEUE_NAMES.page, (job) => handlers.page(job.data), {
        concurrency: options.concurrency,
        retry,
        onFailed: (job, error) => {
          hooks<PageJobData>('page').onFailed(job, error);
          markSeen(job.data.url);
        },
        onCompleted: (job) => {
          hooks<PageJobData>('page').onCompleted();
          markSeen(job.data.url);
        },
      }),
      process: new MemoryJobQueue<ProcessJobData>(QUEUE_NAMES.process, (job) => handlers.process(job.data), {
        concurrency: Math.max(1, Math.ceil(options.concurrency / 2)),
        retry,
        onFailed: (job, error) => {
          hooks<ProcessJobData>('process').onFailed(job, error);
          void handlers.processed(job.data); // nothing retries it in-process: free the parked article
        },
        onCompleted: (job) => {
          hooks<ProcessJobData>('process').onCompleted();
          void handlers.processed(job.data);
        },
      }),
    };
    metrics?.setQueueDepthProvider(async () => this.jobCounts());
  }

  /** Queues a poll of each source now (a fresh job id each time, like a scheduler tick). */
  pollNow(sources: CrawlSourceRef[]): void {
    const tick = ++this.#polls;
    for (const source of sources) this.#queues.feed.add(`poll-${source.id}-${tick}`, { source });
  }

  /** Polls every source once and resolves when all resulting work (pages, processing, retries) is done. */
  async runOnce(sources: CrawlSourceRef[]): Promise<void> {
    this.pollNow(sources);
    await this.drained();
  }

  /** Resolves when all three queues are idle at the same time. */
  async drained(): Promise<void> {
    for (;;) {
      await Promise.all(CRAWL_JOB_KINDS.map((k) => this.#queues[k].idle()));
      if (CRAWL_JOB_KINDS.every((k) => this.#queues[k].isIdle())) return;
    }
  }

  /** Polls every source now and then every `intervalMs`, until close(). */
  start(sources: ScheduledSource[]): void {
    for (const { source, intervalMs } of sources) {
      this.pollNow([source]);
      const timer = setInterval(() => this.pollNow([source]), intervalMs);
      this.#timers.add(timer);
    }
    this.#logger.info({ sources: sources.length }, 'in-process crawl started');
  }

  async health(): Promise<HealthStatus> {
    return { ok: !this.#closed, checks: { mode: 'in-process', redis: 'not used', workers: this.#closed ? 'stopped' : 'running' } };
  }

  jobCounts(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const kind of CRAWL_JOB_KINDS) out[QUEUE_NAMES[kind]] = this.#queues[kind].counts();
    return out;
  }

  failed(): InProcessFailure[] {
    const out: InProcessFailure[] = [];
    for (const kind of CRAWL_JOB_KINDS) {
      for (const job of this.#queues[kind].failed() as MemoryJob<Partial<PageJobData & FeedJobData & ProcessJobData>>[]) {
        out.push({
          queue: QUEUE_NAMES[kind],
          id: job.id,
          url: job.data.url ?? job.data.source?.url ?? null,
          sourceId: job.data.source?.id ?? null,
          attempts: job.attemptsMade,
          failedReason: job.failedReason ?? '',
        });
      }
    }
    return out;
  }

  /** Stops polling and lets running jobs finish; queued pages are dropped and found again on the next run. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers.clear();
    try {
      await Promise.all(CRAWL_JOB_KINDS.map((k) => this.#queues[k].close()));
    } catch (error) {
      this.#logger.error({ err: errorMessage(error) }, 'closing in-process queues failed');
    }
  }
}
