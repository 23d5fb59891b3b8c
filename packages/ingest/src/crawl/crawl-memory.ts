import { resolve } from 'node:path';
import { articleIdFor, type NewsgraphConfig } from '@newsgraph/shared';
import type { Redis } from 'ioredis';
import { normalizedContentHash } from '../dedupe/content-hash.ts';
import { crawlStatePathFor, hasPendingWork, type CrawlState, type PendingWorkState } from '../state/crawl-state.ts';
import { RedisCrawlState } from '../state/redis-crawl-state.ts';
import { SqliteCrawlState } from '../state/sqlite-crawl-state.ts';
import { PersistentNearDuplicateIndex } from '../state/state-near-duplicates.ts';
import type {
  ConditionalValidators,
  CrawlMemory,
  DuplicateMatch,
  FailedPage,
  PageJobData,
  PendingPage,
  PendingPageJournal,
} from './interfaces/crawl-stages.ts';

/**
 * Exact-content duplicates reuse the crawl state's band index: the "fingerprint" is the
 * normalized content hash and its only band is the hash itself, so the candidates of a hash are
 * exactly the articles with that text.
 */
const EXACT_SCHEME = 'exact-sha256';

/** The stages' CrawlMemory over a CrawlState (SQLite for one process, Redis for many). */
export class CrawlStateMemory implements CrawlMemory {
  readonly state: CrawlState;
  readonly #near: PersistentNearDuplicateIndex;
  readonly #now: () => Date;
  readonly pendingPages: PendingPageJournal | undefined;

  constructor(state: CrawlState, options: { now?: () => Date } = {}) {
    this.state = state;
    this.#near = new PersistentNearDuplicateIndex(state);
    this.#now = options.now ?? (() => new Date());
    this.pendingPages = hasPendingWork(state) ? pendingJournalOver(state) : undefined;
  }

  async getValidators(url: string): Promise<ConditionalValidators | null> {
    const v = await this.state.getValidators(url);
    return v ? { etag: v.etag, lastModified: v.lastModified } : null;
  }

  async setValidators(url: string, validators: ConditionalValidators): Promise<void> {
    await this.state.setValidators(url, { ...validators, lastPolledAt: this.#now().toISOString() });
  }

  async filterUnseen(urls: string[]): Promise<string[]> {
    const seen = await Promise.all(urls.map((u) => this.state.seenArticleId(u)));
    return urls.filter((_, i) => seen[i] === null);
  }

  async markSeen(urls: string[]): Promise<void> {
    await Promise.all(urls.map((u) => this.state.claimUrl(u, articleIdFor(u))));
  }

  async claimContent(articleId: string, text: string): Promise<DuplicateMatch | null> {
    const hash = normalizedContentHash(text);
    const same = await this.state.nearDuplicateCandidates(EXACT_SCHEME, [hash]);
    const owner = same.map(([id]) => id).sort()[0];
    if (owner && owner !== articleId) return { articleId: owner, kind: 'exact' };
    if (!owner) await this.state.addNearDuplicate(EXACT_SCHEME, articleId, hash, [hash]);
    const { near } = await this.#near.claim(articleId, text);
    if (near && near.id !== articleId) return { articleId: near.id, kind: 'near' };
    return null;
  }

  close(): Promise<void> {
    return this.state.close();
  }
}

function pendingJournalOver(state: PendingWorkState): PendingPageJournal {
  const entries = async (): Promise<PendingPage[]> => {
    const out: PendingPage[] = [];
    for (const row of await state.listPendingEntries()) {
      try {
        out.push({ page: JSON.parse(row.data) as PageJobData, attempts: row.attempts, retryAt: row.retryAt });
      } catch {
        // A row that does not parse cannot be re-queued; drop it rather than retry it forever.
        await state.finishPending(row.url);
      }
    }
    return out;
  };
  return {
    add: (pages: PageJobData[]) => state.addPending(pages.map((page) => ({ url: page.url, data: JSON.stringify(page) }))),
    finish: (url: string) => state.finishPending(url),
    list: async () => (await entries()).map((e) => e.page),
    entries,
    reschedule: (url, attempts, retryAt, reason) => state.schedulePendingRetry(url, attempts, retryAt, reason),
    fail: (url, attempts, reason) => state.failPending(url, attempts, reason),
    failed: async (limit) => {
      const out: FailedPage[] = [];
      for (const row of await state.listFailedPages(limit)) {
        try {
          out.push({ page: JSON.parse(row.data) as PageJobData, attempts: row.attempts, reason: row.reason, failedAt: row.failedAt });
        } catch {
          // unreadable row: listed nowhere, revived never
        }
      }
      return out;
    },
    revive: (urls) => state.reviveFailedPages(urls),
  };
}

/**
 * The crawl memory for a configuration: RedisCrawlState on the crawl's Redis (shared by every
 * worker), else SqliteCrawlState in `crawl-state.db` next to the graph database.
 */
export async function openCrawlMemory(config: NewsgraphConfig, redis: Redis | null, options: { cwd?: string } = {}): Promise<CrawlStateMemory> {
  if (redis) return new CrawlStateMemory(new RedisCrawlState(redis));
  const db = config.db === ':memory:' ? ':memory:' : resolve(options.cwd ?? process.cwd(), config.db);
  return new CrawlStateMemory(new SqliteCrawlState(crawlStatePathFor(db)));
}
