import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { CrawlState, FeedValidators } from './crawl-state.ts';

export interface RedisCrawlStateOptions {
  /** Key prefix, so several crawls (or tests) can share one Redis. Default 'newsgraph:crawl:'. */
  prefix?: string;
  /** Close the client on close() (default false: the caller owns it). */
  ownsClient?: boolean;
}

const CLAIM_SCRIPT = `if redis.call('SET', KEYS[1], ARGV[1], 'NX') then redis.call('INCR', KEYS[2]) return 1 end return 0`;
/** KEYS[1]: the scheme's fingerprint hash, KEYS[2..]: band sets; ARGV: id, fingerprint. */
const ADD_NEAR_DUPLICATE_SCRIPT = `redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) for i = 2, #KEYS do redis.call('SADD', KEYS[i], ARGV[1]) end return 1`;
const RELEASE_SCRIPT = `if redis.call('DEL', KEYS[1]) == 1 then redis.call('DECR', KEYS[2]) return 1 end return 0`;

/** Keys stay short and bounded whatever the URL: a hash of the canonical URL. */
function urlKey(url: string): string {
  return createHash('sha256').update(url).digest('base64url').slice(0, 32);
}

/**
 * Crawl state in Redis for distributed workers. A URL is claimed with SET NX, which Redis executes
 * atomically: when two workers race for one URL, exactly one gets `true`.
 * Layout under the prefix: `validators` (hash feed URL → JSON), `seen:<hash>` (string: article id),
 * `nd:<scheme>:fp` (hash id → fingerprint), `nd:<scheme>:b:<band>` (set of ids).
 */
export class RedisCrawlState implements CrawlState {
  readonly prefix: string;
  private readonly redis: Redis;
  private readonly ownsClient: boolean;

  constructor(redis: Redis, options: RedisCrawlStateOptions = {}) {
    this.redis = redis;
    this.prefix = options.prefix ?? 'newsgraph:crawl:';
    this.ownsClient = options.ownsClient ?? false;
  }

  async getValidators(feedUrl: string): Promise<FeedValidators | null> {
    const raw = await this.redis.hget(`${this.prefix}validators`, feedUrl);
    if (!raw) return null;
    try {
      const v = JSON.parse(raw) as Partial<FeedValidators>;
      return { etag: v.etag ?? null, lastModified: v.lastModified ?? null, lastPolledAt: v.lastPolledAt ?? null };
    } catch {
      return null;
    }
  }

  async setValidators(feedUrl: string, v: FeedValidators): Promise<void> {
    await this.redis.hset(`${this.prefix}validators`, feedUrl, JSON.stringify({ etag: v.etag, lastModified: v.lastModified, lastPolledAt: v.lastPolledAt }));
  }

  async claimUrl(canonicalUrl: string, articleId: string): Promise<boolean> {
    // SET NX and the counter in one script: atomic together, so the count never drifts.
    const claimed = await this.redis.eval(CLAIM_SCRIPT, 2, `${this.prefix}seen:${urlKey(canonicalUrl)}`, `${this.prefix}seen-count`, articleId);
    return claimed === 1;
  }

  async seenArticleId(canonicalUrl: string): Promise<string | null> {
    return this.redis.get(`${this.prefix}seen:${urlKey(canonicalUrl)}`);
  }

  async releaseUrl(canonicalUrl: string): Promise<void> {
    await this.redis.eval(RELEASE_SCRIPT, 2, `${this.prefix}seen:${urlKey(canonicalUrl)}`, `${this.prefix}seen-count`);
  }

  async seenCount(): Promise<number> {
    return Number((await this.redis.get(`${this.prefix}seen-count`)) ?? 0);
  }

  async addNearDuplicate(scheme: string, id: string, fingerprint: string, bands: string[]): Promise<void> {
    // The fingerprint and its bands in one script: a reader never sees bands without a fingerprint.
    const keys = [`${this.prefix}nd:${scheme}:fp`, ...bands.map((band) => `${this.prefix}nd:${scheme}:b:${band}`)];
    await this.redis.eval(ADD_NEAR_DUPLICATE_SCRIPT, keys.length, ...keys, id, fingerprint);
  }

  async nearDuplicateCandidates(scheme: string, bands: string[]): Promise<Array<[string, string]>> {
    if (bands.length === 0) return [];
    const ids = await this.redis.sunion(...bands.map((band) => `${this.prefix}nd:${scheme}:b:${band}`));
    if (ids.length === 0) return [];
    const fingerprints = await this.redis.hmget(`${this.prefix}nd:${scheme}:fp`, ...ids);
    const out: Array<[string, string]> = [];
    ids.forEach((id, i) => {
      const fp = fingerprints[i];
      if (fp) out.push([id, fp]);
    });
    return out;
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.redis.quit();
  }
}
