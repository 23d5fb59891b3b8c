import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

/**
 * A local HTTP server for tests, bound to 127.0.0.1 on a free port. Routes are a table of
 * path → handler; small helpers build the handlers tests need (plain bodies, charset-encoded
 * bodies, compression, redirects, delays, slow bodies, status codes, sequences for retries).
 * Every request is recorded so tests can assert on headers (User-Agent, If-None-Match ...)
 * and on timing (per-host delay).
 */

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/feed.xml?x=1`. */
  path: string;
  headers: IncomingMessage['headers'];
  /** `Date.now()` when the request arrived. */
  at: number;
}

export interface FixtureContext {
  url: URL;
  /** How many times this route has been hit, including this request (1-based). */
  hit: number;
  server: FixtureServer;
}

export type FixtureHandler = (req: IncomingMessage, res: ServerResponse, ctx: FixtureContext) => void | Promise<void>;

export interface FixtureServer {
  /** e.g. `http://127.0.0.1:40123` */
  readonly origin: string;
  readonly port: number;
  /** Absolute URL of a path on this server. */
  url(path: string): string;
  /** Adds or replaces a route. The key is a path, matched with its query first, then without it. */
  route(path: string, handler: FixtureHandler): void;
  readonly requests: RecordedRequest[];
  /** Requests to one path (query ignored). */
  requestsTo(path: string): RecordedRequest[];
  close(): Promise<void>;
}

export interface BodyOptions {
  status?: number;
  contentType?: string;
  headers?: Record<string, string | number | string[]>;
}

/** A fixed body (string as UTF-8, or raw bytes). */
export function respond(body: string | Buffer, options: BodyOptions = {}): FixtureHandler {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return (_req, res) => {
    const headers: Record<string, string | number | string[]> = { 'content-length': bytes.length, ...options.headers };
    if (options.contentType !== undefined) headers['content-type'] = options.contentType;
    res.writeHead(options.status ?? 200, headers);
    res.end(bytes);
  };
}

/** A text body encoded in `charset` (via iconv-lite). `label` is what the Content-Type says (null: no charset parameter). */
export function charsetBody(
  text: string,
  charset: string,
  options: BodyOptions & { label?: string | null; mediaType?: string } = {},
): FixtureHandler {
  const label = options.label === undefined ? charset : options.label;
  const mediaType = options.mediaType ?? 'text/html';
  return respond(iconv.encode(text, charset), {
    ...options,
    contentType: options.contentType ?? (label ? `${mediaType}; charset=${label}` : mediaType),
  });
}

export type Compression = 'gzip' | 'deflate' | 'deflate-raw' | 'br';

export function compress(bytes: Buffer, encoding: Compression): Buffer {
  switch (encoding) {
    case 'gzip':
      return gzipSync(bytes);
    case 'deflate':
      return deflateSync(bytes);
    case 'deflate-raw':
      return deflateRawSync(bytes);
    case 'br':
      return brotliCompressSync(bytes);
  }
}

/** A body compressed with `encoding` and labelled with Content-Encoding. */
export function compressed(body: string | Buffer, encoding: Compression, options: BodyOptions = {}): FixtureHandler {
  const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const label = encoding === 'deflate-raw' ? 'deflate' : encoding;
  return respond(compress(raw, encoding), {
    ...options,
    headers: { 'content-encoding': label, ...options.headers },
  });
}

/** A redirect to `location` (relative or absolute). */
export function redirect(location: string, status = 302): FixtureHandler {
  return (_req, res) => {
    res.writeHead(status, { location, 'content-length': 0 });
    res.end();
  };
}

/** An empty response with a status and headers, e.g. `status(429, { 'retry-after': '2' })`. */
export function status(code: number, headers: Record<string, string> = {}, body = ''): FixtureHandler {
  return respond(body, { status: code, headers, contentType: 'text/plain' });
}

/** Waits `ms` before handing over to `handler` (a slow server: tests time-to-first-byte). */
export function delayed(ms: number, handler: FixtureHandler): FixtureHandler {
  return async (req, res, ctx) => {
    await sleep(ms, res);
    if (!res.destroyed) await handler(req, res, ctx);
  };
}

/** Sends headers at once, then `chunks` pieces of `chunk` each `intervalMs` apart (a slow body). */
export function slowBody(chunk: string, chunks: number, intervalMs: number, options: BodyOptions = {}): FixtureHandler {
  return async (_req, res) => {
    res.writeHead(options.status ?? 200, { 'content-type': options.contentType ?? 'text/plain', ...options.headers });
    for (let i = 0; i < chunks && !res.destroyed; i++) {
      res.write(chunk);
      await sleep(intervalMs, res);
    }
    if (!res.destroyed) res.end();
  };
}

/** Streams `totalBytes` of filler without a Content-Length (chunked), to test the body-size cap. */
export function endlessBody(totalBytes: number, options: BodyOptions = {}): FixtureHandler {
  return async (_req, res) => {
    res.writeHead(options.status ?? 200, { 'content-type': options.contentType ?? 'text/plain', ...options.headers });
    const block = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    while (sent < totalBytes && !res.destroyed) {
      const piece = block.subarray(0, Math.min(block.length, totalBytes - sent));
      sent += piece.length;
      if (!res.write(piece)) await new Promise<void>((resolve) => {
        res.once('drain', resolve);
        res.once('close', resolve);
      });
    }
    if (!res.destroyed) res.end();
  };
}

/** Uses the handlers in turn on successive hits (the last one repeats): e.g. 503 then 200. */
export function sequence(...handlers: FixtureHandler[]): FixtureHandler {
  if (handlers.length === 0) throw new Error('sequence() needs at least one handler');
  return (req, res, ctx) => handlers[Math.min(ctx.hit, handlers.length) - 1]!(req, res, ctx);
}

/**
 * Conditional GET: answers 304 when If-None-Match equals `etag` or If-Modified-Since equals
 * `lastModified`, else `handler` with ETag / Last-Modified added.
 */
export function conditional(etag: string, lastModified: string, handler: FixtureHandler): FixtureHandler {
  return (req, res, ctx) => {
    if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lastModified) {
      res.writeHead(304, { etag, 'last-modified': lastModified });
      res.end();
      return;
    }
    res.setHeader('etag', etag);
    res.setHeader('last-modified', lastModified);
    return handler(req, res, ctx);
  };
}

function sleep(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    res.once('close', done);
    function done() {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
  });
}

/** Starts the server on 127.0.0.1:0 with an initial route table. Unknown paths answer 404. */
export async function startFixtureServer(routes: Record<string, FixtureHandler> = {}): Promise<FixtureServer> {
  const table = new Map<string, FixtureHandler>(Object.entries(routes));
  const hits = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  // Handlers receive the server object; it is created after listen() gives the port.
  const holder: { fixture?: FixtureServer } = {};
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname + url.search;
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers, at: Date.now() });
    const key = table.has(path) ? path : url.pathname;
    const handler = table.get(key);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const hit = (hits.get(key) ?? 0) + 1;
    hits.set(key, hit);
    Promise.resolve(handler(req, res, { url, hit, server: holder.fixture! })).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const fixture: FixtureServer = {
    origin,
    port,
    url: (path) => new URL(path, origin).toString(),
    route: (path, handler) => {
      table.set(path, handler);
      hits.delete(path);
    },
    requests,
    requestsTo: (path) => requests.filter((r) => r.path.split('?')[0] === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  holder.fixture = fixture;
  return fixture;
}
