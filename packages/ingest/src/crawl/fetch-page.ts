import { InputError, type Article } from '@newsgraph/shared';
import { buildArticle } from '../pipeline/build-article.ts';
import type { CrawlStageDeps, PageJobData } from './interfaces/crawl-stages.ts';

export type FetchPageResult =
  | { status: 'article'; article: Article }
  | { status: 'duplicate'; articleId: string; duplicateOf: string; kind: 'exact' | 'near' }
  | { status: 'not-modified' };

/** Pages whose main text is shorter than this are not articles (index pages, paywalls, errors). */
export const MIN_ARTICLE_CHARS = 200;

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Fetches one page and turns it into an Article: main-text extraction (with the source's body
 * selector), id from the canonical URL, content hash, metadata from the page or else the feed
 * item. An exact or near duplicate of a different stored article is recorded as another
 * publication of that story (`addPublication`) and goes no further.
 */
export async function fetchPage(job: PageJobData, deps: CrawlStageDeps): Promise<FetchPageResult> {
  // No conditional GET for pages: each URL is fetched once (seen URLs are not re-enqueued), and a
  // 304 on a retried job would leave nothing to process.
  let response;
  try {
    response = await deps.fetcher.fetch({ url: job.url, kind: 'page' });
  } catch (error) {
    deps.observe?.fetched('page', 'failed', 0);
    throw error;
  }
  if (response.notModified) {
    deps.observe?.fetched('page', 'not-modified', 0);
    return { status: 'not-modified' };
  }
  deps.observe?.fetched('page', 'ok', response.bytes);

  const started = performance.now();
  let extracted;
  try {
    extracted = await deps.extractArticle(response.body, response.url, { bodySelector: job.source.bodySelector ?? undefined });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(response.url, `cannot extract article text: ${(error as Error).message}`, { cause: error });
  } finally {
    deps.observe?.extractionSeconds((performance.now() - started) / 1000);
  }
  const text = extracted.text.trim();
  if (text.length < MIN_ARTICLE_CHARS) {
    throw new InputError(response.url, `no article text found (${text.length} characters of main text)`);
  }

  // A page's own canonical link is trusted only on its own host: a hostile page must not be
  // able to claim another site's article id.
  let canonicalUrl = deps.canonicalizeUrl(response.url);
  if (extracted.canonicalUrl) {
    try {
      const declared = deps.canonicalizeUrl(new URL(extracted.canonicalUrl, response.url).toString());
      if (hostOf(declared) === hostOf(response.url)) canonicalUrl = declared;
    } catch {
      // malformed canonical link: keep the fetched URL
    }
  }
  const fetchedAt = deps.now().toISOString();
  const article: Article = buildArticle({
    url: response.url,
    extracted: { ...extracted, text },
    canonicalUrl,
    fetchedAt,
    sourceId: job.source.id,
    feedTitle: job.title ?? null,
    feedPublishedAt: job.publishedAt ?? null,
  });
  if (!article.title.trim()) article.title = canonicalUrl;

  const duplicate = await deps.memory.claimContent(article.id, article.text, article.contentHash);
  if (duplicate && duplicate.articleId !== article.id) {
    deps.observe?.duplicate(duplicate.kind);
    await deps.addPublication(duplicate.articleId, {
      url: article.url,
      title: article.title,
      outlet: article.outlet,
      publishedAt: article.publishedAt,
      fetchedAt,
    });
    return { status: 'duplicate', articleId: article.id, duplicateOf: duplicate.articleId, kind: duplicate.kind };
  }
  return { status: 'article', article };
}
