import { isIP } from 'node:net';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw, gunzipSync, constants as zlibConstants } from 'node:zlib';
import { Transform } from 'node:stream';
import { Agent, request, type Dispatcher } from 'undici';
import type { NewsgraphConfig } from '@newsgraph/shared';
import type { FetchKind, FetchRequest, FetchResponse, Fetcher } from '../interfaces/fetcher.ts';
import { FetchError } from './fetch-error.ts';
import { blockedHostnameReason, defaultAddressPolicy, type AddressPolicy } from './address-policy.ts';
import { createGuardedLookup, findBlockedAddressError, systemDnsLookup, type DnsLookup } from './guarded-lookup.ts';
import { decodeBody } from './charset.ts';
import { detectBinaryBody } from './binary-content.ts';
import { parseRetryAfter } from './retry-after.ts';
import { HostLimiter } from './host-limiter.ts';
import { HostBusyError } from './host-busy-error.ts';
import type { HostGate } from '../queue/interfaces/host-gate.ts';
import { RobotsCache, type RobotsLoadResult } from './robots-cache.ts';
import { connectorWithOverrides, type ConnectTo } from './connect-to.ts';

export type HttpConfig = NewsgraphConfig['http'];

export interface HttpFetcherOptions {
  /** DNS resolution (tests map names to 127.0.0.1 or to private addresses without real DNS). */
  dnsLookup?: DnsLookup;
  /** Which resolved addresses are refused; default refuses every non-public address. Ignored when allowPrivateNetwork. */
  addressPolicy?: AddressPolicy;
  /** Shared robots.txt cache (one per process); created when absent. */
  robotsCache?: RobotsCache;
  /** Shared per-host limiter (one per process); created from config when absent. Waits inside the fetch; see hostGate. */
  hostLimiter?: HostLimiter;
  /**
   * The crawl's host scheduler (memory or Redis). When given, it replaces the limiter: every hop
   * takes a turn without waiting, a host that is not due throws HostBusyError (the queue delays
   * the job until its turn), and Crawl-delay and Retry-After pauses go to the scheduler, shared
   * by every worker using it.
   */
  hostGate?: HostGate;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** An undici dispatcher to use instead of the fetcher's own guarded Agent (its lookup is then not guarded). */
  dispatcher?: Dispatcher;
  /** Sockets for these URL hosts open elsewhere (curl's --connect-to); see connect-to.ts. For trusted targets only (the demo's own server): an IP-literal target bypasses the SSRF guard's lookup. */
  connectTo?: ConnectTo;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACCEPT: Record<FetchKind, string> = {
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5',
  sitemap: 'application/xml, text/xml;q=0.9, */*;q=0.5',
  page: 'text/html, application/xhtml+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5',
  robots: 'text/plain, */*;q=0.5',
};
/** Media types that are never an article, feed or robots file: refused without reading the body. */
const UNSUPPORTED_MEDIA = /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|vnd\.rar|x-rar-compressed|msword|vnd\.ms-|vnd\.openxmlformats)/i;
const ROBOTS_MAX_BYTES = 512 * 1024;

interface RawResponse {
  requestedUrl: string;
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

function hostKey(url: URL): string {
  return url.host.toLowerCase();
}

/**
 * The one HTTP client: every feed, page, sitemap and robots.txt goes through it.
 * Redirects are followed by hand so every hop gets the scheme check, the SSRF guard (in the
 * connect lookup: the socket is pinned to the checked address), robots.txt and the host limiter.
 * Bodies are decompressed (gzip, deflate, br) with the size cap applied to the decompressed
 * bytes, then decoded to a string (charset.ts). The fetcher never retries: it reports
 * `FetchError.retryable` / `retryAfterMs` and the queue decides.
 */
export class HttpFetcher implements Fetcher {
  readonly config: HttpConfig;
  readonly robots: RobotsCache;
  readonly limiter: HostLimiter;
  private readonly gate: HostGate | null;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly policy: AddressPolicy | null;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private closed = false;

  constructor(config: HttpConfig, options: HttpFetcherOptions = {}) {
    this.config = config;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.policy = config.allowPrivateNetwork ? null : (options.addressPolicy ?? defaultAddressPolicy);
    this.robots = options.robotsCache ?? new RobotsCache({ userAgent: config.userAgent, now: this.now });
    this.limiter =
      options.hostLimiter ??
      new HostLimiter({ concurrency: config.perHostConcurrency, delayMs: config.perHostDelayMs, now: this.now, sleep: options.sleep });
    this.gate = options.hostGate ?? null;
    if (options.dispatcher) {
      this.dispatcher = options.dispatcher;
      this.ownsDispatcher = false;
    } else {
      const connect = { timeout: config.connectTimeoutMs, lookup: createGuardedLookup(options.dnsLookup ?? systemDnsLookup, this.policy) };
      this.dispatcher = new Agent({
        connect: options.connectTo?.size ? connectorWithOverrides(connect, options.connectTo) : connect,
        connections: Math.max(2, config.perHostConcurrency),
        keepAliveTimeout: 10_000,
        headersTimeout: config.timeoutMs,
        bodyTimeout: config.timeoutMs,
      });
      this.ownsDispatcher = true;
    }
  }

