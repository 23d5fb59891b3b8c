import { InputError } from '@newsgraph/shared';
import type { FetchFailureCode } from '../interfaces/fetcher.ts';

const RETRYABLE: ReadonlySet<FetchFailureCode> = new Set(['timeout', 'network']);

/** A failed fetch: names the URL and the reason; queues read `retryable` and `retryAfterMs`. */
export class FetchError extends InputError {
  readonly code: FetchFailureCode;
  readonly status: number | null;
  /** From a Retry-After header on 429/503, in milliseconds. */
  readonly retryAfterMs: number | null;
  readonly retryable: boolean;
  constructor(
    url: string,
    code: FetchFailureCode,
    reason: string,
    options: { status?: number; retryAfterMs?: number | null; cause?: unknown; retryable?: boolean } = {},
  ) {
    super(url, reason, { cause: options.cause });
    this.name = 'FetchError';
    this.code = code;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
    const status = this.status ?? 0;
    // `retryable` overrides the rule, e.g. robots-disallowed because robots.txt was unreachable (5xx) is temporary.
    this.retryable = options.retryable ?? (RETRYABLE.has(code) || (code === 'http-status' && (status === 429 || status >= 500)));
  }
}
