import { decodeXML } from 'entities';
import { FeedParseError } from './feed-parse-error.ts';
import type { ParsedSitemap, SitemapEntry } from './feed-types.ts';
import { resolveHttpUrl, toIsoDate } from './feed-values.ts';
import { MAX_FEED_CHARS } from './parse-feed.ts';
import { rootElementName } from './xml-sanitize.ts';

/** The sitemap protocol caps a file at 50,000 URLs; we read a little more and ignore the rest. */
export const MAX_SITEMAP_ENTRIES = 60_000;
/** A single <url> block larger than this is junk, skipped (keeps the per-block regexes cheap). */
const MAX_BLOCK_CHARS = 256 * 1024;

/**
 * Sitemaps (sitemaps.org 0.9): <urlset> of pages or <sitemapindex> of child sitemaps, with
 * Google News extensions (<news:news> with publication_date, title, publication name/language).
 * The format is flat, so a linear scan of <url>/<sitemap> blocks is used instead of a DOM: it is
 * fast on 50,000-URL files and cannot expand entities. Any namespace prefix is accepted.
 */

/**
 * Inner text of the first <local> element in `block` (any prefix when `anyPrefix`), found with one
 * opener match and one closer search, so hostile input (many unclosed tags) stays linear.
 */
function innerOf(block: string, local: string, anyPrefix: boolean): string | null {
  const prefix = anyPrefix ? '(?:[A-Za-z_][\\w.-]*:)?' : '';
  const opener = new RegExp(`<${prefix}${local}(?=[\\s>/])[^<>]*>`, 'i');
  const open = opener.exec(block);
  if (!open || open[0].endsWith('/>')) return null;
  const start = open.index + open[0].length;
  const closer = new RegExp(`</${prefix}${local}\\s*>`, 'gi');
  closer.lastIndex = start;
  const close = closer.exec(block);
  return close ? block.slice(start, close.index) : null;
}

function childText(block: string, local: string, anyPrefix = true): string | null {
  const inner = innerOf(block, local, anyPrefix);
  if (inner === null) return null;
  const raw = inner.replace(/<!\[CDATA\[/g, '').replace(/\]\]>/g, '').trim();
  return raw ? decodeXML(raw) : null;
}

function newsOf(block: string): SitemapEntry['news'] {
  const news = innerOf(block, 'news', true);
  if (news === null) return null;
  const publication = innerOf(news, 'publication', true) ?? '';
  return {
    title: childText(news, 'title'),
    publishedAt: toIsoDate(childText(news, 'publication_date')),
    publication: childText(publication, 'name'),
    language: childText(publication, 'language'),
  };
}

export function parseSitemap(body: string, url: string): ParsedSitemap {
  if (body.length > MAX_FEED_CHARS) throw new FeedParseError(url, `too large to be a sitemap (${body.length} characters)`);
  const text = body.replace(/^\uFEFF/, '').trimStart();
  if (!text) throw new FeedParseError(url, 'empty body');
  if (text[0] !== '<') throw new FeedParseError(url, 'not a sitemap: not XML');
  const root = rootElementName(text);
  const local = root?.replace(/^[\w.-]+:/, '').toLowerCase() ?? null;
  if (local === 'html') throw new FeedParseError(url, 'not a sitemap: looks like HTML');
  if (local !== 'urlset' && local !== 'sitemapindex') {
    throw new FeedParseError(url, `not a sitemap: root element <${root ?? '?'}> is not urlset or sitemapindex`);
  }
  let base: string | null = null;
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') base = u.href;
  } catch {
    // a file name
  }
  const kind = local === 'urlset' ? 'urlset' : 'sitemapindex';
  const element = kind === 'urlset' ? 'url' : 'sitemap';
  const opener = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${element}(?=[\\s>])[^>]*>`, 'gi');
  const closer = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${element}\\s*>`, 'gi');
  const entries: SitemapEntry[] = [];
  let skipped = 0;
  // Linear scan: each block is found by its opener and the next closer after it.
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    closer.lastIndex = opener.lastIndex;
    const close = closer.exec(text);
    if (!close) break;
    const block = text.slice(opener.lastIndex, close.index);
    opener.lastIndex = closer.lastIndex;
    if (entries.length >= MAX_SITEMAP_ENTRIES || block.length > MAX_BLOCK_CHARS) {
      skipped++;
      continue;
    }
    // Unprefixed first: <image:loc> and <video:...> children must not be taken for the page's <loc>.
    const loc = resolveHttpUrl(childText(block, 'loc', false) ?? childText(block, 'loc'), base);
    if (!loc) {
      skipped++;
      continue;
    }
    entries.push({ url: loc, lastModified: toIsoDate(childText(block, 'lastmod', false) ?? childText(block, 'lastmod')), news: kind === 'urlset' ? newsOf(block) : null });
  }
  return { kind, entries, skippedEntries: skipped };
}
