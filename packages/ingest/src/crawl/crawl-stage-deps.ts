import type { NewsgraphConfig } from '@newsgraph/shared';
import type { GraphStore } from '@newsgraph/graph';
import { extractArticle } from '../article/extract-article.ts';
import { canonicalizeUrl } from '../dedupe/canonicalize-url.ts';
import { parseFeed } from '../feeds/parse-feed.ts';
import { parseSitemap } from '../feeds/parse-sitemap.ts';
import type { Fetcher } from '../interfaces/fetcher.ts';
import { timedStore, type CrawlMetrics } from '../metrics/crawl-metrics.ts';
import { HttpFetcher } from '../http/http-fetcher.ts';
import { processArticle, type ExtractFunction } from '../pipeline/process-article.ts';
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
  now?: () => Date;
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
export function createCrawlStageDeps(options: CrawlStageDepsOptions): { deps: CrawlStageDeps; close(): Promise<void> } {
  const ownFetcher = options.fetcher ? null : new HttpFetcher(options.config.http);
  const fetcher = options.fetcher ?? ownFetcher!;
  const store = options.metrics ? timedStore(options.store, options.metrics) : options.store;
  const deps: CrawlStageDeps = {
    fetcher,
    memory: options.memory,
    parseFeed: feedLinks,
    parseSitemap: sitemapLinks,
    canonicalizeUrl,
    extractArticle,
    processArticle: (article) => processArticle(article, { store, extract: options.extract }),
    addPublication: (articleId, publication) => options.store.addPublication(articleId, publication),
    now: options.now ?? (() => new Date()),
    observe: options.metrics?.observer(),
  };
  return { deps, close: async () => ownFetcher?.close() };
}
