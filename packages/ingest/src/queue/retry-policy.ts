import { InputError, StoreUnavailableError, errorMessage } from '@newsgraph/shared';
import { FetchError } from '../http/fetch-error.ts';
import type { RetryOptions } from './interfaces/retry-options.ts';

/** How one job failure is treated: retried later or failed for good, and under which reason label. */
export interface FailureClass {
  retryable: boolean;
  /** Short label for metrics and `jobs failed`: a FetchError code, 'input', 'host-busy', 'store' or 'error'. */
  reason: string;
  /** Minimum delay a server asked for (Retry-After). */
  retryAfterMs: number | null;
}

/**
 * A FetchError says itself whether it is retryable (timeouts, network errors, 429, 5xx). Any
 * other InputError (unparseable feed, page without text) is about the input and will not get
 * better by retrying. A store that is down or too slow (StoreUnavailableError) is retried later
 * under 'store'. Anything else (a bug) is retried too.
 */
export function classifyFailure(error: unknown): FailureClass {
  if (error instanceof FetchError) {
    return { retryable: error.retryable, reason: error.code, retryAfterMs: error.retryAfterMs };
  }
  if (error instanceof StoreUnavailableError) return { retryable: true, reason: 'store', retryAfterMs: null };
  if (error instanceof InputError) return { retryable: false, reason: 'input', retryAfterMs: null };
  return { retryable: true, reason: 'error', retryAfterMs: null };
}

/** One line stored as the job's failure reason: `[code] message`. */
export function failureReason(error: unknown): string {
  return `[${classifyFailure(error).reason}] ${errorMessage(error)}`;
}

/**
 * What a BullMQ processor throws for a retryable failure: the message carries the `[reason]`
 * label (it becomes the job's failedReason) and the Retry-After survives for the backoff.
 */
export class RetryableJobError extends Error {
  readonly reason: string;
  readonly retryAfterMs: number | null;
  constructor(error: unknown) {
    super(failureReason(error), { cause: error });
    this.name = 'RetryableJobError';
    const failure = classifyFailure(error);
    this.reason = failure.reason;
    this.retryAfterMs = failure.retryAfterMs;
  }
}

/**
 * Delay before retry number `attempt` (1 = first retry) after `error`: exponential backoff with
 * "equal jitter" — uniform in the upper half of min(maxDelayMs, baseDelayMs · 2^(attempt-1)) —
 * so the whole schedule has a known minimum span (retrySpanMs) while workers that failed
 * together still spread out. Never shorter than a Retry-After (a server's, or the time until an
 * unreachable robots.txt is tried again), bounded by maxDelayMs so one header cannot park a job
 * for a year.
 */
export function retryDelayMs(attempt: number, error: unknown, options: RetryOptions, random: () => number = Math.random): number {
  const retryAfterMs = error instanceof RetryableJobError ? error.retryAfterMs : classifyFailure(error).retryAfterMs;
  const retry = Math.max(0, attempt - 1);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(retry, 52));
  const backoff = Math.floor(ceiling / 2 + random() * (ceiling / 2));
  return Math.max(backoff, Math.min(retryAfterMs ?? 0, options.maxDelayMs));
}
