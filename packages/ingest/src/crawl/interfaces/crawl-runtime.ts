import type { HealthStatus } from '../../metrics/metrics-server.ts';
import type { ScheduledSource } from '../../queue/interfaces/crawl-queue-options.ts';
import type { CrawlSourceRef } from './crawl-stages.ts';

/** One job that failed for good, as `jobs failed` lists it. */
export interface CrawlFailure {
  /** Queue name: feed-poll, page-fetch or article-process. */
  queue: string;
  id: string;
  /** Page URL, or the source's feed URL for a poll job. */
  url: string | null;
  sourceId: string | null;
  attempts: number;
  /** `[reason] message`, e.g. `[http-status] https://…: HTTP 404 from …`. */
  failedReason: string;
  failedAt: string | null;
}

/**
 * The crawl runtime: the stages (pollSource, fetchPage, processStage) run as jobs, with retries,
 * de-duplication by job id and the host scheduler's politeness. Two implementations, held to
 * one conformance suite (test/crawl-runtime.conformance.test.ts): QueueCrawler (BullMQ on Redis,
 * any number of processes) and InProcessCrawler (in memory, journaled in the SQLite crawl state).
 */
export interface CrawlRuntime {
  readonly mode: 'queue' | 'in-process';
  /** Queues a poll of each source now (outside its schedule). */
  enqueue(sources: CrawlSourceRef[]): Promise<void>;
  /** Starts taking jobs in this process (idempotent). */
  startWorkers(): void;
  /**
   * Polls the sources on their intervals until close() (queue mode: job schedulers in Redis,
   * reconciled periodically and on reconnect; in-process: timers).
   */
  schedule(sources: ScheduledSource[]): Promise<void>;
  /**
   * Polls every source once and resolves when the resulting work is done, except retries due
   * later than `retryHorizonMs` (default ONCE_RETRY_HORIZON_MS), which stay scheduled.
   */
  runOnce(sources: CrawlSourceRef[], options?: { retryHorizonMs?: number }): Promise<void>;
  /** Jobs left waiting for a scheduled retry later than `retryHorizonMs` from now. */
  scheduledRetries(options?: { retryHorizonMs?: number }): Promise<number>;
  health(): Promise<HealthStatus>;
  /** Jobs per queue and state. */
  counts(): Promise<Record<string, Record<string, number>>>;
  /** Jobs failed for good, newest first. */
  failed(limit?: number): Promise<CrawlFailure[]>;
  /** Gives failed jobs (the given ids, or all) fresh attempts; returns how many. */
  retryFailed(ids?: string[]): Promise<number>;
  /** Graceful and bounded: in-flight jobs finish, then everything closes. */
  close(): Promise<void>;
}
