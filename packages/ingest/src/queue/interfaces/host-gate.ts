/**
 * A held fetch slot of one host. Call `started` as soon as the request has reached the host (its
 * response headers arrived, or it failed), and `release` when the request is done (release
 * implies started).
 */
export interface HostSlot {
  /**
   * The request reached the host. Until then no other request to the host is granted, and the
   * gap to the next start is counted from this moment, not from the grant: a worker delayed
   * between its grant and its send (a loaded machine, a slow connect) cannot bring two requests
   * closer together at the site than the delay.
   */
  started(): Promise<void>;
  release(): Promise<void>;
}

/** What a turn request answers: a slot now, or how long until this request's reserved turn. */
export type HostTurn = HostSlot | { waitMs: number };

/**
 * The host scheduler: per-host politeness for every fetch of every worker sharing it (in memory
 * for one process, in Redis for many). It enforces
 * - at most `perHostConcurrency` requests in flight per host,
 * - at least max(`perHostDelayMs`, the host's robots Crawl-delay) between two request starts as
 *   the host sees them: the next grant waits for the previous request's `started` plus the delay,
 * - no request while the host is paused by a Retry-After.
 * `tryAcquire` never blocks: a request that cannot start now gets a reserved turn and the time
 * until it (`waitMs`); the queue puts its job back, delayed, so a job waiting for its host holds
 * neither a worker nor its fetch timeout. `token` names the request (its URL): coming back with
 * the same token claims the reserved turn, so N jobs for one host are served in order, each
 * woken once, rather than all polling.
 */
export interface HostGate {
  tryAcquire(host: string, token: string, options?: { crawlDelayMs?: number | null }): Promise<HostTurn>;
  /** No request to `host` for `ms` (Retry-After on 429/503), shared by every worker. */
  pause(host: string, ms: number): Promise<void>;
  /** Milliseconds until `host` may be contacted again because of a pause (0 when not paused). */
  pausedFor(host: string): Promise<number>;
}

export interface PolitenessOptions {
  perHostConcurrency: number;
  perHostDelayMs: number;
  /**
   * Longest a slot is held (a crashed process's slot frees itself after this); use the fetch
   * timeout plus a margin. Also how long a reserved turn is kept for a job that comes back late.
   */
  slotTtlMs: number;
  /** Longest Crawl-delay honoured (default 60 s). */
  maxCrawlDelayMs?: number;
  /** Longest pause a Retry-After can impose (default 1 h). */
  maxPauseMs?: number;
}

export const DEFAULT_MAX_CRAWL_DELAY_MS = 60_000;
export const DEFAULT_MAX_PAUSE_MS = 3_600_000;
