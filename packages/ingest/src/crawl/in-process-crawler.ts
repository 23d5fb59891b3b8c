import { errorMessage, silentLogger, type Logger } from '@newsgraph/shared';
import type { CrawlMetrics } from '../metrics/crawl-metrics.ts';
import type { HealthStatus } from '../metrics/metrics-server.ts';
import { MemoryArticleBlobStore } from '../queue/article-blob-stores.ts';
import { GatedFetcher } from '../queue/gated-fetcher.ts';
import type { PolitenessOptions } from '../queue/interfaces/host-gate.ts';
import { MemoryHostGate } from '../queue/memory-host-gate.ts';
import type { ScheduledSource } from '../queue/interfaces/crawl-queue-options.ts';
import type { CrawlJobKind, FeedJobData, PageJobData, ProcessJobData } from '../queue/interfaces/queue-jobs.ts';
import { FEED_POLL_ATTEMPTS, ONCE_RETRY_HORIZON_MS, type RetryOptions } from '../queue/interfaces/retry-options.ts';
import { MemoryJobQueue, type MemoryJob } from '../queue/memory-job-queue.ts';
import { CRAWL_JOB_KINDS, pageJobId, processJobId, QUEUE_NAMES } from '../queue/queue-names.ts';
import { classifyFailure, failureReason } from '../queue/retry-policy.ts';
import { createCrawlHandlers, type CrawlHandlers } from './crawl-handlers.ts';
import type { CrawlSourceRef, CrawlStageDeps, PendingPageJournal } from './interfaces/crawl-stages.ts';
import { MemoryPendingPages } from './memory-pending-pages.ts';
import type { CrawlFailure, CrawlRuntime } from './interfaces/crawl-runtime.ts';

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

export type InProcessFailure = CrawlFailure;

/**
 * The crawl without Redis: the same stages and handlers as the BullMQ workers, over in-memory
 * queues with the same retry/backoff, job-id de-duplication and per-host politeness (through
 * the GatedFetcher in `deps`). The queues die with the process; the crawl state (seen URLs,
 * validators, duplicate index, and the journal of unfinished pages that `resume()` queues again)
 * survives, in the CrawlState behind `deps.memory`.
 */
