import type { PolitenessOptions } from './interfaces/host-gate.ts';
import { DEFAULT_MAX_CRAWL_DELAY_MS } from './interfaces/host-gate.ts';

/** One host's schedule (the Redis gate keeps the same fields in a hash and two sorted sets). */
export interface HostSchedule {
  /** Earliest start of the next new reservation. */
  nextAt: number;
  /** Start of the last granted request (the minimum gap is measured from it). */
  lastStart: number;
  pausedUntil: number;
  crawlDelayMs: number;
  /**
   * The granted request that has not reached the host yet (lease id, expiry): no other grant
   * until it reports `started` (or its lease expires, for a crashed worker).
   */
  opening: { leaseId: string; until: number } | null;
  /** token → reserved start. */
  reservations: Map<string, number>;
  /** lease id → lease expiry. */
  leases: Map<string, number>;
}

export function emptySchedule(): HostSchedule {
  return { nextAt: 0, lastStart: Number.NEGATIVE_INFINITY, pausedUntil: 0, crawlDelayMs: 0, opening: null, reservations: new Map(), leases: new Map() };
}

/** How long to look again when every slot is held by a running fetch. */
export const BUSY_POLL_MS = 250;

/**
 * One turn request against a host's schedule, at time `now` (the in-memory gate runs this; the
 * Redis gate runs the same steps in one Lua script, see redis-host-gate.ts). Grants a slot
 * when the request's reserved turn (or, without one, the host) is due, the gap since the last
 * start is kept and a slot is free; otherwise reserves the next free start for `token` and
 * answers the wait. Mutates `s`.
 */
export function takeTurn(
  s: HostSchedule,
  token: string,
  leaseId: string,
  now: number,
  options: PolitenessOptions,
  crawlDelayMs: number | null | undefined,
): { granted: true } | { granted: false; waitMs: number } {
  if (crawlDelayMs !== null && crawlDelayMs !== undefined && crawlDelayMs >= 0) {
    s.crawlDelayMs = Math.min(crawlDelayMs, options.maxCrawlDelayMs ?? DEFAULT_MAX_CRAWL_DELAY_MS);
  }
  const spacing = Math.max(options.perHostDelayMs, s.crawlDelayMs);
  for (const [t, expiry] of s.leases) if (expiry <= now) s.leases.delete(t);
  if (s.opening && s.opening.until <= now) s.opening = null;
  // A job that does not come back within a slot TTL after its turn lost it (removed, or its worker died).
  for (const [t, at] of s.reservations) if (at + options.slotTtlMs < now) s.reservations.delete(t);
  let turn = s.reservations.get(token);
  if (turn !== undefined && turn < s.pausedUntil) {
    // A Retry-After arrived after this turn was given out: take a new one after the pause.
    s.reservations.delete(token);
    turn = undefined;
  }
  if (turn === undefined) {
    turn = Math.max(now, s.nextAt, s.pausedUntil, s.lastStart + spacing);
    s.nextAt = turn + spacing;
    s.reservations.set(token, turn);
  }
  const readyAt = Math.max(turn, s.lastStart + spacing, s.pausedUntil);
  if (readyAt > now) return { granted: false, waitMs: Math.max(1, Math.ceil(readyAt - now)) };
  if (s.opening) return { granted: false, waitMs: Math.max(1, Math.min(BUSY_POLL_MS, Math.ceil(s.opening.until - now))) };
  if (s.leases.size >= Math.max(1, options.perHostConcurrency)) {
    let soonest = Number.POSITIVE_INFINITY;
    for (const expiry of s.leases.values()) soonest = Math.min(soonest, expiry);
    return { granted: false, waitMs: Math.max(1, Math.min(BUSY_POLL_MS, Math.ceil(soonest - now))) };
  }
  s.reservations.delete(token);
  s.leases.set(leaseId, now + options.slotTtlMs);
  s.opening = { leaseId, until: now + options.slotTtlMs };
  s.lastStart = now;
  return { granted: true };
}

/**
 * The request of lease `leaseId` reached the host at `now`: the host is open for the next grant,
 * and the gap is counted from here (the Redis gate's STARTED script does the same).
 */
export function markStarted(s: HostSchedule, leaseId: string, now: number): void {
  if (s.opening?.leaseId !== leaseId) return;
  s.opening = null;
  s.lastStart = Math.max(s.lastStart, now);
}

/**
 * True when a schedule holds nothing that affects future requests, so it can be forgotten (the
 * Crawl-delay comes back with the next request: the fetcher passes it on every turn request).
 */
export function isIdleSchedule(s: HostSchedule, now: number, options: PolitenessOptions): boolean {
  const spacing = Math.max(options.perHostDelayMs, s.crawlDelayMs);
  return s.leases.size === 0 && s.opening === null && s.reservations.size === 0 && s.pausedUntil <= now && s.lastStart + spacing <= now && s.nextAt <= now;
}
