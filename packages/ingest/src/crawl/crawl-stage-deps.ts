import { deferTownIndex, type AliasArticleLearning } from '@newsgraph/extract';
import type { Article, NewsgraphConfig } from '@newsgraph/shared';
import type { GraphStore, WriteResult } from '@newsgraph/graph';
import { extractArticle } from '../article/extract-article.ts';
import { canonicalizeUrl } from '../dedupe/canonicalize-url.ts';
import { parseFeed } from '../feeds/parse-feed.ts';
import { parseSitemap } from '../feeds/parse-sitemap.ts';
import type { Fetcher } from '../interfaces/fetcher.ts';
import { timedStore, type CrawlMetrics } from '../metrics/crawl-metrics.ts';
import { HttpFetcher } from '../http/http-fetcher.ts';
import { assertArticleText, learningOfStoredArticle, processArticle, writeExtractedArticle, type ExtractFunction } from '../pipeline/process-article.ts';
import { StoreAliasIndex } from '../pipeline/store-alias-index.ts';
import { ExtractionPool } from './extraction-pool.ts';
import type { HostGate } from '../queue/interfaces/host-gate.ts';
import type { CrawlMemory, CrawlStageDeps, ParsedLinks } from './interfaces/crawl-stages.ts';

export type { ExtractFunction };

export interface CrawlStageDepsOptions {
  config: NewsgraphConfig;
  store: GraphStore;
  memory: CrawlMemory;
  /** Default: the HttpFetcher for config.http (closed by `close()`); a given one is the caller's. */
  fetcher?: Fetcher;
  /** Default: @newsgraph/extract's extract. */
  extract?: ExtractFunction;
  metrics?: CrawlMetrics;
  /** The crawl's host scheduler, given to the default HttpFetcher (politeness at the queue, shared by every worker). */
  hostGate?: HostGate;
  now?: () => Date;
  /**
   * Worker threads for main-text and entity extraction (0 = on the main thread). One crawler
   * process otherwise uses one core for them however many pages are in flight.
   */
  extractionThreads?: number;
}

/** Feed items as the stages see them. */
export async function feedLinks(body: string, url: string): Promise<ParsedLinks> {
  const feed = await parseFeed(body, url);
  return { links: feed.items.map((item) => ({ url: item.url, title: item.title, publishedAt: item.publishedAt })) };
}

/** Sitemap pages (urlset) or child sitemaps (sitemapindex) as the stages see them. */
export async function sitemapLinks(body: string, url: string): Promise<ParsedLinks> {
  const sitemap = await parseSitemap(body, url);
  if (sitemap.kind === 'sitemapindex') return { links: [], sitemaps: sitemap.entries.map((e) => e.url) };
  return {
    links: sitemap.entries.map((e) => ({
      url: e.url,
      title: e.news?.title ?? null,
      publishedAt: e.news?.publishedAt ?? e.lastModified ?? null,
    })),
  };
}

/** The real stage dependencies: HttpFetcher, feed/sitemap parsers, URL canonicalization, article extraction, processArticle. */
export function createCrawlStageDeps(options: CrawlStageDepsOptions): {
  deps: CrawlStageDeps;
  close(): Promise<void>;
  /** Heap statistics of each extraction thread (empty without threads). */
  threadHeapStatistics(): ReturnType<ExtractionPool['heapStatistics']>;
  /** Busy fraction of each extraction thread since it started (empty without threads). */
  threadUtilization(): number[];
  /** Writes a heap snapshot of each extraction thread to `pathOf(i)` (diagnostics; none without threads). */
  writeThreadHeapSnapshots(pathOf: (thread: number) => string): Promise<string[]>;
} {
  const ownFetcher = options.fetcher ? null : new HttpFetcher(options.config.http, { hostGate: options.hostGate });
  const fetcher = options.fetcher ?? ownFetcher!;
  const store = options.metrics ? timedStore(options.store, options.metrics) : options.store;
  const pool = options.extractionThreads && options.extractionThreads > 0 ? new ExtractionPool(options.extractionThreads) : null;
  // With extraction on threads, nothing here needs the GeoNames town index (24 MB of heap;
  // built here only if something extracts here after all).
  if (pool) deferTownIndex();
  // The store's alias index, as `ingest` uses it: loaded at the first article, refreshed with what
  // other workers recorded. Extraction on pool threads reads their replicas of it (processOnPool),
  // and this thread keeps none: only the threads' replicas are read, and a copy here (with the
  // gazetteer and word lists replaying needs) was 50 MB of live heap or more (docs/crawler.md).
  const replicasOnly = pool !== null && !options.extract;
  const aliases = new StoreAliasIndex(options.store, { replicasOnly, onReplay: (learnings) => pool?.replayAliases(learnings) });
  const deps: CrawlStageDeps = {
    fetcher,
    memory: options.memory,
    parseFeed: feedLinks,
    parseSitemap: sitemapLinks,
    canonicalizeUrl,
    // The same function either way: on a thread, or here when every thread has a backlog.
    extractArticle: pool ? (html, url, opts) => (pool.saturated() ? extractArticle(html, url, opts) : pool.extractArticle(html, url, opts)) : extractArticle,
    processArticle: pool && !options.extract ? (article) => processOnPool(article, store, pool, aliases) : (article) => processArticle(article, { store, extract: options.extract, aliases }),
    addPublication: async (articleId, publication) => {
      // The original may be claimed but not written yet (its processing job is queued, or a
      // crash left its page to be resumed): a retryable error, so this copy is not dropped.
      if (!(await options.store.getArticle(articleId))) {
        throw new Error(`${publication.url}: duplicate of article ${articleId}, which is not stored yet; retrying later`);
      }
      await options.store.addPublication(articleId, publication);
    },
    now: options.now ?? (() => new Date()),
    observe: options.metrics?.observer(),
  };
  return {
    deps,
    threadHeapStatistics: async () => (pool ? pool.heapStatistics() : []),
    threadUtilization: () => (pool ? pool.eventLoopUtilization() : []),
    writeThreadHeapSnapshots: async (pathOf) => (pool ? pool.writeHeapSnapshots(pathOf) : []),
    close: async () => {
      await ownFetcher?.close();
      await pool?.close();
    },
  };
}

/**
 * processArticle with the entity extraction done on a pool thread, against the thread's replica
 * of the alias index. The extraction runs before the write's unchanged-check is repeated, which
 * costs a wasted extraction only for re-fetched, unchanged articles (rare: seen URLs are not
 * re-fetched).
 */
async function processOnPool(article: Article, store: GraphStore, pool: ExtractionPool, aliases: StoreAliasIndex): Promise<WriteResult> {
  assertArticleText(article);
  const stored = await store.getArticle(article.id);
  await aliases.catchUp();
  const seedReplica = (onPage: (learnings: AliasArticleLearning[]) => void) => aliases.replicaSeed(onPage);
  const options = { outlet: article.outlet, title: article.title };
  if (stored && stored.contentHash === article.contentHash) {
    // Unchanged, but stored before the alias index (or by a path without one): the index learns its names.
    if (aliases.needsLearning(article.id)) {
      const { learning, release } = await pool.extractEntitiesWithAliases(article.text, options, seedReplica, article.url);
      try {
        if (learning) await aliases.record(article.id, learningOfStoredArticle(learning));
      } finally {
        release();
      }
    }
    return { articleId: article.id, status: 'unchanged' };
  }
  const { extraction, learning, release } = await pool.extractEntitiesWithAliases(article.text, options, seedReplica, article.url);
  try {
    return await writeExtractedArticle(article, extraction, learning, { store, aliases });
  } finally {
    release();
  }
}
