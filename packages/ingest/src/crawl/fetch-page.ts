import type { Article } from '@newsgraph/shared';
import { articleFromResponse } from '../pipeline/article-from-response.ts';
import type { CrawlStageDeps, PageJobData } from './interfaces/crawl-stages.ts';

export type FetchPageResult =
  | { status: 'article'; article: Article }
  | { status: 'duplicate'; articleId: string; duplicateOf: string; kind: 'exact' | 'near' }
  | { status: 'not-modified' };

export { MIN_ARTICLE_CHARS } from '../pipeline/article-from-response.ts';

/**
 * Fetches one page and turns it into an Article (`articleFromResponse`, the one function for
 * that: content sniffing, main text with the source's body selector, minimum length, canonical
 * URL on the page's own host, metadata from the page or else the feed item). An exact or near
 * duplicate of a different stored article is recorded as another publication of that story
 * (`addPublication`) and goes no further.
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
  let article: Article;
  try {
    article = await articleFromResponse(response, deps, {
      bodySelector: job.source.bodySelector,
      sourceId: job.source.id,
      feedTitle: job.title,
      feedPublishedAt: job.publishedAt,
    });
  } finally {
    deps.observe?.extractionSeconds((performance.now() - started) / 1000);
  }
  const fetchedAt = article.fetchedAt;

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