export class InProcessCrawler implements CrawlRuntime {
  readonly mode = 'in-process' as const;
  readonly #queues: {
    feed: MemoryJobQueue<FeedJobData>;
    page: MemoryJobQueue<PageJobData>;
    process: MemoryJobQueue<ProcessJobData>;
  };
  readonly #logger: Logger;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #journal: PendingPageJournal;
  /** Journal updates started from queue hooks; awaited before the crawl counts as drained or closed. */
  readonly #background = new Set<Promise<void>>();
  /** Journaled pages whose work is queued or running in this process. */
  readonly #inFlight = new Set<string>();
  #resumed: Promise<number> | null = null;
  #polls = 0;
  #closed = false;

  constructor(deps: CrawlStageDeps, options: InProcessCrawlerOptions) {
    this.#logger = options.logger ?? silentLogger;
    const metrics = options.metrics;
    const blobs = new MemoryArticleBlobStore();
    // Queued work dies with the process, so every page is journaled (durably, in the crawl state)
    // before it is queued, and finished only once its article is written; URLs are marked seen
    // at poll time, after the journal write, exactly as in BullMQ mode.
    const journal = deps.memory.pendingPages ?? new MemoryPendingPages();
    this.#journal = journal;
    const stageDeps: CrawlStageDeps = {
      ...deps,
      fetcher: options.politeness ? new GatedFetcher(deps.fetcher, new MemoryHostGate(options.politeness)) : deps.fetcher,
      observe: deps.observe ?? metrics?.observer(),
    };
    const finish = async (url: string): Promise<void> => {
      try {
        await journal.finish(url);
      } finally {
        this.#inFlight.delete(url);
      }
    };
    const inBackground = (work: Promise<void>, url: string, what: string): void => {
      const pending = work
        .catch((err: unknown) => this.#logger.error({ url, err: errorMessage(err) }, what))
        .finally(() => this.#background.delete(pending));
      this.#background.add(pending);
    };
    const failLater = (url: string | undefined, attempts: number, error: unknown): void => {
      if (!url) return;
      // A failure of our own (store down, a bug) is not the page's fault: leave it journaled so
      // the next poll tick (or start) tries again. Fetch and input failures are final, like
      // BullMQ's failed set: the page moves to the failed pages (`jobs failed`, `jobs retry`),
      // so nothing marked seen is ever lost without a trace.
      if (classifyFailure(error).reason === 'error') {
        this.#inFlight.delete(url);
        return;
      }
      const work = journal.fail(url, attempts, failureReason(error)).finally(() => this.#inFlight.delete(url));
      inBackground(work, url, 'cannot record the failed page (it stays journaled and is tried again later)');
    };
    const handlers: CrawlHandlers = createCrawlHandlers(stageDeps, blobs, {
      enqueuePages: async (pages) => {
        const fresh = pages.filter((page) => !this.#queues.page.has(pageJobId(page.url)));
        if (fresh.length === 0) return;
        await journal.add(fresh);
        for (const page of fresh) this.#queuePage(page);
      },
      enqueueProcess: async (job, contentHash) => {
        const id = processJobId(job.articleId, contentHash);
        const queue = this.#queues.process;
        // A finished job of this article version (completed, or failed while the store was down)
        // is replaced: this fetch is processed again (an unchanged article writes nothing). If the
        // queue is closing, add refuses and the page stays journaled.
        if (queue.forget(id)) {
          queue.add(id, job);
          return;
        }
        // Still queued or running for another URL of the same article: that job writes it.
        if (job.pageUrl) await finish(job.pageUrl);
      },
    });
    const hooks = <T>(kind: CrawlJobKind) => ({
      onFailed: (job: MemoryJob<T>, error: unknown) => {
        this.#logger.warn({ queue: QUEUE_NAMES[kind], jobId: job.id, attempts: job.attemptsMade, reason: job.failedReason }, 'job failed');
        metrics?.jobFailures.inc({ queue: QUEUE_NAMES[kind], reason: classifyFailure(error).reason });
        metrics?.jobsFailed.inc({ queue: QUEUE_NAMES[kind] });
      },
      onCompleted: () => metrics?.jobsCompleted.inc({ queue: QUEUE_NAMES[kind] }),
    });
    const retry = options.retry;
    this.#queues = {
      feed: new MemoryJobQueue<FeedJobData>(QUEUE_NAMES.feed, (job) => handlers.feed(job.data), {
        concurrency: Math.max(1, Math.ceil(options.concurrency / 4)),
        // The source's next poll is the real retry (as for BullMQ's scheduled polls).
        retry: { ...retry, attempts: Math.min(FEED_POLL_ATTEMPTS, retry.attempts) },
        ...hooks<FeedJobData>('feed'),
      }),
      page: new MemoryJobQueue<PageJobData>(
        QUEUE_NAMES.page,
        async (job) => {
          const result = await handlers.page(job.data);
          // An article stays journaled until its processing job has written it.
          if (result.status !== 'article') await finish(job.data.url);
          return result;
        },
        {
          concurrency: options.concurrency,
          retry,
          onFailed: (job, error) => {
            hooks<PageJobData>('page').onFailed(job, error);
            failLater(job.data.url, job.attemptsMade, error);
          },
          // The schedule is journaled: a process stopped meanwhile (`crawl --once` exits when
          // only scheduled retries remain) resumes it on its next start.
          onRetryScheduled: (job, error, delayMs) =>
            inBackground(journal.reschedule(job.data.url, job.attemptsMade, Date.now() + delayMs, failureReason(error)), job.data.url, 'cannot journal the retry schedule'),
          onCompleted: () => hooks<PageJobData>('page').onCompleted(),
        },
      ),
      process: new MemoryJobQueue<ProcessJobData>(
        QUEUE_NAMES.process,
        async (job) => {
          const result = await handlers.process(job.data);
          // Only now, after the store transaction committed, is the page's work done.
          await finish(job.data.pageUrl ?? job.data.url);
          return result;
        },
        {
          concurrency: Math.max(1, Math.ceil(options.concurrency / 2)),
          retry,
          onFailed: (job, error) => {
            hooks<ProcessJobData>('process').onFailed(job, error);
            void handlers.processed(job.data); // nothing retries it in-process: free the parked article
            failLater(job.data.pageUrl ?? job.data.url, job.attemptsMade, error);
          },
          onCompleted: (job) => {
            hooks<ProcessJobData>('process').onCompleted();
            void handlers.processed(job.data);
          },
        },
      ),
    };
    metrics?.setQueueDepthProvider(async () => this.jobCounts());
  }

  async enqueue(sources: CrawlSourceRef[]): Promise<void> {
    this.pollNow(sources);
  }

  /** The in-memory queues take jobs from the start; nothing to start. */
  startWorkers(): void {}

  schedule(sources: ScheduledSource[]): Promise<void> {
    return this.start(sources);
  }

  async counts(): Promise<Record<string, Record<string, number>>> {
    return this.jobCounts();
  }

  /** Revives failed pages by job id or URL (all without ids); failed feed polls are repeated by the next poll anyway. */
  async retryFailed(ids?: string[]): Promise<number> {
    let urls: string[] | undefined;
    if (ids) {
      const known = await this.#journal.failed(Number.MAX_SAFE_INTEGER);
      const byId = new Map(known.map((f) => [pageJobId(f.page.url), f.page.url]));
      urls = ids.flatMap((id) => byId.get(id) ?? (known.some((f) => f.page.url === id) ? [id] : []));
    }
    return (await this.retryFailedPages(urls)).length;
  }

  async scheduledRetries(options: { retryHorizonMs?: number } = {}): Promise<number> {
    const horizon = Date.now() + (options.retryHorizonMs ?? 0);
    let n = 0;
    for (const kind of CRAWL_JOB_KINDS) n += this.#queues[kind].retriesDueAfter(horizon);
    return n;
  }

  /** Queues a poll of each source now (a fresh job id each time, like a scheduler tick). */
  pollNow(sources: CrawlSourceRef[]): void {
    const tick = ++this.#polls;
    for (const source of sources) this.#queues.feed.add(`poll-${source.id}-${tick}`, { source });
  }

  /**
   * Queues again the pages a previous process journaled but did not finish (killed mid-crawl);
   * once per crawler, before its first poll. Returns how many.
   */
  resume(): Promise<number> {
    this.#resumed ??= (async () => {
      const queued = await this.#requeueJournaled();
      if (queued > 0) this.#logger.info({ pages: queued }, 'resuming pages left unfinished by the previous run');
      return queued;
    })();
    return this.#resumed;
  }

  /** Queues a page and counts it in flight; false when it is already queued or running. */
  #queuePage(page: PageJobData, schedule: { attemptsMade?: number; delayMs?: number } = {}): boolean {
    if (!this.#queues.page.add(pageJobId(page.url), page, schedule)) return false;
    this.#inFlight.add(page.url);
    return true;
  }

  /**
   * Queues every journaled page that is not in flight: at start, pages a killed process left;
   * later, pages whose work failed for a reason of our own (store down) — so a long-running
   * crawl recovers from an outage at its next poll tick, without a restart.
   */
  async #requeueJournaled(): Promise<number> {
    let queued = 0;
    const now = Date.now();
    for (const { page, attempts, retryAt } of await this.#journal.entries()) {
      if (this.#inFlight.has(page.url) || this.#closed) continue;
      this.#queues.page.forget(pageJobId(page.url));
      // A page whose retry was scheduled by an earlier run keeps its attempts and its due time.
      if (this.#queuePage(page, { attemptsMade: attempts, delayMs: retryAt === null ? 0 : Math.max(0, retryAt - now) })) queued++;
    }
    return queued;
  }

  /** One scheduler tick in long-running mode: retry stuck journaled pages, then poll. */
  #tick(sources: CrawlSourceRef[]): void {
    this.#requeueJournaled().then(
      (queued) => {
        if (queued > 0) this.#logger.info({ pages: queued }, 'retrying journaled pages whose work failed earlier');
      },
      (error: unknown) => this.#logger.error({ err: errorMessage(error) }, 'cannot read the page journal'),
    );
    this.pollNow(sources);
  }

  /**
   * Resumes unfinished pages, polls every source once, and resolves when all resulting work is
   * done or waits only for scheduled retries (those stay journaled with their due time: the
   * next run, or the long-running crawler, picks them up).
   */
  async runOnce(sources: CrawlSourceRef[], options: { retryHorizonMs?: number } = {}): Promise<void> {
    await this.resume();
    this.pollNow(sources);
    await this.settled(options.retryHorizonMs ?? ONCE_RETRY_HORIZON_MS);
  }

  /**
   * Resolves when every queue is settled: nothing waiting or running but retries due later than
   * `retryHorizonMs` (and journal updates are written).
   */
  async settled(retryHorizonMs = 0): Promise<void> {
    for (;;) {
      await Promise.all(CRAWL_JOB_KINDS.map((k) => this.#queues[k].settled(retryHorizonMs)));
      await Promise.all(this.#background);
      if (CRAWL_JOB_KINDS.every((k) => this.#queues[k].isSettled(retryHorizonMs)) && this.#background.size === 0) return;
    }
  }



  /** Resolves when all three queues are idle at the same time (and journal updates are written). */
  async drained(): Promise<void> {
    for (;;) {
      await Promise.all(CRAWL_JOB_KINDS.map((k) => this.#queues[k].idle()));
      await Promise.all(this.#background);
      if (CRAWL_JOB_KINDS.every((k) => this.#queues[k].isIdle()) && this.#background.size === 0) return;
    }
  }

  /** Resumes unfinished pages, then polls every source now and every `intervalMs`, until close(). */
  async start(sources: ScheduledSource[]): Promise<void> {
    await this.resume();
    if (this.#closed) return;
    for (const { source, intervalMs } of sources) {
      this.pollNow([source]);
      const timer = setInterval(() => this.#tick([source]), intervalMs);
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

  /**
   * Failed work: the failed pages recorded in the journal (durable with SQLite crawl state, and
   * listed by `jobs failed` in any later process), then this process's failed feed polls and
   * processing jobs.
   */
  async failed(limit = 1000): Promise<InProcessFailure[]> {
    const out: InProcessFailure[] = [];
    for (const f of await this.#journal.failed(limit)) {
      out.push({
        queue: QUEUE_NAMES.page,
        id: pageJobId(f.page.url),
        url: f.page.url,
        sourceId: f.page.source?.id ?? null,
        attempts: f.attempts,
        failedReason: f.reason,
        failedAt: f.failedAt,
      });
    }
    for (const kind of ['feed', 'process'] as const) {
      for (const job of this.#queues[kind].failed() as MemoryJob<Partial<PageJobData & FeedJobData & ProcessJobData>>[]) {
        out.push({
          queue: QUEUE_NAMES[kind],
          id: job.id,
          url: job.data.url ?? job.data.source?.url ?? null,
          sourceId: job.data.source?.id ?? null,
          attempts: job.attemptsMade,
          failedReason: job.failedReason ?? '',
          failedAt: null,
        });
      }
    }
    return out;
  }

  /** Revives failed pages (the given URLs, or all) with fresh attempts and queues them now; returns the URLs revived. */
  async retryFailedPages(urls?: string[]): Promise<string[]> {
    const revived = await this.#journal.revive(urls);
    if (revived.length > 0 && !this.#closed) await this.#requeueJournaled();
    return revived;
  }

  /** Stops polling and lets running jobs finish; queued pages stay journaled and are resumed on the next start. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers.clear();
    try {
      await Promise.all(CRAWL_JOB_KINDS.map((k) => this.#queues[k].close()));
      await Promise.all(this.#background);
    } catch (error) {
      this.#logger.error({ err: errorMessage(error) }, 'closing in-process queues failed');
    }
  }
}
