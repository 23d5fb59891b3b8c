import type { Article } from '@newsgraph/shared';
import type { Publication, WriteResult } from '@newsgraph/graph';
import type { ArticleExtractionOptions, ExtractedArticle } from '../../interfaces/article.ts';
import type { Fetcher } from '../../interfaces/fetcher.ts';

/**
 * What the crawl stages need from a source. A snapshot of it travels inside every feed and page
 * job, so a worker on another machine needs neither the sources file nor a database lookup.
 */
export interface CrawlSourceRef {
  id: string;
  url: string;
  /** 'sitemap' reads a sitemap; anything else (rss, atom, feed...) reads a feed. */
  kind: string;
  /** CSS selector for the article body, from the source's `selectors.body`. */
  bodySelector?: string | null;
}

/** One link a feed or sitemap announced. */
export interface DiscoveredLink {
  url: string;
  title?: string | null;
  publishedAt?: string | null;
}

/** Data of a page job: small, a URL and what the feed said about it. */
export interface PageJobData {
  /** Canonical URL (the page job id is derived from it). */
  url: string;
  source: CrawlSourceRef;
  title?: string | null;
  publishedAt?: string | null;
}

/** Data of a feed-poll job: the source snapshot. */
export interface FeedJobData {
  source: CrawlSourceRef;
}

export interface ConditionalValidators {
  etag: string | null;
  lastModified: string | null;
}

/**
 * The crawl memory the stages use: conditional-GET validators, URLs already enqueued, and the
 * duplicate indexes. Implemented over the package's CrawlState (SQLite or Redis) by an adapter,
 * so it is shared by every worker process.
 */
export interface CrawlMemory {
  getValidators(url: string): Promise<ConditionalValidators | null>;
  setValidators(url: string, validators: ConditionalValidators): Promise<void>;
  /** Of `urls`, the ones never marked seen, in input order. */
  filterUnseen(urls: string[]): Promise<string[]>;
  markSeen(urls: string[]): Promise<void>;
  /**
   * Records the article's content hash and near-duplicate signature and returns the id of an
   * earlier, different article it duplicates (exact hash first, then near-duplicate), or null.
   * Recording the same article id twice is harmless (a retried job must not match itself).
   */
  claimContent(articleId: string, text: string, contentHash: string): Promise<DuplicateMatch | null>;
  /**
   * Durable journal of unfinished page work, when the memory has one (SQLite crawl state). The
   * in-process crawler needs it to lose nothing when killed; BullMQ mode does not use it.
   */
  readonly pendingPages?: PendingPageJournal;
}

/**
 * Page work accepted but not finished (see PendingWorkState). The in-process crawler journals a
 * page before queueing it in memory and finishes it once its article is written, was a
 * duplicate, or failed for good; on start it queues the unfinished pages again.
 */
export interface PendingPageJournal {
  add(pages: PageJobData[]): Promise<void>;
  finish(url: string): Promise<void>;
  /** Unfinished pages, oldest first. */
  list(): Promise<PageJobData[]>;
  /** Unfinished pages with their retry schedule, oldest first. */
  entries(): Promise<PendingPage[]>;
  /** A try failed and another is scheduled at `retryAt` (ms since epoch): kept, so a restart resumes the schedule. */
  reschedule(url: string, attempts: number, retryAt: number, reason: string): Promise<void>;
  /** The last try failed: the page leaves the journal for the failed pages (`jobs failed`). */
  fail(url: string, attempts: number, reason: string): Promise<void>;
  /** Failed pages, newest first. */
  failed(limit?: number): Promise<FailedPage[]>;
  /** Failed pages (the given URLs, or all) back into the journal with fresh attempts (`jobs retry`); the URLs revived. */
  revive(urls?: string[]): Promise<string[]>;
}

export interface PendingPage {
  page: PageJobData;
  attempts: number;
  /** ms since epoch; null: due now. */
  retryAt: number | null;
}

export interface FailedPage {
  page: PageJobData;
  attempts: number;
  reason: string;
  failedAt: string;
}

export interface DuplicateMatch {
  articleId: string;
  kind: 'exact' | 'near';
}

export interface ParsedLinks {
  links: DiscoveredLink[];
  /** Child sitemaps of a sitemap index, polled in the same job. */
  sitemaps?: string[];
}

/** The injected pieces the stages call; each is replaceable by a test double. */
export interface CrawlStageDeps {
  fetcher: Fetcher;
  memory: CrawlMemory;
  parseFeed(body: string, url: string): Promise<ParsedLinks>;
  parseSitemap(body: string, url: string): Promise<ParsedLinks>;
  canonicalizeUrl(url: string): string;
  /** Main-text extraction; may run on a worker thread (then it returns a promise). */
  extractArticle(html: string, url: string, options?: ArticleExtractionOptions): ExtractedArticle | Promise<ExtractedArticle>;
  /** Extracts entities and writes the article (the pipeline's processArticle bound to a store). */
  processArticle(article: Article): Promise<WriteResult>;
  addPublication(articleId: string, publication: Publication): Promise<void>;
  now(): Date;
  /** Optional timing hooks for metrics. */
  observe?: CrawlObserver;
}

export interface CrawlObserver {
  fetched(kind: 'feed' | 'page', outcome: 'ok' | 'not-modified' | 'failed', bytes: number): void;
  extractionSeconds(seconds: number): void;
  processSeconds(seconds: number): void;
  duplicate(kind: 'exact' | 'near'): void;
  /** An article went through the store: inserted, updated or unchanged. */
  written?(status: WriteResult['status']): void;
}
