import { errorMessage, InputError } from '@newsgraph/shared';
import { HostBusyError } from '../http/host-busy-error.ts';
import type { ConditionalValidators, CrawlSourceRef, CrawlStageDeps, DiscoveredLink, PageJobData, ParsedLinks } from './interfaces/crawl-stages.ts';

export interface PollResult {
  status: 'ok' | 'not-modified';
  /** Links found in the feed or sitemap (after canonicalization and de-duplication). */
  found: number;
  /** Page jobs emitted: links never seen before. */
  pages: PageJobData[];
  /** Child sitemaps of an index that failed this poll (the others were read); tried again next poll. */
  failedChildren?: Array<{ url: string; reason: string }>;
  /** Child sitemaps that answered 304 Not Modified. */
  unchangedChildren?: number;
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
  const failedChildren: Array<{ url: string; reason: string }> = [];
  let firstChildError: unknown = null;
  const childValidators: Array<[string, ConditionalValidators]> = [];
  let unchangedChildren = 0;
  const children = isSitemap && parsed.sitemaps?.length ? parsed.sitemaps.slice(0, MAX_CHILD_SITEMAPS) : [];
  for (const child of children) {
    // Each child on its own: a 404 or broken child costs its own links this poll, not the source's.
    const outcome = await pollChildSitemap(child, deps);
    if ('reason' in outcome) {
      failedChildren.push({ url: child, reason: outcome.reason });
      firstChildError ??= outcome.error;
    }
    else if (outcome.notModified) unchangedChildren++;
    else {
      links.push(...outcome.links);
      if (outcome.validators) childValidators.push([child, outcome.validators]);
    }
  }
  if (children.length > 0 && failedChildren.length === children.length) {
    // Every child failed (the host is down?): fail the poll with the first error, so the queue
    // retries it when that error is retryable.
    throw firstChildError;
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
  // Validators only after the links are enqueued and marked seen (a crash re-reads the sitemap).
  for (const [child, validators] of childValidators) await deps.memory.setValidators(child, validators);
  if (response.etag || response.lastModified) {
    await deps.memory.setValidators(source.url, { etag: response.etag, lastModified: response.lastModified });
  }
  const result: PollResult = { status: 'ok', found: byUrl.size, pages };
  if (children.length > 0) {
    result.failedChildren = failedChildren;
    result.unchangedChildren = unchangedChildren;
  }
  return result;
}

type ChildOutcome =
  | { notModified: true }
  | { notModified: false; links: DiscoveredLink[]; validators: ConditionalValidators | null }
  | { reason: string; error: unknown };

/**
 * One child sitemap with conditional GET; failures are returned, not thrown. The child waits
 * for its host's turn here, inside the poll (feed jobs are few): re-running the whole poll for
 * each child's turn would fetch the index and the earlier children again every time.
 */
async function pollChildSitemap(url: string, deps: CrawlStageDeps): Promise<ChildOutcome> {
  try {
    const validators = await deps.memory.getValidators(url);
    const request = { url, kind: 'sitemap' as const, etag: validators?.etag ?? null, lastModified: validators?.lastModified ?? null };
    let response;
    for (;;) {
      try {
        response = await deps.fetcher.fetch(request);
        break;
      } catch (error) {
        if (!(error instanceof HostBusyError)) throw error;
        await new Promise((resolve) => setTimeout(resolve, error.waitMs));
      }
    }
    if (response.notModified) {
      deps.observe?.fetched('feed', 'not-modified', 0);
      return { notModified: true };
    }
    deps.observe?.fetched('feed', 'ok', response.bytes);
    const parsed = await deps.parseSitemap(response.body, response.url);
    return {
      notModified: false,
      links: parsed.links,
      validators: response.etag || response.lastModified ? { etag: response.etag, lastModified: response.lastModified } : null,
    };
  } catch (error) {
    deps.observe?.fetched('feed', 'failed', 0);
    return { reason: errorMessage(error), error };
  }
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
