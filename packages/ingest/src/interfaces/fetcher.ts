/**
 * The one HTTP layer for feeds, pages, sitemaps and robots.txt. Implementations decode the
 * body to a string (charset from header, BOM, XML declaration or meta) before anyone parses it.
 */

export type FetchKind = 'feed' | 'page' | 'sitemap' | 'robots';

export interface FetchRequest {
  url: string;
  kind: FetchKind;
  /** Conditional GET validators remembered from the previous fetch of this URL. */
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchResponse {
  requestedUrl: string;
  /** Final URL after redirects. */
  url: string;
  status: number;
  /** True on 304 Not Modified: `body` is empty and the caller keeps what it had. */
  notModified: boolean;
  contentType: string | null;
  /** The charset the body was decoded from, e.g. 'utf-8', 'windows-1252', 'shift_jis'. */
  charset: string | null;
  body: string;
  /** Size of the (decompressed) body in bytes. */
  bytes: number;
  etag: string | null;
  lastModified: string | null;
}

/** Why a fetch failed; `retryable` tells queues whether to try again later. */
export type FetchFailureCode =
  | 'invalid-url'
  | 'blocked-address'
  | 'robots-disallowed'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'http-status'
  | 'network'
  | 'unsupported-content';

export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchResponse>;
  close(): Promise<void>;
}
