import { InputError, type Article } from '@newsgraph/shared';
import type { GraphStore, WriteResult } from '@newsgraph/graph';
import type { ArticleExtractionOptions, ExtractedArticle } from '../interfaces/article.ts';
import type { FetchRequest, FetchResponse, Fetcher } from '../interfaces/fetcher.ts';
import { feedLinks, sitemapLinks } from '../crawl/crawl-stage-deps.ts';
import { fetchPage } from '../crawl/fetch-page.ts';
import { pollSource } from '../crawl/poll-source.ts';
import { processStage } from '../crawl/process-stage.ts';
import type { CrawlMemory, CrawlSourceRef, CrawlStageDeps, DuplicateMatch, PageJobData } from '../crawl/interfaces/crawl-stages.ts';
import type { ArticleMetadataDefaults } from './article-metadata.ts';
import type { ArticleAliasIndex } from './store-alias-index.ts';
import { processArticle, type ExtractFunction } from './process-article.ts';

/**
 * The crawl memory of a one-off run: nothing remembered between runs, every URL named or listed
 * is read (the store's content hash then skips unchanged articles), no validators, and no
 * cross-URL duplicate matching, which needs the crawler's persistent duplicate index.
 */
export class InlineCrawlMemory implements CrawlMemory {
  async getValidators(): Promise<null> {
    return null;
  }
  async setValidators(): Promise<void> {}
  async filterUnseen(urls: string[]): Promise<string[]> {
    return urls;
  }
  async markSeen(): Promise<void> {}
  async claimContent(): Promise<DuplicateMatch | null> {
    return null;
  }
}

/** A fetcher that answers the first request for `response.requestedUrl` with `response` (already fetched to find out what the input is). */
class PrefetchedFetcher implements Fetcher {
  #pending: FetchResponse | null;
  readonly #inner: Fetcher;
  constructor(inner: Fetcher, response: FetchResponse) {
    this.#inner = inner;
    this.#pending = response;
  }
  async fetch(request: FetchRequest): Promise<FetchResponse> {
    const pending = this.#pending;
    if (pending && request.url === pending.requestedUrl) {
      this.#pending = null;
      return pending;
    }
    return this.#inner.fetch(request);
  }
  close(): Promise<void> {
    return this.#inner.close();
  }
}

export interface InlineCrawlDeps {
  store: GraphStore;
  fetcher: Fetcher;
  extractHtml(html: string, url: string, options?: ArticleExtractionOptions): ExtractedArticle;
  canonicalizeUrl(url: string): string;
  extract?: ExtractFunction;
  /** The cross-document alias index (see processArticle). */
  aliases?: ArticleAliasIndex;
  /** Page fetches at once; the fetcher still applies per-host politeness. */
  concurrency: number;
  now(): Date;
  /** `ingest --outlet/--published`: used where neither the page nor its feed item says. */
  defaults?: ArticleMetadataDefaults;
}

/** What one page of a URL input came to. */
export type InlinePageResult = { url: string; article: Article; write: WriteResult } | { url: string; error: unknown };

const FEED_CONTENT = /\b(rss|atom|rdf|xml|feed\+json)\b/i;
const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body)\b/i;
const FEED_START = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)\b/;
const SITEMAP_START = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(urlset|sitemapindex)\b/;
const JSON_FEED_START = /^\s*\{[\s\S]{0,400}"version"\s*:\s*"https:\/\/jsonfeed\.org\//;

/**
 * 'page', 'feed' or 'sitemap', from the body first (servers mislabel) and the content type
 * second; anything else (JSON, plain text, images a fetcher let through) is not for ingest.
 */
function kindOf(input: string, response: FetchResponse): 'page' | 'feed' | 'sitemap' {
  const head = response.body.slice(0, 4096);
  if (SITEMAP_START.test(head)) return 'sitemap';
  if (FEED_START.test(head) || JSON_FEED_START.test(head)) return 'feed';
  if (HTML_START.test(head)) return 'page';
  const type = response.contentType ?? '';
  if (/html/i.test(type)) return 'page';
  if (FEED_CONTENT.test(type)) return 'feed';
  throw new InputError(input, `not an HTML page, a feed or a sitemap (content-type: ${type || 'none'})`);
}

/** Runs `work` over `items`, `concurrency` at a time, yielding results as they finish. */
async function* mapConcurrent<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): AsyncGenerator<R> {
  const done: R[] = [];
  let wake: (() => void) | null = null;
  let next = 0;
  let running = 0;
  const start = () => {
    while (running < concurrency && next < items.length) {
      const item = items[next++]!;
      running++;
      void work(item).then((result) => {
        running--;
        done.push(result);
        start();
        wake?.();
      });
    }
  };
  start();
  while (running > 0 || done.length > 0) {
    if (done.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    while (done.length > 0) yield done.shift()!;
  }
}

/**
 * `newsgraph ingest <url>` and the demo: the crawler's own stages (pollSource for a feed or a
 * sitemap, fetchPage, processStage) run inline, in this process, without queues or crawl
 * state. A page becomes an article exactly as in the crawler (`articleFromResponse`).
 * `onPlanned` hears how many pages the input turned out to hold (1 for a page, the new links
 * of a feed or sitemap) before they are read; results come as the pages finish.
 */
export async function* crawlUrlInline(input: string, deps: InlineCrawlDeps, onPlanned?: (pages: number) => void): AsyncGenerator<InlinePageResult> {
  const first = await deps.fetcher.fetch({ url: input, kind: 'page' });
  const kind = kindOf(input, first);
  const stageDeps: CrawlStageDeps = {
    fetcher: new PrefetchedFetcher(deps.fetcher, first),
    memory: new InlineCrawlMemory(),
    parseFeed: feedLinks,
    parseSitemap: sitemapLinks,
    canonicalizeUrl: deps.canonicalizeUrl,
    extractArticle: deps.extractHtml,
    processArticle: (article) => processArticle(article, { store: deps.store, extract: deps.extract, ...(deps.aliases ? { aliases: deps.aliases } : {}) }),
    addPublication: async () => {
      throw new Error('one-off ingest records no duplicate publications'); // InlineCrawlMemory never reports a duplicate
    },
    now: deps.now,
  };
  // One-off inputs belong to no configured source: the reference only tells the stages what to read.
  const source: CrawlSourceRef = { id: `ingest:${input}`, url: input, kind: kind === 'sitemap' ? 'sitemap' : 'feed' };
  let pages: PageJobData[];
  if (kind === 'page') {
    pages = [{ url: input, source }];
  } else {
    const poll = await pollSource(source, stageDeps, async () => {});
    pages = poll.pages;
  }
  onPlanned?.(pages.length);
  yield* mapConcurrent(pages, Math.max(1, deps.concurrency), async (page): Promise<InlinePageResult> => {
    try {
      const result = await fetchPage(page, stageDeps);
      if (result.status !== 'article') throw new InputError(page.url, `unexpected ${result.status} result for a one-off page`);
      const article: Article = {
        ...result.article,
        outlet: result.article.outlet ?? deps.defaults?.outlet ?? null,
        publishedAt: result.article.publishedAt ?? deps.defaults?.publishedAt ?? null,
        sourceId: null,
      };
      return { url: article.url, article, write: await processStage(article, stageDeps) };
    } catch (error) {
      return { url: page.url, error };
    }
  });
}
