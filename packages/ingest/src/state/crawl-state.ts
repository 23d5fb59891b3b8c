import { dirname, join } from 'node:path';

/** Conditional-GET validators remembered per feed (or sitemap) URL. */
export interface FeedValidators {
  etag: string | null;
  lastModified: string | null;
  /** ISO 8601 time of the last poll (successful or 304). */
  lastPolledAt: string | null;
}

/**
 * What the crawler remembers across restarts: validators for conditional GET, the seen-URL set
 * (canonical URL → article id) and near-duplicate fingerprints. SqliteCrawlState serves one
 * process (the embedded default); RedisCrawlState is shared by distributed workers.
 */
export interface CrawlState {
  getValidators(feedUrl: string): Promise<FeedValidators | null>;
  setValidators(feedUrl: string, validators: FeedValidators): Promise<void>;
  /**
   * Atomically claims a canonical URL for an article id. True when this call claimed it; false
   * when it was already claimed (by anyone, including another worker at the same moment).
   */
  claimUrl(canonicalUrl: string, articleId: string): Promise<boolean>;
  /** The article id a canonical URL was claimed for, or null. */
  seenArticleId(canonicalUrl: string): Promise<string | null>;
  /** Drops a claim, e.g. when the article failed permanently and may be tried again later. */
  releaseUrl(canonicalUrl: string): Promise<void>;
  /** Number of claimed URLs (metrics). */
  seenCount(): Promise<number>;
  /** Stores a near-duplicate fingerprint under its band keys (see NearDuplicateScheme). */
  addNearDuplicate(scheme: string, id: string, fingerprint: string, bands: string[]): Promise<void>;
  /** (id, fingerprint) of every stored fingerprint sharing at least one band key. */
  nearDuplicateCandidates(scheme: string, bands: string[]): Promise<Array<[string, string]>>;
  close(): Promise<void>;
}

/**
 * A durable journal of page work accepted but not finished, for crawls whose queues live in
 * memory (in-process mode): a page is journaled before it is queued and finished only once its
 * article is written (or it failed for good), so a process killed at any point leaves in the
 * journal exactly the pages whose work may be lost, and the next start queues them again.
 * `data` is the page job as JSON. BullMQ keeps its own queues in Redis and needs none.
 */
export interface PendingWorkState {
  /** Journals pages (idempotent per URL: an existing entry is kept). */
  addPending(entries: Array<{ url: string; data: string }>): Promise<void>;
  finishPending(url: string): Promise<void>;
  /** Unfinished pages, oldest first. */
  listPending(): Promise<Array<{ url: string; data: string }>>;
  /** Unfinished pages with their retry schedule, oldest first. */
  listPendingEntries(): Promise<PendingEntry[]>;
  /** Records a failed try: the page stays pending and is due again at `retryAt` (ms since epoch). */
  schedulePendingRetry(url: string, attempts: number, retryAt: number, reason: string): Promise<void>;
  /** Moves a pending page to the failed pages (one transaction): it is tried again only when revived. */
  failPending(url: string, attempts: number, reason: string): Promise<void>;
  /** Failed pages, newest first. */
  listFailedPages(limit?: number): Promise<FailedPageEntry[]>;
  /** Moves failed pages (the given URLs, or all) back to pending with fresh attempts; returns the URLs revived. */
  reviveFailedPages(urls?: string[]): Promise<string[]>;
}

export interface PendingEntry {
  url: string;
  data: string;
  /** Failed tries so far. */
  attempts: number;
  /** When the next try is due (ms since epoch); null: now. */
  retryAt: number | null;
}

export interface FailedPageEntry {
  url: string;
  data: string;
  attempts: number;
  reason: string;
  failedAt: string;
}

export function hasPendingWork(state: CrawlState): state is CrawlState & PendingWorkState {
  const s = state as Partial<PendingWorkState>;
  return typeof s.addPending === 'function' && typeof s.finishPending === 'function' && typeof s.listPending === 'function' && typeof s.failPending === 'function';
}

/** Default crawl-state file: `crawl-state.db` next to the graph database (./data/crawl-state.db). */
export function crawlStatePathFor(dbPath: string): string {
  if (dbPath === ':memory:') return ':memory:';
  return join(dirname(dbPath), 'crawl-state.db');
}
