import { InputError } from '@newsgraph/shared';
import type { CrawlSourceRef, CrawlStageDeps, DiscoveredLink, PageJobData, ParsedLinks } from './interfaces/crawl-stages.ts';

export interface PollResult {
  status: 'ok' | 'not-modified';
  /** Links found in the feed or sitemap (after canonicalization and de-duplication). */
  found: number;
  /** Page jobs emitted: links never seen before. */
  pages: PageJobData[];
}

/** At most this many child sitemaps are read per poll, so a hostile index cannot fan out forever. */
const MAX_CHILD_SITEMAPS = 50;

function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/**
 * Polls one source: conditional GET of its feed or sitemap, parse, canonicalize the item URLs,
 * drop those already seen, emit page jobs through `enqueue`, and only then mark them seen and
 * remember the validators — so a crash at any point re-reads the feed rather than losing items.
 * Enqueueing is idempotent (page job ids derive from the canonical URL), so re-emitting is safe.
 */
export async function pollSource(
  source: CrawlSourceRef,
  deps: CrawlStageDeps,
  enqueue: (pages: PageJobData[]) => Promise<void>,
): Promise<PollResult> {
  const isSitemap = source.kind === 'sitemap';
  const validators = await deps.memory.getValidators(source.url);
  let response;
  try {
    response = await deps.fetcher.fetch({
      url: source.url,
      kind: isSitemap ? 'sitemap' : 'feed',
      etag: validators?.etag ?? null,
      lastModified: validators?.lastModified ?? null,
    });
  } catch (error) {
    deps.observe?.fetched('feed', 'failed', 0);
    throw error;
  }
  if (response.notModified) {
    deps.observe?.fetched('feed', 'not-modified', 0);
    return { status: 'not-modified', found: 0, pages: [] };
  }
  deps.observe?.fetched('feed', 'ok', response.bytes);

  const parsed = await parseLinks(source, response.body, response.url, deps);
  const links: DiscoveredLink[] = [...parsed.links];
  if (isSitemap && parsed.sitemaps?.length) {
    for (const child of parsed.sitemaps.slice(0, MAX_CHILD_SITEMAPS)) {
      const childResponse = await deps.fetcher.fetch({ url: child, kind: 'sitemap' });
      if (childResponse.notModified) continue;
      const childParsed = await deps.parseSitemap(childResponse.body, childResponse.url);
      links.push(...childParsed.links);
    }
  }

  const byUrl = new Map<string, DiscoveredLink>();
  for (const link of links) {
    if (!link.url) continue;
    let canonical: string;
    try {
      const absolute = new URL(link.url, response.url).toString();
      if (!isHttpUrl(absolute)) continue;
      canonical = deps.canonicalizeUrl(absolute);
    } catch {
      continue; // one bad item URL does not sink the feed
    }
    if (!byUrl.has(canonical)) byUrl.set(canonical, { ...link, url: canonical });
  }
  const unseen = await deps.memory.filterUnseen([...byUrl.keys()]);
  const pages: PageJobData[] = unseen.map((url) => {
    const link = byUrl.get(url)!;
    return { url, source, title: link.title ?? null, publishedAt: link.publishedAt ?? null };
  });
  if (pages.length > 0) {
    await enqueue(pages);
    await deps.memory.markSeen(unseen);
  }
  if (response.etag || response.lastModified) {
    await deps.memory.setValidators(source.url, { etag: response.etag, lastModified: response.lastModified });
  }
  return { status: 'ok', found: byUrl.size, pages };
}

async function parseLinks(source: CrawlSourceRef, body: string, url: string, deps: CrawlStageDeps): Promise<ParsedLinks> {
  try {
    return source.kind === 'sitemap' ? await deps.parseSitemap(body, url) : await deps.parseFeed(body, url);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(url, `cannot parse ${source.kind === 'sitemap' ? 'sitemap' : 'feed'}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
