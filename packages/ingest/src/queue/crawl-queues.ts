import { Queue, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { silentLogger, type Logger } from '@newsgraph/shared';
import type { CrawlSinks } from '../crawl/crawl-handlers.ts';
import type { CrawlFailure } from '../crawl/interfaces/crawl-runtime.ts';
import type { CrawlJobKind, FeedJobData, PageJobData, ProcessJobData } from './interfaces/queue-jobs.ts';
import type { CrawlQueueOptions, ScheduledSource } from './interfaces/crawl-queue-options.ts';
import { FEED_POLL_ATTEMPTS } from './interfaces/retry-options.ts';
import { CRAWL_JOB_KINDS, feedSchedulerId, pageJobId, processJobId, QUEUE_NAMES, QUEUE_PREFIX } from './queue-names.ts';

/** Name of the custom backoff strategy registered by the crawl workers (see crawl-workers.ts). */
export const CRAWL_BACKOFF = 'newsgraph-jitter';

export interface FailedJobInfo extends CrawlFailure {
  /** BullMQ job name. */
  name: string;
}

type AnyQueue = Queue<FeedJobData | PageJobData | ProcessJobData>;

/**
 * KEYS: wait, active, prioritized, delayed of one queue; ARGV: job key prefix, horizon (ms).
 * Delayed scores are timestamp · 0x1000 + counter (BullMQ); `atm` is a job's attemptsMade.
 * Wait lists may hold a "0:" marker entry, which is not a job.
 */
const PENDING_WORK = `
local current = redis.call('LLEN', KEYS[1]) + redis.call('LLEN', KEYS[2]) + redis.call('ZCARD', KEYS[3])
local last = redis.call('LINDEX', KEYS[1], -1)
if last and string.sub(last, 1, 2) == '0:' then current = current - 1 end
local retries = 0
local horizon = tonumber(ARGV[2])
local delayed = redis.call('ZRANGE', KEYS[4], 0, -1, 'WITHSCORES')
for i = 1, #delayed, 2 do
  local id = delayed[i]
  if string.sub(id, 1, 7) ~= 'repeat:' then
    local due = math.floor(tonumber(delayed[i + 1]) / 4096)
    local attempts = tonumber(redis.call('HGET', ARGV[1] .. id, 'atm')) or 0
    if attempts > 0 and due > horizon then retries = retries + 1 else current = current + 1 end
  end
end
return {current, retries}
`;

/**
 * Moves one failed job back to wait with its attempts reset (the same for ids and --all). False
 * when it is no longer failed (retried by someone else, or removed) by the time we get to it.
 */
async function retryFailedJob(job: Job): Promise<boolean> {
  try {
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    return true;
  } catch (error) {
    if (!(await job.isFailed().catch(() => false))) return false;
    throw error;
  }
}

/**
 * The three crawl queues on one Redis: producers (schedulers, sinks for the stages), failed-job
 * inspection and retry, and job counts for metrics. Workers live in CrawlWorkers.
 */
export class CrawlQueues {
  readonly queues: Readonly<Record<CrawlJobKind, AnyQueue>>;
  readonly #jobOptions: JobsOptions;
  readonly #logger: Logger;
  readonly #client: Redis;

  constructor(connection: Redis, options: CrawlQueueOptions) {
    this.#logger = options.logger ?? silentLogger;
    this.#client = connection;
    this.#jobOptions = {
      attempts: options.retry.attempts,
      backoff: { type: CRAWL_BACKOFF },
      removeOnComplete: { count: options.keepCompleted ?? 10_000 },
      removeOnFail: { count: options.keepFailed ?? 100_000 },
    };
    const make = (kind: CrawlJobKind): AnyQueue => {
      const queue: AnyQueue = new Queue(QUEUE_NAMES[kind], { connection, prefix: QUEUE_PREFIX, defaultJobOptions: this.#jobOptions });
      // Redis outages surface here; health reports them, the log records them, nothing crashes.
      queue.on('error', (error: Error) => this.#logger.warn({ queue: QUEUE_NAMES[kind], err: error.message }, 'queue error'));
      return queue;
    };
    this.queues = { feed: make('feed'), page: make('page'), process: make('process') };
  }

  /** Sinks through which the stages enqueue downstream work. */
  sinks(): CrawlSinks {
    return {
      enqueuePages: async (pages) => {
        await this.queues.page.addBulk(pages.map((data) => ({ name: 'page', data, opts: { jobId: pageJobId(data.url) } })));
      },
      enqueueProcess: async (data, contentHash) => {
        const job = await this.queues.process.add('process', data, { jobId: processJobId(data.articleId, contentHash) });
        // The id de-duplicates against a kept job of the same article version. When that one
        // failed for good (store down...), the add would silently drop this fetch: the page
        // just parked the article again, so run the failed job again, with fresh attempts.
        if (await job.isFailed()) await retryFailedJob(job);
      },
    };
  }

  /**
   * One job scheduler per source (id `source-<id>`). upsertJobScheduler is idempotent, so
   * restarting `crawl` never duplicates schedulers; schedulers of sources no longer configured are
   * removed.
   */
  async syncSchedulers(sources: ScheduledSource[]): Promise<{ upserted: number; removed: string[] }> {
    const wanted = new Set<string>();
    for (const { source, intervalMs } of sources) {
      const id = feedSchedulerId(source.id);
      wanted.add(id);
      await this.queues.feed.upsertJobScheduler(
        id,
        { every: intervalMs },
        { name: 'poll', data: { source }, opts: { attempts: Math.min(FEED_POLL_ATTEMPTS, this.#jobOptions.attempts ?? 1), backoff: this.#jobOptions.backoff } },
      );
    }
    const removed: string[] = [];
    const existing = await this.queues.feed.getJobSchedulers(0, -1);
    for (const scheduler of existing) {
      const id = scheduler.id ?? scheduler.key;
      if (!wanted.has(id)) {
        await this.queues.feed.removeJobScheduler(id);
        removed.push(id);
      }
    }
    if (removed.length) {
      // A removed scheduler's already-created run would still poll once; drop it too.
      const gone = new Set(removed);
      for (const job of await this.queues.feed.getJobs(['waiting', 'delayed', 'prioritized'])) {
        if (job?.repeatJobKey && gone.has(job.repeatJobKey)) await job.remove().catch(() => undefined);
      }
      this.#logger.info({ removed }, 'removed job schedulers of sources no longer configured');
    }
    return { upserted: sources.length, removed };
  }

  /** Polls each source now (outside its schedule), e.g. for `crawl --once`. */
  async pollNow(sources: ScheduledSource['source'][], runId: string = Date.now().toString(36)): Promise<void> {
    await this.queues.feed.addBulk(
      sources.map((source) => ({ name: 'poll', data: { source }, opts: { jobId: `once-${runId}-${source.id}`.replace(/:/g, '_') } })),
    );
  }

  async jobCounts(): Promise<Record<string, Record<string, number>>> {
    const out: Record<string, Record<string, number>> = {};
    for (const kind of CRAWL_JOB_KINDS) {
      out[QUEUE_NAMES[kind]] = await this.queues[kind].getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
    }
    return out;
  }

  /**
   * True when this run's work is done: no queue has waiting, active or prioritized jobs, and
   * every delayed job is either a scheduled retry (a job that failed before) due later than
   * `retryHorizonMs` from now, or a job scheduler's next run. A job waiting for its host's turn
   * that never failed is still work. Counted in one Lua script per queue (consistent snapshot).
   */
  async isDrained(options: { retryHorizonMs?: number } = {}): Promise<boolean> {
    return (await this.pendingWork(options)).current === 0;
  }

  /** Jobs of this run still to do (`current`) and scheduled retries left for later (`retries`), over all queues. */
  async pendingWork(options: { retryHorizonMs?: number } = {}): Promise<{ current: number; retries: number }> {
    let current = 0;
    let retries = 0;
    for (const kind of CRAWL_JOB_KINDS) {
      const base = `${QUEUE_PREFIX}:${QUEUE_NAMES[kind]}`;
      const [c, r] = (await this.#client.eval(
        PENDING_WORK,
        4,
        `${base}:wait`,
        `${base}:active`,
        `${base}:prioritized`,
        `${base}:delayed`,
        `${base}:`,
        Date.now() + (options.retryHorizonMs ?? 0),
      )) as [number, number];
      current += c;
      retries += r;
    }
    return { current, retries };
  }

  #selected(queue?: string): CrawlJobKind[] {
    if (!queue) return [...CRAWL_JOB_KINDS];
    const kind = CRAWL_JOB_KINDS.find((k) => k === queue || QUEUE_NAMES[k] === queue);
    if (!kind) {
      throw new Error(`unknown queue "${queue}"; use one of ${CRAWL_JOB_KINDS.map((k) => QUEUE_NAMES[k]).join(', ')}`);
    }
    return [kind];
  }

  /** Failed jobs, newest first, up to `limit` per queue. */
  async listFailed(options: { queue?: string; limit?: number } = {}): Promise<FailedJobInfo[]> {
    const out: FailedJobInfo[] = [];
    const limit = options.limit ?? 1000;
    for (const kind of this.#selected(options.queue)) {
      const jobs = await this.queues[kind].getFailed(0, limit - 1);
      for (const job of jobs) {
        if (!job) continue;
        const data = job.data as Partial<PageJobData & FeedJobData & ProcessJobData>;
        out.push({
          queue: QUEUE_NAMES[kind],
          id: String(job.id),
          name: job.name,
          url: data.url ?? data.source?.url ?? null,
          sourceId: data.source?.id ?? null,
          attempts: job.attemptsMade,
          failedReason: job.failedReason ?? '',
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        });
      }
    }
    return out;
  }

  /** Requeues the given failed jobs (looked up in every queue); returns the ids not found as failed. */
  async retry(ids: string[], options: { queue?: string } = {}): Promise<{ retried: string[]; missing: string[] }> {
    const retried: string[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      let done = false;
      for (const kind of this.#selected(options.queue)) {
        const job = await this.queues[kind].getJob(id);
        if (job && (await job.isFailed())) {
          done = await retryFailedJob(job);
          if (done) break;
        }
      }
      (done ? retried : missing).push(id);
    }
    return { retried, missing };
  }

  /**
   * Requeues every failed job with fresh attempts, exactly like retry-by-id (BullMQ's own
   * `retryJobs` keeps attemptsMade, so a job that fails once more would be final at once).
   * Goes through the failed set page by page; each job is retried at most once per call, so
   * a job that fails again while this runs is not retried in a loop. Returns how many.
   */
  async retryAll(options: { queue?: string; pageSize?: number } = {}): Promise<number> {
    const pageSize = Math.max(1, options.pageSize ?? 500);
    let count = 0;
    for (const kind of this.#selected(options.queue)) {
      const handled = new Set<string>();
      // Passes until one finds nothing new: jobs removed from the failed set by someone else
      // while we page can shift an unhandled job behind our window; the next pass catches it.
      for (let retriedInPass = 1; retriedInPass > 0; ) {
        retriedInPass = 0;
        for (let start = 0; ; ) {
          const jobs = await this.queues[kind].getFailed(start, start + pageSize - 1);
          if (jobs.length === 0) break;
          let skipped = 0;
          for (const job of jobs) {
            const id = job ? String(job.id) : null;
            if (!job || id === null || handled.has(id)) {
              skipped++;
              continue;
            }
            handled.add(id);
            if (await retryFailedJob(job)) retriedInPass++;
            else skipped++;
          }
          // Retried jobs leave the failed set; the ones left in place are stepped over.
          start += skipped;
        }
        count += retriedInPass;
      }
    }
    return count;
  }

  async close(): Promise<void> {
    await Promise.all(CRAWL_JOB_KINDS.map((k) => this.queues[k].close()));
  }
}
