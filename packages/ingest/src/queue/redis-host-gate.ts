import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { HostGate, HostSlot, PolitenessOptions } from './interfaces/host-gate.ts';
import { QUEUE_PREFIX } from './queue-names.ts';

/*
 * Politeness across processes and machines. BullMQ's worker `limiter` is per queue, not per
 * host, and group rate limits are a BullMQ Pro feature, so each host gets N slot keys
 * (`newsgraph:host:<host>:<i>`, N = perHostConcurrency). A fetch takes a free slot with
 * SET NX PX (the TTL frees the slot of a crashed worker); releasing turns the slot into a
 * cooldown key that expires after perHostDelayMs, so the next request to that host through that
 * slot waits the politeness delay. Both steps are Lua scripts, atomic in Redis.
 */
const ACQUIRE = `
for i = 1, #KEYS do
  if redis.call('SET', KEYS[i], ARGV[1], 'NX', 'PX', ARGV[2]) then return {1, i} end
end
local min = -1
for i = 1, #KEYS do
  local v = redis.call('GET', KEYS[i])
  if v == 'cooldown' then
    local t = redis.call('PTTL', KEYS[i])
    if t >= 0 and (min < 0 or t < min) then min = t end
  end
end
return {0, min}
`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  if tonumber(ARGV[2]) > 0 then
    redis.call('SET', KEYS[1], 'cooldown', 'PX', ARGV[2])
  else
    redis.call('DEL', KEYS[1])
  end
  return 1
end
return 0
`;

export class RedisHostGate implements HostGate {
  readonly #redis: Redis;
  readonly #options: PolitenessOptions;

  constructor(redis: Redis, options: PolitenessOptions) {
    this.#redis = redis;
    this.#options = options;
  }

  async tryAcquire(host: string): Promise<HostSlot | { waitMs: number }> {
    const keys = Array.from(
      { length: Math.max(1, this.#options.perHostConcurrency) },
      (_, i) => `${QUEUE_PREFIX}:host:${host}:${i}`,
    );
    const token = randomUUID();
    const [acquired, value] = (await this.#redis.eval(ACQUIRE, keys.length, ...keys, token, this.#options.slotTtlMs)) as [
      number,
      number,
    ];
    if (acquired === 1) {
      const key = keys[value - 1]!;
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          await this.#redis.eval(RELEASE, 1, key, token, this.#options.perHostDelayMs);
        },
      };
    }
    // Only cooldowns tell a precise wait; slots held by in-flight fetches are polled again soon.
    const poll = Math.max(50, Math.min(1_000, this.#options.perHostDelayMs));
    return { waitMs: value >= 0 ? Math.max(1, Math.min(value, poll)) : poll };
  }
}
