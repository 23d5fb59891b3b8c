/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * a uniformly random delay in [0, min(capMs, baseMs · 2^attempt)). Full jitter spreads retries
 * of many workers that failed together, so they do not hammer a recovering host in lockstep.
 * `attempt` counts from 0 (the first retry). `random` returns [0, 1) and is injectable for tests.
 */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  if (!Number.isFinite(attempt) || attempt < 0) attempt = 0;
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 52));
  return Math.floor(random() * Math.max(0, ceiling));
}

/** The delay before the next attempt: the server's Retry-After when given (bounded by capMs), else backoff. */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | null | undefined,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== null && retryAfterMs !== undefined && retryAfterMs >= 0) return Math.min(retryAfterMs, capMs);
  return backoffDelay(attempt, baseMs, capMs, random);
}
