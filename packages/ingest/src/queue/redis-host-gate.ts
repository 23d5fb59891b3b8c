import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { HostGate, HostTurn, PolitenessOptions } from './interfaces/host-gate.ts';
import { DEFAULT_MAX_CRAWL_DELAY_MS, DEFAULT_MAX_PAUSE_MS } from './interfaces/host-gate.ts';
import { BUSY_POLL_MS } from './host-turns.ts';
import { QUEUE_PREFIX } from './queue-names.ts';

/*
 * The host scheduler shared by every process and machine on one Redis: the steps of takeTurn
 * (host-turns.ts) as one Lua script, so a turn is taken atomically and Redis's own clock (TIME)
 * is the one clock every worker reads. Per host: a hash (next reservation, last start, pause,
 * Crawl-delay, the granted request not at the host yet: opening), a sorted set of reserved turns (token → start) and one of leases (id → expiry;
 * the expiry frees the slot of a crashed worker). BullMQ's worker `limiter` is per queue, not per
 * host (group limits are BullMQ Pro), so the waiting itself is BullMQ's: a job whose turn is
 * later is moved to delayed until its turn.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local token, lease = ARGV[1], ARGV[2]
local concurrency, delay, ttl = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local h = redis.call('HMGET', KEYS[1], 'next', 'last', 'paused', 'cdelay', 'opening', 'openuntil')
local nextAt, last, paused, cdelay = tonumber(h[1]) or 0, tonumber(h[2]) or -1e15, tonumber(h[3]) or 0, tonumber(h[4]) or 0
local openUntil = tonumber(h[6]) or 0
if h[5] and openUntil <= now then
  redis.call('HDEL', KEYS[1], 'opening', 'openuntil')
  openUntil = 0
end
if ARGV[6] ~= '' then
  cdelay = math.min(tonumber(ARGV[6]), tonumber(ARGV[7]))
  redis.call('HSET', KEYS[1], 'cdelay', cdelay)
end
local spacing = math.max(delay, cdelay)
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - ttl - 1)
local turn = tonumber(redis.call('ZSCORE', KEYS[2], token))
if turn and turn < paused then
  redis.call('ZREM', KEYS[2], token)
  turn = nil
end
if not turn then
  turn = math.max(now, nextAt, paused, last + spacing)
  redis.call('HSET', KEYS[1], 'next', turn + spacing)
  redis.call('ZADD', KEYS[2], turn, token)
end
local keep = math.max(86400000, turn - now + ttl)
redis.call('PEXPIRE', KEYS[1], keep)
redis.call('PEXPIRE', KEYS[2], keep)
local ready = math.max(turn, last + spacing, paused)
if ready > now then return {0, math.ceil(ready - now)} end
if openUntil > now then return {0, math.max(1, math.min(tonumber(ARGV[8]), openUntil - now))} end
if redis.call('ZCARD', KEYS[3]) >= concurrency then
  local first = redis.call('ZRANGE', KEYS[3], 0, 0, 'WITHSCORES')
  return {0, math.max(1, math.min(tonumber(ARGV[8]), tonumber(first[2]) - now))}
end
redis.call('ZREM', KEYS[2], token)
redis.call('ZADD', KEYS[3], now + ttl, lease)
redis.call('PEXPIRE', KEYS[3], ttl)
redis.call('HSET', KEYS[1], 'last', now, 'opening', lease, 'openuntil', now + ttl)
return {1, 0}
`;

/** markStarted (host-turns.ts): the granted request reached the host; the gap counts from now. */
const STARTED = `
if redis.call('HGET', KEYS[1], 'opening') ~= ARGV[1] then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local last = tonumber(redis.call('HGET', KEYS[1], 'last')) or -1e15
redis.call('HDEL', KEYS[1], 'opening', 'openuntil')
redis.call('HSET', KEYS[1], 'last', math.max(last, now))
return 1
`;

const RELEASE = `return redis.call('ZREM', KEYS[1], ARGV[1])`;

const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilAt = now + tonumber(ARGV[1])
local paused = tonumber(redis.call('HGET', KEYS[1], 'paused')) or 0
if untilAt > paused then redis.call('HSET', KEYS[1], 'paused', untilAt) end
redis.call('PEXPIRE', KEYS[1], math.max(86400000, tonumber(ARGV[1]) + 60000))
return untilAt
`;

const PAUSED_FOR = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = tonumber(redis.call('HGET', KEYS[1], 'paused')) or 0
return math.max(0, paused - now)
`;

/** Keys of one host: `newsgraph:host:{<host>}:...` (the braces keep them in one cluster slot). */
function hostKeys(host: string): [string, string, string] {
  const base = `${QUEUE_PREFIX}:host:{${host}}`;
  return [base, `${base}:turns`, `${base}:leases`];
}

export class RedisHostGate implements HostGate {
  readonly #redis: Redis;
  readonly #options: PolitenessOptions;

  constructor(redis: Redis, options: PolitenessOptions) {
    this.#redis = redis;
    this.#options = options;
  }

  async tryAcquire(host: string, token: string, options: { crawlDelayMs?: number | null } = {}): Promise<HostTurn> {
    const keys = hostKeys(host);
    const lease = randomUUID();
    const crawlDelay = options.crawlDelayMs !== null && options.crawlDelayMs !== undefined && options.crawlDelayMs >= 0 ? String(Math.round(options.crawlDelayMs)) : '';
    const [granted, waitMs] = (await this.#redis.eval(
      ACQUIRE,
      keys.length,
      ...keys,
      token,
      lease,
      Math.max(1, this.#options.perHostConcurrency),
      this.#options.perHostDelayMs,
      this.#options.slotTtlMs,
      crawlDelay,
      this.#options.maxCrawlDelayMs ?? DEFAULT_MAX_CRAWL_DELAY_MS,
      BUSY_POLL_MS,
    )) as [number, number];
    if (granted !== 1) return { waitMs: Math.max(1, waitMs) };
    let released = false;
    let started = false;
    const markStarted = async (): Promise<void> => {
      if (started) return;
      started = true;
      await this.#redis.eval(STARTED, 1, keys[0], lease);
    };
    return {
      started: markStarted,
      release: async () => {
        if (released) return;
        released = true;
        await markStarted();
        await this.#redis.eval(RELEASE, 1, keys[2], lease);
      },
    };
  }

  async pause(host: string, ms: number): Promise<void> {
    const bounded = Math.round(Math.min(Math.max(0, ms), this.#options.maxPauseMs ?? DEFAULT_MAX_PAUSE_MS));
    await this.#redis.eval(PAUSE, 1, hostKeys(host)[0], bounded);
  }

  async pausedFor(host: string): Promise<number> {
    return Number(await this.#redis.eval(PAUSED_FOR, 1, hostKeys(host)[0]));
  }
}
