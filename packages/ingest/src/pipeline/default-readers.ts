import { decodeBody } from '../http/charset.ts';
import { HttpFetcher, type HttpConfig, type HttpFetcherOptions } from '../http/http-fetcher.ts';
import { extractArticle } from '../article/extract-article.ts';
import { extractPlainTextArticle } from '../article/plain-text-article.ts';
import type { Fetcher } from '../interfaces/fetcher.ts';
import type { ArticleReaders } from './ingest-inputs.ts';

/** The production readers: cheerio main-text extraction, plain-text chrome trimming, charsets. */
export function createDefaultReaders(): ArticleReaders {
  return {
    extractHtml: extractArticle,
    extractPlainText: extractPlainTextArticle,
    decode: (bytes, contentType) => decodeBody(bytes, contentType).text,
  };
}

/** The production fetcher (robots.txt, politeness, SSRF guard, charset decoding) from the `http` settings. */
export function createFetcher(http: HttpConfig, options?: HttpFetcherOptions): Fetcher {
  return new HttpFetcher(http, options);
}
