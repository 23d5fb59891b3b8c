import Parser from 'rss-parser';
import { FeedParseError } from './feed-parse-error.ts';
import type { FeedItem, FeedKind, ParsedFeed } from './feed-types.ts';
import { maxNestingDepth, rootElementName, sanitizeXml } from './xml-sanitize.ts';
import { parseJsonFeed } from './json-feed.ts';
import { plainText, resolveHttpUrl, toIsoDate } from './feed-values.ts';

/** Larger documents are refused rather than parsed: no real feed comes near this. */
export const MAX_FEED_CHARS = 32 * 1024 * 1024;
/** Deeper element nesting is refused (real feeds stay below 20). */
export const MAX_FEED_DEPTH = 256;
const MAX_SUMMARY_CHARS = 2000;

type RssItem = Record<string, unknown>;

/** Text of a value rss-parser produced: strings as they are, xml2js text nodes ({ _: text }) unwrapped. */
function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj._ === 'string') return obj._;
    if (typeof obj.name !== 'undefined') return textOf(obj.name);
  }
  return null;
}

function baseFor(feedUrl: string, xml: string): string | null {
  let base: string | null = null;
  try {
    const u = new URL(feedUrl);
    if (u.protocol === 'http:' || u.protocol === 'https:') base = u.href;
  } catch {
    // A file path: relative links cannot be resolved, unless the document carries xml:base.
  }
  const rootBase = /^[\s\S]{0,4000}?<(?:feed|rss|rdf:RDF|channel)\b[^>]*?\sxml:base\s*=\s*["']([^"']+)["']/.exec(xml);
  if (rootBase) base = resolveHttpUrl(rootBase[1], base) ?? base;
  return base;
}

function kindOfRoot(root: string): FeedKind | null {
  const lower = root.toLowerCase();
  if (lower === 'rss' || lower.endsWith(':rss')) return 'rss';
  if (lower === 'feed' || lower.endsWith(':feed')) return 'atom';
  if (lower === 'rdf:rdf' || lower === 'rdf') return 'rdf';
  return null;
}

/** "Line: 6\nColumn: 14\nChar: ;" from sax → "XML error at line 6: Invalid character entity". */
function describeXmlError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = /Line:\s*(\d+)/.exec(message);
  const column = /Column:\s*(\d+)/.exec(message);
  const first = message.split('\n')[0]!.trim();
  if (line) return `XML error at line ${Number(line[1]) + 1}${column ? `, column ${Number(column[1]) + 1}` : ''}: ${first}`;
  return `XML error: ${first}`;
}

