import { InputError, type Article } from '@newsgraph/shared';
import type { ArticleExtractionOptions, ExtractedArticle } from '../interfaces/article.ts';
import type { FetchResponse } from '../interfaces/fetcher.ts';
import { detectBinaryBody } from '../http/binary-content.ts';
import { buildArticle } from './build-article.ts';

/** Pages whose main text is shorter than this are not articles (index pages, paywalls, errors). */
export const MIN_ARTICLE_CHARS = 200;

export interface ArticleFromResponseDeps {
  /** Main-text extraction; may run on a worker thread (then it returns a promise). */
  extractArticle(html: string, url: string, options?: ArticleExtractionOptions): ExtractedArticle | Promise<ExtractedArticle>;
  canonicalizeUrl(url: string): string;
  now(): Date;
}

export interface ArticleFromResponseOptions {
  bodySelector?: string | null;
  sourceId?: string | null;
  /** What the feed or sitemap said about the page, used where the page says nothing. */
  feedTitle?: string | null;
  feedPublishedAt?: string | null;
  /** Batch-wide defaults (`ingest --outlet`, `--published`), used last. */
  defaultOutlet?: string | null;
  defaultPublishedAt?: string | null;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * The canonical URL of a fetched page: its own `<link rel=canonical>` only when that is on the
 * host the page was fetched from (a hostile page must not claim another site's article id),
 * else the fetched URL; normalised either way (tracking parameters, AMP/mobile variants).
 */
export function canonicalUrlFor(fetchedUrl: string, declared: string | null, canonicalizeUrl: (url: string) => string): string {
  const own = canonicalizeUrl(fetchedUrl);
  if (!declared) return own;
  try {
    const resolved = canonicalizeUrl(new URL(declared, fetchedUrl).toString());
    return /^https?:/i.test(resolved) && hostOf(resolved) === hostOf(fetchedUrl) ? resolved : own;
  } catch {
    return own; // a malformed canonical link: keep the fetched URL
  }
}

/**
 * The one way a fetched page becomes an Article, for the crawler and for `newsgraph ingest`
 * alike: PDF and binary bodies refused by their content (whatever the content type said), main
 * text extracted (with the source's body selector), at least MIN_ARTICLE_CHARS of it, the
 * canonical URL checked and normalised, the id derived from it, metadata from the page, else
 * the feed item, else the batch defaults. Throws an InputError naming the URL otherwise.
 */
export async function articleFromResponse(response: FetchResponse, deps: ArticleFromResponseDeps, options: ArticleFromResponseOptions = {}): Promise<Article> {
  // HttpFetcher refuses binary pages already (on the raw bytes); this catches any other Fetcher.
  // Decoded text re-encoded keeps what gives a binary body away: its NULs, control bytes, "%PDF-".
  const binary = await detectBinaryBody(new TextEncoder().encode(response.body.slice(0, 4096)));
  if (binary) throw new InputError(response.url, `${binary}, not a web page (served as ${response.contentType || 'no content type'})`);
  let extracted: ExtractedArticle;
  try {
    extracted = await deps.extractArticle(response.body, response.url, { bodySelector: options.bodySelector ?? undefined });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(response.url, `cannot extract article text: ${(error as Error).message}`, { cause: error });
  }
  const text = extracted.text.trim();
  if (text.length < MIN_ARTICLE_CHARS) {
    throw new InputError(response.url, `no article text found (${text.length} characters of main text, at least ${MIN_ARTICLE_CHARS} needed)`);
  }
  const canonicalUrl = canonicalUrlFor(response.url, extracted.canonicalUrl, deps.canonicalizeUrl);
  const article = buildArticle({
    url: response.url,
    extracted: { ...extracted, text, outlet: extracted.outlet ?? options.defaultOutlet ?? null },
    canonicalUrl,
    fetchedAt: deps.now().toISOString(),
    sourceId: options.sourceId ?? null,
    feedTitle: options.feedTitle ?? null,
    feedPublishedAt: options.feedPublishedAt ?? options.defaultPublishedAt ?? null,
  });
  if (!article.title.trim()) article.title = canonicalUrl;
  return article;
}
