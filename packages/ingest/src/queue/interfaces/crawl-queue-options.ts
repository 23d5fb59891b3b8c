import type { Logger } from '@newsgraph/shared';
import type { CrawlMetrics } from '../../metrics/crawl-metrics.ts';
import type { RetryOptions } from './retry-options.ts';

export interface CrawlQueueOptions {
  retry: RetryOptions;
  /** Completed jobs kept per queue (their ids also de-duplicate re-adds while kept). */
  keepCompleted?: number;
  /** Failed jobs kept per queue for `jobs failed` / `jobs retry`. */
  keepFailed?: number;
  logger?: Logger;
}

export interface CrawlWorkerOptions {
  /** Page-fetch jobs run at once per process (config.crawler.concurrency). */
  concurrency: number;
  /** Feed-poll and processing jobs at once; defaults derive from `concurrency`. */
  feedConcurrency?: number;
  processConcurrency?: number;
  retry: RetryOptions;
  /** How often workers look for jobs whose worker died (default 30 s). */
  stalledIntervalMs?: number;
  /** Times a job may stall before it fails (default 2). */
  maxStalledCount?: number;
  /** Job lock duration; a dead worker's job is recoverable after it lapses (default 30 s). */
  lockDurationMs?: number;
  /** Seconds a worker long-polls an empty queue (default 5). */
  drainDelaySeconds?: number;
  logger?: Logger;
  metrics?: CrawlMetrics;
  /** Worker name stored on every job it processes (e.g. host:pid). */
  name?: string;
}

/** A source with its polling interval, as job schedulers need it. */
export interface ScheduledSource {
  source: import('../../crawl/interfaces/crawl-stages.ts').CrawlSourceRef;
  intervalMs: number;
}