  async fetch(req: FetchRequest): Promise<FetchResponse> {
    if (this.closed) throw new FetchError(req.url, 'network', 'fetcher is closed');
    const raw = await this.fetchRaw(req.url, req.kind, req.etag ?? null, req.lastModified ?? null, this.config.respectRobots && req.kind !== 'robots');
    if (raw.status === 304) {
      return {
        requestedUrl: raw.requestedUrl,
        url: raw.url,
        status: 304,
        notModified: true,
        contentType: header(raw.headers, 'content-type'),
        charset: null,
        body: '',
        bytes: 0,
        etag: header(raw.headers, 'etag') ?? req.etag ?? null,
        lastModified: header(raw.headers, 'last-modified') ?? req.lastModified ?? null,
      };
    }
    const contentType = header(raw.headers, 'content-type');
    let bytes = raw.bytes;
    if ((req.kind === 'sitemap' || req.kind === 'feed') && bytes[0] === 0x1f && bytes[1] === 0x8b) {
      // A gzip file (sitemap.xml.gz), as opposed to Content-Encoding: same cap after inflating.
      try {
        bytes = gunzipSync(bytes, { maxOutputLength: this.config.maxBodyBytes });
      } catch (error) {
        const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || /larger than|maxOutputLength|buffer/i.test((error as Error).message);
        throw new FetchError(req.url, tooLarge ? 'too-large' : 'unsupported-content', tooLarge ? `gzip file exceeds the ${this.config.maxBodyBytes}-byte limit after decompression at ${raw.url}` : `corrupt gzip file at ${raw.url}: ${(error as Error).message}`, { cause: error });
      }
    }
    if (req.kind === 'page') {
      // By content, not by header: PDFs and images are often served as text/html.
      const binary = await detectBinaryBody(bytes);
      if (binary) {
        throw new FetchError(req.url, 'unsupported-content', `${raw.url} is ${binary}, not a web page (served as ${contentType ?? 'no content type'})`);
      }
    }
    const decoded = decodeBody(bytes, contentType);
    return {
      requestedUrl: raw.requestedUrl,
      url: raw.url,
      status: raw.status,
      notModified: false,
      contentType,
      charset: decoded.charset,
      body: decoded.text,
      bytes: bytes.length,
      etag: header(raw.headers, 'etag'),
      lastModified: header(raw.headers, 'last-modified'),
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  /** Parses and checks a URL: http(s) only, no credentials-free tricks, no blocked literal addresses or names. */
  private checkUrl(url: string, requestedUrl: string): URL {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new FetchError(requestedUrl, 'invalid-url', `not a valid URL: ${url}`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new FetchError(requestedUrl, 'invalid-url', `only http and https URLs can be fetched, not ${parsed.protocol.replace(/:$/, '')} (${url})`);
    }
    if (!parsed.hostname) throw new FetchError(requestedUrl, 'invalid-url', `URL has no host: ${url}`);
    if (this.policy) {
      const host = parsed.hostname.replace(/^\[|\]$/g, '');
      const nameReason = blockedHostnameReason(host);
      if (nameReason) throw new FetchError(requestedUrl, 'blocked-address', `refusing ${parsed.host}: ${nameReason}`);
      if (isIP(host)) {
        const reason = this.policy(host, host);
        if (reason) throw new FetchError(requestedUrl, 'blocked-address', `refusing ${host}: ${reason}`);
      } else if (/^[0-9.]+$/.test(host) || /^0x/i.test(host)) {
        // WHATWG URL already normalises 0x7f.1 / 2130706433 to dotted form; anything left that looks numeric is odd.
        throw new FetchError(requestedUrl, 'blocked-address', `refusing ambiguous numeric host ${host}`);
      }
    }
    return parsed;
  }

  private async fetchRaw(
    startUrl: string,
    kind: FetchKind,
    etag: string | null,
    lastModified: string | null,
    checkRobots: boolean,
  ): Promise<RawResponse> {
    const requestedUrl = startUrl;
    const maxBytes = kind === 'robots' ? Math.min(ROBOTS_MAX_BYTES, this.config.maxBodyBytes) : this.config.maxBodyBytes;
    const controller = new AbortController();
    // The timeout covers the network exchange, not the wait for a host's turn: it starts once
    // the first hop has its slot.
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      timer ??= setTimeout(() => controller.abort(), this.config.timeoutMs);
    };
    const disarm = (): void => {
      clearTimeout(timer);
      timer = undefined;
    };
    const visited: string[] = [];
    let url = this.checkUrl(startUrl, requestedUrl);
    try {
      for (let hop = 0; ; hop++) {
        visited.push(url.href);
        const crawlDelayMs = checkRobots ? await this.checkRobots(url, requestedUrl) : null;
        // A redirect hop waits for its turn here: re-running the job would take the first hop's
        // turn again and never reach this one. The wait does not count against the timeout.
        if (hop > 0) disarm();
        const slot = await this.acquireHost(url, controller.signal, requestedUrl, `${kind} ${url.href}`, crawlDelayMs, hop > 0);
        arm();
        let response: Dispatcher.ResponseData;
        try {
          const headers: Record<string, string> = {
            'user-agent': this.config.userAgent,
            accept: ACCEPT[kind],
            'accept-encoding': 'gzip, deflate, br',
          };
          if (etag) headers['if-none-match'] = etag;
          if (lastModified) headers['if-modified-since'] = lastModified;
          try {
            response = await request(url, {
              method: 'GET',
              headers,
              dispatcher: this.dispatcher,
              signal: controller.signal,
              headersTimeout: this.config.timeoutMs,
              bodyTimeout: this.config.timeoutMs,
            });
          } catch (error) {
            slot.started();
            throw this.translateError(error, requestedUrl, url, controller.signal);
          }
          const status = response.statusCode;
          // The headers arrived, so the host has seen the request: the next turn counts from here.
          // A 429/503 first pauses the host, so no turn is granted between its answer and its pause.
          if (status !== 429 && status !== 503) slot.started();
          const responseHeaders = response.headers as Record<string, string | string[] | undefined>;

          if (REDIRECT_STATUSES.has(status)) {
            await discard(response.body);
            const location = header(responseHeaders, 'location');
            if (!location) throw new FetchError(requestedUrl, 'http-status', `HTTP ${status} redirect without a Location header at ${url.href}`, { status });
            let next: URL;
            try {
              next = new URL(location, url);
            } catch {
              throw new FetchError(requestedUrl, 'invalid-url', `redirect from ${url.href} to an invalid URL: ${location}`);
            }
            next.hash = '';
            if (visited.includes(next.href)) {
              throw new FetchError(requestedUrl, 'too-many-redirects', `redirect loop: ${[...visited, next.href].join(' → ')}`);
            }
            if (hop + 1 > this.config.maxRedirects) {
              throw new FetchError(requestedUrl, 'too-many-redirects', `more than ${this.config.maxRedirects} redirects (last: ${url.href} → ${next.href})`);
            }
            url = this.checkUrl(next.href, requestedUrl);
            continue;
          }
          if (status === 304) {
            await discard(response.body);
            return { requestedUrl, url: url.href, status, headers: responseHeaders, bytes: Buffer.alloc(0) };
          }
          if (status === 429 || status === 503) {
            await discard(response.body);
            const retryAfterMs = parseRetryAfter(header(responseHeaders, 'retry-after'), this.now());
            try {
              if (retryAfterMs !== null) {
                if (this.gate) await this.gate.pause(hostKey(url), retryAfterMs);
                else this.limiter.pause(hostKey(url), retryAfterMs);
              }
            } finally {
              slot.started();
            }
            throw new FetchError(requestedUrl, 'http-status', `HTTP ${status}${retryAfterMs !== null ? ` (retry after ${Math.ceil(retryAfterMs / 1000)} s)` : ''} from ${url.href}`, {
              status,
              retryAfterMs,
            });
          }
          if (status < 200 || status >= 300) {
            await discard(response.body);
            throw new FetchError(requestedUrl, 'http-status', `HTTP ${status} from ${url.href}`, { status });
          }
          const contentType = header(responseHeaders, 'content-type');
          // sitemap.xml.gz is usually served as application/x-gzip (a file, not a Content-Encoding): unpacked in fetch().
          const gzipFile = (kind === 'sitemap' || kind === 'feed') && contentType !== null && /^application\/(x-)?gzip/i.test(contentType);
          if (kind !== 'robots' && contentType && !gzipFile && UNSUPPORTED_MEDIA.test(contentType)) {
            await discard(response.body);
            throw new FetchError(requestedUrl, 'unsupported-content', `unsupported content type ${contentType} at ${url.href}`);
          }
          const bytes = await this.readBody(response, maxBytes, requestedUrl, url, controller.signal, kind === 'robots');
          return { requestedUrl, url: url.href, status, headers: responseHeaders, bytes };
        } finally {
          slot.release();
        }
      }
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  private async acquireHost(
    url: URL,
    signal: AbortSignal,
    requestedUrl: string,
    token: string,
    crawlDelayMs: number | null,
    waitForTurn: boolean,
  ): Promise<{ started: () => void; release: () => void }> {
    if (this.gate) {
      for (;;) {
        const turn = await this.gate.tryAcquire(hostKey(url), token, { crawlDelayMs });
        if (!('waitMs' in turn)) {
          // A lost started/release expires with the slot TTL.
          return { started: () => void turn.started().catch(() => undefined), release: () => void turn.release().catch(() => undefined) };
        }
        if (!waitForTurn || this.closed) throw new HostBusyError(hostKey(url), turn.waitMs);
        await this.sleep(turn.waitMs);
      }
    }
    const acquired = this.limiter.acquire(hostKey(url));
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(new FetchError(requestedUrl, 'timeout', `timed out after ${this.config.timeoutMs} ms waiting for a slot on ${url.host}`));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const release = await Promise.race([acquired, aborted]);
      return { started: () => undefined, release };
    } catch (error) {
      // The slot may still be granted later: give it back at once.
      void acquired.then((release) => release());
      throw error;
    } finally {
      if (onAbort) signal.removeEventListener('abort', onAbort);
    }
  }

  /** Refuses a URL robots.txt disallows; returns the host's Crawl-delay (ms) or null. */
  private async checkRobots(url: URL, requestedUrl: string): Promise<number | null> {
    let decision;
    try {
      decision = await this.robots.check(url.href, (robotsUrl) => this.loadRobots(robotsUrl));
    } catch (error) {
      if (error instanceof FetchError) throw new FetchError(requestedUrl, error.code, error.reason, { status: error.status ?? undefined, cause: error });
      throw error;
    }
    if (decision.crawlDelayMs !== null && !this.gate) this.limiter.setCrawlDelay(hostKey(url), decision.crawlDelayMs);
    if (!decision.allowed) {
      throw new FetchError(requestedUrl, 'robots-disallowed', `${url.href} ${decision.reason ?? 'disallowed by robots.txt'}`, {
        retryable: decision.temporary,
        retryAfterMs: decision.retryInMs,
      });
    }
    return decision.crawlDelayMs;
  }

  private async loadRobots(robotsUrl: string): Promise<RobotsLoadResult> {
    try {
      const raw = await this.fetchRaw(robotsUrl, 'robots', null, null, false);
      return { status: raw.status, body: decodeBody(raw.bytes, header(raw.headers, 'content-type')).text };
    } catch (error) {
      if (error instanceof HostBusyError) throw error; // not robots' fault: the page job waits for the turn
      if (error instanceof FetchError) {
        if (error.code === 'blocked-address') throw error;
        if (error.code === 'http-status' && error.status !== null) return { status: error.status, body: '' };
        // Redirect trouble or a blocked hop counts as "unavailable" (allow), like a 4xx, per RFC 9309 §2.3.1.2.
        if (error.code === 'too-many-redirects' || error.code === 'invalid-url') return { status: 404, body: '' };
        if (error.code === 'too-large') return { unreachable: 'robots.txt too large' };
        return { unreachable: error.reason };
      }
      return { unreachable: error instanceof Error ? error.message : String(error) };
    }
  }

  private async readBody(
    response: Dispatcher.ResponseData,
    maxBytes: number,
    requestedUrl: string,
    url: URL,
    signal: AbortSignal,
    truncate: boolean,
  ): Promise<Buffer> {
    const headers = response.headers as Record<string, string | string[] | undefined>;
    const declaredLength = Number(header(headers, 'content-length') ?? NaN);
    const encoding = (header(headers, 'content-encoding') ?? '').trim().toLowerCase();
    if (!truncate && Number.isFinite(declaredLength) && declaredLength > maxBytes) {
      abandon(response.body);
      throw new FetchError(requestedUrl, 'too-large', `body of ${declaredLength} bytes exceeds the ${maxBytes}-byte limit at ${url.href}`);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    let truncated = false;
    const tooLarge = new FetchError(requestedUrl, 'too-large', `body exceeds the ${maxBytes}-byte limit${encoding ? ` after ${encoding} decompression` : ''} at ${url.href}`);
    const sink = async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        const room = maxBytes - total;
        if (chunk.length > room) {
          if (truncate) {
            chunks.push(chunk.subarray(0, room));
            total += room;
            truncated = true;
            throw tooLarge;
          }
          throw tooLarge;
        }
        chunks.push(chunk);
        total += chunk.length;
      }
    };
    try {
      const stages = decompressors(encoding);
      if (stages === null) {
        abandon(response.body);
        throw new FetchError(requestedUrl, 'unsupported-content', `unsupported Content-Encoding "${encoding}" at ${url.href}`);
      }
      // pipeline's typings cannot express a variable number of stages; the call itself is the documented form.
      const run = pipeline as unknown as (...args: unknown[]) => Promise<void>;
      await run(response.body as Readable, ...stages, sink, { signal });
    } catch (error) {
      if (error === tooLarge) {
        if (truncated) return Buffer.concat(chunks, total);
        throw tooLarge;
      }
      if (error instanceof FetchError) throw error;
      throw this.translateError(error, requestedUrl, url, signal);
    }
    return Buffer.concat(chunks, total);
  }

  private translateError(error: unknown, requestedUrl: string, url: URL, signal: AbortSignal): FetchError {
    if (error instanceof FetchError) return error;
    const blocked = findBlockedAddressError(error);
    if (blocked) return new FetchError(requestedUrl, 'blocked-address', `refusing ${url.host}: ${blocked.message}`, { cause: error });
    const code = errorCode(error);
    const message = error instanceof Error ? error.message : String(error);
    if (signal.aborted) return new FetchError(requestedUrl, 'timeout', `timed out after ${this.config.timeoutMs} ms at ${url.href}`, { cause: error });
    if (code === 'UND_ERR_CONNECT_TIMEOUT') {
      return new FetchError(requestedUrl, 'timeout', `connect timeout after ${this.config.connectTimeoutMs} ms to ${url.host}`, { cause: error });
    }
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
      return new FetchError(requestedUrl, 'timeout', `timed out after ${this.config.timeoutMs} ms at ${url.href}`, { cause: error });
    }
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR' || code === 'ERR_BROTLI_DECOMPRESSION_FAILED' || /incorrect header check|invalid/i.test(message) && /zlib|inflate|gzip|brotli/i.test(String(code))) {
      return new FetchError(requestedUrl, 'unsupported-content', `corrupt compressed body at ${url.href}: ${message}`, { cause: error });
    }
    return new FetchError(requestedUrl, 'network', `${code ? `${code}: ` : ''}${message} (${url.href})`, { cause: error });
  }
}

