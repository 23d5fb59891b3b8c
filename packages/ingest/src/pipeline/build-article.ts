import { articleIdFor, contentHash, type Article } from '@newsgraph/shared';
import type { ExtractedArticle } from '../interfaces/article.ts';
import { canonicalizeUrl } from '../dedupe/canonicalize-url.ts';

export interface BuildArticleInput {
  /** Where the article was read from: the fetched URL, or a file:// URL. */
  url: string;
  extracted: ExtractedArticle;
  /**
   * Canonical URL chosen by the caller (for fetched pages: `canonicalUrlFor`, which checks the
   * page's own link); else `url`, normalised. The page's declared canonical link is never used
   * unchecked here: it could name another site.
   */
  canonicalUrl?: string | null;
  fetchedAt?: string;
  sourceId?: string | null;
  /** Fallbacks from a feed item when the page itself lacks them. */
  feedTitle?: string | null;
  feedPublishedAt?: string | null;
  outlet?: string | null;
}

/** Tracking parameters, fragments and AMP/mobile variants removed; file:// URLs kept as they are. */
function canonicalUrlOf(url: string): string {
  return /^https?:/i.test(url) ? canonicalizeUrl(url) : url;
}

/**
 * Turns extracted page content into an Article. The id comes from the canonical URL, so the same
 * story fetched again (or through another tracking link) lands on the same record, and a changed
 * text shows up as a changed content hash.
 */
export function buildArticle(input: BuildArticleInput): Article {
  const canonicalUrl = input.canonicalUrl ?? canonicalUrlOf(input.url);
  const text = input.extracted.text;
  return {
    id: articleIdFor(canonicalUrl),
    url: input.url,
    canonicalUrl,
    title: input.extracted.title || input.feedTitle || '',
    outlet: input.extracted.outlet ?? input.outlet ?? null,
    author: input.extracted.author,
    publishedAt: input.extracted.publishedAt ?? input.feedPublishedAt ?? null,
    fetchedAt: input.fetchedAt ?? new Date().toISOString(),
    language: input.extracted.language,
    text,
    contentHash: contentHash(text),
    sourceId: input.sourceId ?? null,
  };
}