function itemToFeedItem(item: RssItem, base: string | null): FeedItem | null {
  const guidRaw = textOf(item.guid) ?? textOf(item.id);
  const guid = guidRaw?.trim() || null;
  const link = textOf(item.link);
  const url =
    resolveHttpUrl(link, base) ??
    // A guid that is a URL is the permalink by default in RSS 2.0; Atom ids are often the permalink too.
    (guid && /^https?:\/\//i.test(guid) ? resolveHttpUrl(guid, null) : null) ??
    resolveHttpUrl(textOf((item.enclosure as Record<string, unknown> | undefined)?.url), base);
  if (!url) return null;
  const title = plainText(textOf(item.title), 1000);
  const publishedAt =
    toIsoDate(textOf(item.isoDate)) ?? toIsoDate(textOf(item.pubDate)) ?? toIsoDate(textOf(item['dc:date'])) ?? toIsoDate(textOf(item.published)) ?? toIsoDate(textOf(item.updated));
  const summary =
    plainText(textOf(item.contentSnippet), MAX_SUMMARY_CHARS) ??
    plainText(textOf(item.summary), MAX_SUMMARY_CHARS) ??
    plainText(textOf(item.content), MAX_SUMMARY_CHARS);
  const author = plainText(textOf(item.creator) ?? textOf(item.author) ?? textOf(item['dc:creator']), 300);
  return { url, title, publishedAt, guid, summary, author };
}

/**
 * Common deviations rss-parser cannot read, fixed textually: a feed vocabulary under a namespace
 * prefix (<a:feed>), RSS with items directly under <rss> (no <channel>), and RDF whose root lacks
 * the rdf: prefix or its <channel>.
 */
function replaceLast(text: string, search: string, replacement: string): string {
  const at = text.lastIndexOf(search);
  return at < 0 ? text : text.slice(0, at) + replacement + text.slice(at + search.length);
}

function repairStructure(xml: string, root: string): string {
  const prefixed = /^([A-Za-z_][\w.-]*):(rss|feed)$/i.exec(root);
  if (prefixed && prefixed[1] !== 'rdf') {
    // <a:feed xmlns:a="...Atom"> : the feed vocabulary lives under a prefix rss-parser does not resolve.
    const prefix = prefixed[1]!.replace(/[.-]/g, (c) => `\\${c}`);
    return repairStructure(xml.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1'), prefixed[2]!);
  }
  if (root === 'rss' && !/<channel[\s>]/.test(xml)) {
    return replaceLast(xml.replace(/(<rss\b[^>]*>)/, '$1<channel>'), '</rss>', '</channel></rss>');
  }
  let out = xml;
  if (root === 'rdf') out = replaceLast(out.replace(/<rdf(?=[\s>])/, '<rdf:RDF'), '</rdf>', '</rdf:RDF>');
  if ((root === 'rdf' || root === 'rdf:RDF') && !/<channel[\s>]/.test(out)) out = out.replace(/(<rdf:RDF\b[^>]*>)/, '$1<channel></channel>');
  return out;
}

/**
 * Parses an RSS 0.9x / 1.0 (RDF) / 2.0, Atom or JSON Feed document that is already decoded to a
 * string (see decodeBody). Item links are resolved against the feed URL (or the root's xml:base);
 * items without a usable http(s) link are skipped and counted. Throws FeedParseError naming
 * `url` (a URL or a file name) and the reason. Never expands DTD entities; refuses huge or
 * absurdly nested documents.
 */
export async function parseFeed(body: string, url: string): Promise<ParsedFeed> {
  if (body.length > MAX_FEED_CHARS) {
    throw new FeedParseError(url, `too large to be a feed (${body.length} characters, limit ${MAX_FEED_CHARS})`);
  }
  const start = body.replace(/^\uFEFF/, '').trimStart();
  if (!start) throw new FeedParseError(url, 'empty body');
  if (start[0] === '{' || start[0] === '[') return parseJsonFeed(start, url);
  if (start[0] !== '<') throw new FeedParseError(url, `not a feed: starts with ${JSON.stringify(start.slice(0, 20))}, not XML or JSON`);

  const root = rootElementName(start);
  if (!root) throw new FeedParseError(url, 'not a feed: no XML element found');
  if (root.toLowerCase() === 'html' || /^\s*<!DOCTYPE\s+html/i.test(start)) throw new FeedParseError(url, 'not a feed: looks like HTML');
  const kind = kindOfRoot(root);
  if (!kind) {
    if (root === 'urlset' || root === 'sitemapindex') throw new FeedParseError(url, `not a feed: <${root}> is a sitemap`);
    throw new FeedParseError(url, `not a feed: root element <${root}> is not rss, feed or rdf:RDF`);
  }
  const depth = maxNestingDepth(start, MAX_FEED_DEPTH);
  if (depth > MAX_FEED_DEPTH) throw new FeedParseError(url, `elements nested deeper than ${MAX_FEED_DEPTH} levels`);

  const xml = repairStructure(sanitizeXml(start), root);
  const parser = new Parser({
    defaultRSS: 2,
    customFields: { item: ['dc:date', 'dc:creator', 'published', 'updated'] as never[] },
  });
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    feed = await parser.parseString(xml);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/Unable to parse XML/.test(message)) throw new FeedParseError(url, 'empty document', { cause: error });
    if (/not recognized as RSS/.test(message)) throw new FeedParseError(url, `not a feed: ${message}`, { cause: error });
    // rss-parser reads the tree without checks: a TypeError means an element it needs is missing.
    if (error instanceof TypeError) throw new FeedParseError(url, `unreadable feed structure under <${root}> (${message})`, { cause: error });
    throw new FeedParseError(url, describeXmlError(error), { cause: error });
  }
  const base = baseFor(url, start);
  const items: FeedItem[] = [];
  let skipped = 0;
  for (const raw of (feed.items ?? []) as RssItem[]) {
    const item = itemToFeedItem(raw, base);
    if (item) items.push(item);
    else skipped++;
  }
  return { title: plainText(textOf(feed.title), 1000), kind, items, skippedItems: skipped };
}