function errorCode(error: unknown): string | null {
  let current: unknown = error;
  for (let i = 0; i < 5 && current; i++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** Decompression stages for a Content-Encoding (possibly a list like "gzip, br"), or null when unsupported. */
function decompressors(encoding: string): Transform[] | null {
  if (!encoding || encoding === 'identity') return [];
  const stages: Transform[] = [];
  // Encodings are listed in the order applied, so undo them in reverse.
  for (const coding of encoding.split(',').map((c) => c.trim()).filter(Boolean).reverse()) {
    if (coding === 'gzip' || coding === 'x-gzip') stages.push(createGunzip({ finishFlush: zlibConstants.Z_SYNC_FLUSH }));
    else if (coding === 'deflate') stages.push(createFlexibleInflate());
    else if (coding === 'br') stages.push(createBrotliDecompress());
    else if (coding !== 'identity') return null;
  }
  return stages;
}

/**
 * "deflate" is meant to be zlib-wrapped (RFC 9110) but some servers send raw deflate: pick by the
 * first byte (a zlib header has compression method 8 in its low nibble).
 */
function createFlexibleInflate(): Transform {
  let inner: Transform | null = null;
  const stream: Transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (!inner) {
        inner = (chunk[0]! & 0x0f) === 8 ? createInflate({ finishFlush: zlibConstants.Z_SYNC_FLUSH }) : createInflateRaw({ finishFlush: zlibConstants.Z_SYNC_FLUSH });
        inner.on('data', (data: Buffer) => stream.push(data));
        inner.on('error', (error) => stream.destroy(error));
      }
      inner.write(chunk, (error) => callback(error ?? null));
    },
    flush(callback) {
      if (!inner) return callback();
      inner.once('end', () => callback());
      inner.end();
    },
  });
  return stream;
}

/** Drops a body without reading it; the error undici emits on destroy is expected, not a crash. */
function abandon(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => {});
  body.destroy();
}

async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  try {
    await body.dump({ limit: 64 * 1024 });
  } catch {
    // The connection is dropped instead of reused; nothing to report.
  }
}
