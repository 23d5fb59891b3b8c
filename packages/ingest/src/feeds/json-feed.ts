import { FeedParseError } from './feed-parse-error.ts';
import type { FeedItem, ParsedFeed } from './feed-types.ts';
import { plainText, resolveHttpUrl, toIsoDate } from './feed-values.ts';

/** JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1), validated field by field. */

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function authorName(item: Record<string, unknown>, feed: Record<string, unknown>): string | null {
  for (const holder of [item, feed]) {
    const authors = holder.authors;
    if (Array.isArray(authors)) {
      const names = authors.map((a) => (a && typeof a === 'object' ? str((a as Record<string, unknown>).name) : null)).filter((n): n is string => !!n);
      if (names.length) return names.join(', ');
    }
    const author = holder.author;
    if (author && typeof author === 'object') {
      const name = str((author as Record<string, unknown>).name);
      if (name) return name;
    }
  }
  return null;
}

export function parseJsonFeed(text: string, url: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FeedParseError(url, `JSON error: ${(error as Error).message}`, { cause: error });
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new FeedParseError(url, 'not a feed: JSON that is not an object');
  const feed = data as Record<string, unknown>;
  const version = feed.version;
  if (typeof version !== 'string' || !/^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/.test(version)) {
    throw new FeedParseError(url, 'not a feed: JSON without a JSON Feed "version" (https://jsonfeed.org/version/1.1)');
  }
  if (!Array.isArray(feed.items)) throw new FeedParseError(url, 'JSON Feed has no "items" array');
  let base: string | null = null;
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') base = u.href;
  } catch {
    // a file name
  }
  base = resolveHttpUrl(str(feed.feed_url), base) ?? resolveHttpUrl(str(feed.home_page_url), base) ?? base;
  const items: FeedItem[] = [];
  let skipped = 0;
  for (const entry of feed.items) {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      skipped++;
      continue;
    }
    const item = entry as Record<string, unknown>;
    const id = item.id === undefined || item.id === null ? null : String(item.id);
    const link =
      resolveHttpUrl(str(item.url), base) ??
      resolveHttpUrl(str(item.external_url), base) ??
      (id && /^https?:\/\//i.test(id) ? resolveHttpUrl(id, null) : null);
    if (!link) {
      skipped++;
      continue;
    }
    items.push({
      url: link,
      title: plainText(str(item.title), 1000),
      publishedAt: toIsoDate(str(item.date_published)) ?? toIsoDate(str(item.date_modified)),
      guid: id,
      summary: plainText(str(item.summary) ?? str(item.content_text) ?? str(item.content_html), 2000),
      author: authorName(item, feed),
    });
  }
  return { title: plainText(str(feed.title), 1000), kind: 'json', items, skippedItems: skipped };
}
