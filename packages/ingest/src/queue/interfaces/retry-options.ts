/** How failed crawl jobs are retried (both in BullMQ and in-process). */
export interface RetryOptions {
  /** Total tries per job, the first included. */
  attempts: number;
  /** Delay before the first retry; doubles per retry, with jitter. */
  baseDelayMs: number;
  /** Ceiling of one delay (a server's Retry-After may ask for more and is honoured). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = { attempts: 5, baseDelayMs: 5_000, maxDelayMs: 15 * 60_000 };
