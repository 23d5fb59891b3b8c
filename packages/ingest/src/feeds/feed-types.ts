/** One entry of a feed, with its link resolved to an absolute http(s) URL. */
export interface FeedItem {
  url: string;
  title: string | null;
  /** ISO 8601, or null when the feed gives no (parseable) date. */
  publishedAt: string | null;
  guid: string | null;
  /** Plain-text summary (tags stripped, entities decoded), at most 2,000 characters. */
  summary: string | null;
  author: string | null;
}

export type FeedKind = 'rss' | 'atom' | 'rdf' | 'json';

export interface ParsedFeed {
  title: string | null;
  kind: FeedKind;
  items: FeedItem[];
  /** Items dropped because they had no usable http(s) link. */
  skippedItems: number;
}

/** One URL from a sitemap (urlset) or a child sitemap (sitemapindex). */
export interface SitemapEntry {
  url: string;
  /** ISO 8601 from <lastmod>, or null. */
  lastModified: string | null;
  /** Google News sitemap metadata (news:news), when present. */
  news: { title: string | null; publishedAt: string | null; publication: string | null; language: string | null } | null;
}

export interface ParsedSitemap {
  kind: 'urlset' | 'sitemapindex';
  /** Pages (urlset) or child sitemaps (sitemapindex). */
  entries: SitemapEntry[];
  skippedEntries: number;
}
