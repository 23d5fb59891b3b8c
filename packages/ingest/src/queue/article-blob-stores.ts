import type { Article } from '@newsgraph/shared';
import type { Redis } from 'ioredis';
import type { ArticleBlobStore } from './interfaces/article-blob-store.ts';
import { QUEUE_PREFIX } from './queue-names.ts';

/** Key of an article version's blob. */
export function articleBlobKey(articleId: string, contentHash: string): string {
  return `${QUEUE_PREFIX}:article-blob:${articleId}-${contentHash.slice(0, 16)}`;
}

export class MemoryArticleBlobStore implements ArticleBlobStore {
  readonly #blobs = new Map<string, Article>();
  async put(key: string, article: Article): Promise<void> {
    this.#blobs.set(key, article);
  }
  async get(key: string): Promise<Article | null> {
    return this.#blobs.get(key) ?? null;
  }
  async delete(key: string): Promise<void> {
    this.#blobs.delete(key);
  }
  get size(): number {
    return this.#blobs.size;
  }
}

/**
 * Article blobs in Redis with a TTL: long enough to outlive retries and an operator's
 * `jobs retry` after a weekend (default 14 days), short enough that abandoned blobs go away.
 */
export class RedisArticleBlobStore implements ArticleBlobStore {
  readonly #redis: Redis;
  readonly #ttlSeconds: number;
  constructor(redis: Redis, ttlSeconds = 14 * 24 * 3600) {
    this.#redis = redis;
    this.#ttlSeconds = ttlSeconds;
  }
  async put(key: string, article: Article): Promise<void> {
    await this.#redis.set(key, JSON.stringify(article), 'EX', this.#ttlSeconds);
  }
  async get(key: string): Promise<Article | null> {
    const raw = await this.#redis.get(key);
    return raw === null ? null : (JSON.parse(raw) as Article);
  }
  async delete(key: string): Promise<void> {
    await this.#redis.del(key);
  }
}
