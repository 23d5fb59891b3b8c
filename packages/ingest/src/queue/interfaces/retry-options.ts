/** How failed crawl jobs are retried (both in BullMQ and in-process). */
export interface RetryOptions {
  /** Total tries per job, the first included; after the last one the job is "failed" (see `jobs failed`). */
  attempts: number;
  /** Ceiling of the first retry's delay; the ceiling doubles per retry. */
  baseDelayMs: number;
  /** Cap of one delay (the ceiling stops doubling here). */
  maxDelayMs: number;
}

/**
 * The default schedule spans hours, so an ordinary outage (a host down for a minute, a
 * deployment, a night of 503s) never loses a page: 12 tries, delays drawn from the upper half
 * of 30 s · 2^n capped at 2 h ("equal jitter"), i.e. 4 to 8 hours from the first failure to the
 * last try. Then the page is failed and waits for `newsgraph jobs retry`.
 */
export const DEFAULT_RETRY_OPTIONS: RetryOptions = { attempts: 12, baseDelayMs: 30_000, maxDelayMs: 2 * 3_600_000 };

/** Shortest and longest total time from the first failure to the last try of `options` (ignoring Retry-After). */
export function retrySpanMs(options: RetryOptions): { minMs: number; maxMs: number } {
  let maxMs = 0;
  for (let retry = 0; retry < options.attempts - 1; retry++) maxMs += Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(retry, 52));
  return { minMs: maxMs / 2, maxMs };
}

/**
 * `crawl --once` waits for retries due within this long (a blip is retried within the run) and
 * exits when only later ones remain; those stay scheduled (in Redis, or in the page journal) for
 * the next run or the long-running crawler.
 */
export const ONCE_RETRY_HORIZON_MS = 60_000;

/**
 * Tries of a scheduled feed poll: few, because the source's next scheduled poll is the real
 * retry (a feed that fails for hours would otherwise pile up one retry schedule per interval).
 */
export const FEED_POLL_ATTEMPTS = 3;
