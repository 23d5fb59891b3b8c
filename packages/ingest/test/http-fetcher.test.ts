import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { gzipSync } from 'node:zlib';
import { FetchError } from '../src/http/fetch-error.ts';
import { detectBinaryBody } from '../src/http/binary-content.ts';
import { HttpFetcher, type HttpConfig } from '../src/http/http-fetcher.ts';
import { blockedAddressReason } from '../src/http/address-policy.ts';
import type { DnsLookup } from '../src/http/guarded-lookup.ts';
import {
  charsetBody,
  compressed,
  conditional,
  delayed,
  endlessBody,
  redirect,
  respond,
  sequence,
  slowBody,
  startFixtureServer,
  status,
  type FixtureServer,
} from './support/fixture-server.ts';

const baseConfig: HttpConfig = {
  userAgent: 'newsgraph-test/0.1 (+https://example.org/bot)',
  connectTimeoutMs: 2000,
  timeoutMs: 4000,
  maxBodyBytes: 1024 * 1024,
  maxRedirects: 3,
  allowPrivateNetwork: true,
  respectRobots: false,
  perHostConcurrency: 4,
  perHostDelayMs: 0,
};

let server: FixtureServer;
const fetchers: HttpFetcher[] = [];
function fetcher(overrides: Partial<HttpConfig> = {}, options: ConstructorParameters<typeof HttpFetcher>[1] = {}): HttpFetcher {
  const f = new HttpFetcher({ ...baseConfig, ...overrides }, options);
  fetchers.push(f);
  return f;
}

async function fetchError(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error('expected the fetch to fail');
}

beforeAll(async () => {
  server = await startFixtureServer();
});
afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
});
afterAll(async () => {
  await server.close();
});

describe('HttpFetcher basics', () => {
  it('sends the configured User-Agent and Accept-Encoding and returns the decoded body', async () => {
    server.route('/hello', respond('<p>hello</p>', { contentType: 'text/html; charset=utf-8', headers: { etag: '"v1"' } }));
    const res = await fetcher().fetch({ url: server.url('/hello'), kind: 'page' });
    expect(res).toMatchObject({ status: 200, notModified: false, body: '<p>hello</p>', charset: 'utf-8', etag: '"v1"', bytes: 12 });
    const req = server.requestsTo('/hello').at(-1)!;
    expect(req.headers['user-agent']).toBe(baseConfig.userAgent);
    expect(req.headers['accept-encoding']).toMatch(/gzip.*deflate.*br/);
  });

  it.each(['gzip', 'deflate', 'deflate-raw', 'br'] as const)('decompresses %s', async (encoding) => {
    server.route(`/z-${encoding}`, compressed('<p>compressed ü</p>', encoding, { contentType: 'text/html; charset=utf-8' }));
    const res = await fetcher().fetch({ url: server.url(`/z-${encoding}`), kind: 'page' });
    expect(res.body).toBe('<p>compressed ü</p>');
  });

  it('refuses non-http schemes and malformed URLs', async () => {
    expect((await fetchError(fetcher().fetch({ url: 'file:///etc/passwd', kind: 'page' }))).code).toBe('invalid-url');
    expect((await fetchError(fetcher().fetch({ url: 'not a url', kind: 'page' }))).code).toBe('invalid-url');
  });

  it('reports HTTP errors with status and retryability', async () => {
    server.route('/gone', status(404));
    server.route('/boom', status(500));
    const e404 = await fetchError(fetcher().fetch({ url: server.url('/gone'), kind: 'page' }));
    expect(e404).toMatchObject({ code: 'http-status', status: 404, retryable: false });
    const e500 = await fetchError(fetcher().fetch({ url: server.url('/boom'), kind: 'page' }));
    expect(e500).toMatchObject({ code: 'http-status', status: 500, retryable: true });
  });

  it('reports a corrupt compressed body as unsupported content', async () => {
    server.route('/corrupt-gz', respond(Buffer.from('this is not gzip at all'), { contentType: 'text/html', headers: { 'content-encoding': 'gzip' } }));
    server.route('/unknown-enc', respond('x', { contentType: 'text/html', headers: { 'content-encoding': 'zstd-unknown' } }));
    expect((await fetchError(fetcher().fetch({ url: server.url('/corrupt-gz'), kind: 'page' }))).code).toBe('unsupported-content');
    expect((await fetchError(fetcher().fetch({ url: server.url('/unknown-enc'), kind: 'page' }))).code).toBe('unsupported-content');
  });

  it('unpacks a gzip sitemap file served as application/x-gzip, with the size cap', async () => {
    const xml = '<urlset><url><loc>https://e.example/a</loc></url></urlset>';
    server.route('/sitemap.xml.gz', respond(gzipSync(xml), { contentType: 'application/x-gzip' }));
    const res = await fetcher().fetch({ url: server.url('/sitemap.xml.gz'), kind: 'sitemap' });
    expect(res.body).toBe(xml);
    server.route('/bomb.xml.gz', respond(gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)), { contentType: 'application/gzip' }));
    expect((await fetchError(fetcher({ maxBodyBytes: 1024 * 1024 }).fetch({ url: server.url('/bomb.xml.gz'), kind: 'sitemap' }))).code).toBe('too-large');
    expect((await fetchError(fetcher().fetch({ url: server.url('/sitemap.xml.gz'), kind: 'page' }))).code).toBe('unsupported-content');
  });

  it('refuses images and other non-text media without reading them', async () => {
    server.route('/img', respond(Buffer.alloc(100), { contentType: 'image/png' }));
    expect((await fetchError(fetcher().fetch({ url: server.url('/img'), kind: 'page' }))).code).toBe('unsupported-content');
  });
});

describe('bodies judged by content, not by Content-Type', () => {
  // Before: a PDF or an image served as text/html went through as a page and was stored as an article.
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), Buffer.alloc(64, 0x20)]);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR'), Buffer.alloc(200, 7)]);
  const blob = Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256));

  it('refuses a PDF, an image and unknown binary data served as text/html', async () => {
    server.route('/doc.html', respond(pdf, { contentType: 'text/html; charset=utf-8' }));
    server.route('/pic.html', respond(png, { contentType: 'text/html' }));
    server.route('/blob.html', respond(blob, { contentType: 'text/html' }));
    const f = fetcher();
    const doc = await fetchError(f.fetch({ url: server.url('/doc.html'), kind: 'page' }));
    expect(doc).toMatchObject({ code: 'unsupported-content', retryable: false });
    expect(doc.message).toMatch(/PDF document.*served as text\/html/);
    expect((await fetchError(f.fetch({ url: server.url('/pic.html'), kind: 'page' }))).message).toMatch(/image\/png/);
    expect((await fetchError(f.fetch({ url: server.url('/blob.html'), kind: 'page' }))).message).toMatch(/binary data/);
  });

  it('keeps text pages in any charset, UTF-16 included, whatever they are served as', async () => {
    const html = '<html><body><p>Größe · 東京 · Ελλάδα</p></body></html>';
    server.route('/u16.html', respond(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')]), { contentType: 'text/html' }));
    server.route('/octets', respond(Buffer.from(html, 'utf8'), { contentType: 'application/octet-stream' }));
    server.route('/sjis.html', respond(iconv.encode('<html><body><p>東京の記事です。</p></body></html>', 'shift_jis'), { contentType: 'text/html; charset=shift_jis' }));
    const f = fetcher();
    expect((await f.fetch({ url: server.url('/u16.html'), kind: 'page' })).body).toContain('東京');
    expect((await f.fetch({ url: server.url('/octets'), kind: 'page' })).body).toContain('Ελλάδα');
    expect((await f.fetch({ url: server.url('/sjis.html'), kind: 'page' })).body).toContain('東京の記事');
  });

  it('detectBinaryBody is usable on its own (the one-off ingest path calls it)', async () => {
    expect(await detectBinaryBody(pdf)).toMatch(/PDF/);
    expect(await detectBinaryBody(Buffer.from('<?xml version="1.0"?><rss/>'))).toBeNull();
    expect(await detectBinaryBody(Buffer.from('plain text\r\n\twith tabs'))).toBeNull();
    expect(await detectBinaryBody(new Uint8Array(0))).toBeNull();
  });

  it('detectBinaryBody does not take a story for a file whose signature is two or three letters', async () => {
    // "BM" is BMP's signature and "ID3" MP3's: real files of those kinds have NULs in their header.
    expect(await detectBinaryBody(Buffer.from('BMW cash to fuel Mini production\n\nLess than four years after the launch...'))).toBeNull();
    expect(await detectBinaryBody(Buffer.from('ID3 tags are read by every player, the vendor said.'))).toBeNull();
    const bmp = Buffer.alloc(64);
    bmp.write('BM', 0, 'latin1');
    bmp.writeUInt32LE(64, 2);
    bmp.writeUInt32LE(54, 10);
    bmp.writeUInt32LE(40, 14);
    expect(await detectBinaryBody(bmp)).toMatch(/bmp/);
  });
});

describe('conditional GET', () => {
  it('sends If-None-Match / If-Modified-Since and returns notModified on 304', async () => {
    const lastModified = 'Wed, 21 Oct 2026 07:28:00 GMT';
    server.route('/cond', conditional('"abc"', lastModified, respond('<rss/>', { contentType: 'application/rss+xml' })));
    const f = fetcher();
    const first = await f.fetch({ url: server.url('/cond'), kind: 'feed' });
    expect(first).toMatchObject({ status: 200, notModified: false, etag: '"abc"', lastModified });
    const second = await f.fetch({ url: server.url('/cond'), kind: 'feed', etag: first.etag, lastModified: first.lastModified });
    expect(second).toMatchObject({ status: 304, notModified: true, body: '', etag: '"abc"' });
    expect(server.requestsTo('/cond').at(-1)!.headers['if-none-match']).toBe('"abc"');
    const byDate = await f.fetch({ url: server.url('/cond'), kind: 'feed', lastModified });
    expect(byDate.notModified).toBe(true);
  });
});

describe('redirects', () => {
  it('follows a chain and reports the final URL', async () => {
    server.route('/r1', redirect('/r2', 301));
    server.route('/r2', redirect(server.url('/r3'), 307));
    server.route('/r3', respond('end', { contentType: 'text/plain' }));
    const res = await fetcher().fetch({ url: server.url('/r1'), kind: 'page' });
    expect(res).toMatchObject({ requestedUrl: server.url('/r1'), url: server.url('/r3'), body: 'end' });
  });

  it('detects loops', async () => {
    server.route('/loop-a', redirect('/loop-b'));
    server.route('/loop-b', redirect('/loop-a'));
    const error = await fetchError(fetcher().fetch({ url: server.url('/loop-a'), kind: 'page' }));
    expect(error.code).toBe('too-many-redirects');
    expect(error.message).toMatch(/redirect loop/);
  });

  it('enforces the redirect cap', async () => {
    for (let i = 0; i < 6; i++) server.route(`/hop${i}`, redirect(`/hop${i + 1}`));
    server.route('/hop6', respond('too far'));
    const error = await fetchError(fetcher({ maxRedirects: 3 }).fetch({ url: server.url('/hop0'), kind: 'page' }));
    expect(error.code).toBe('too-many-redirects');
    expect(error.message).toMatch(/more than 3 redirects/);
    expect(server.requestsTo('/hop4')).toHaveLength(0);
  });
});

describe('timeouts and size caps', () => {
  it('times out a slow body', async () => {
    server.route('/slow-body', slowBody('x', 50, 100));
    // The body takes 5 s to arrive, so only the 300 ms timeout can produce this error.
    const error = await fetchError(fetcher({ timeoutMs: 300 }).fetch({ url: server.url('/slow-body'), kind: 'page' }));
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
  });

  it('times out a server that never answers', async () => {
    server.route('/slow-headers', delayed(5000, respond('late')));
    const error = await fetchError(fetcher({ timeoutMs: 300 }).fetch({ url: server.url('/slow-headers'), kind: 'page' }));
    expect(error.code).toBe('timeout');
  });

  it('refuses a declared Content-Length above the cap', async () => {
    server.route('/big-declared', respond(Buffer.alloc(200_000, 0x61), { contentType: 'text/plain' }));
    const error = await fetchError(fetcher({ maxBodyBytes: 100_000 }).fetch({ url: server.url('/big-declared'), kind: 'page' }));
    expect(error.code).toBe('too-large');
  });

  it('aborts a chunked body once it passes the cap', async () => {
    server.route('/big-chunked', endlessBody(50 * 1024 * 1024));
    const error = await fetchError(fetcher({ maxBodyBytes: 100_000 }).fetch({ url: server.url('/big-chunked'), kind: 'page' }));
    expect(error.code).toBe('too-large');
  });

  it('applies the cap after decompression (gzip bomb)', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0)); // ~64 KB on the wire, 64 MB inflated
    expect(bomb.length).toBeLessThan(200_000);
    server.route('/bomb', respond(bomb, { contentType: 'text/html', headers: { 'content-encoding': 'gzip' } }));
    const error = await fetchError(fetcher({ maxBodyBytes: 1024 * 1024 }).fetch({ url: server.url('/bomb'), kind: 'page' }));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/after gzip decompression/);
  });
});

describe('charsets', () => {
  const french = '<html><head><meta charset="windows-1252"><title>Café</title></head><body>Déjà vu – “quoted” €5</body></html>';

  it('ignores a utf-8 header the bytes contradict and uses the meta charset', async () => {
    server.route('/cp1252-mislabelled', charsetBody(french, 'windows-1252', { label: 'utf-8' }));
    const res = await fetcher().fetch({ url: server.url('/cp1252-mislabelled'), kind: 'page' });
    expect(res.charset).toBe('windows-1252');
    expect(res.body).toContain('Déjà vu – “quoted” €5');
  });

  it('honours the header charset', async () => {
    server.route('/latin1', charsetBody('<p>Ärger über Öl</p>', 'latin1', { label: 'ISO-8859-1' }));
    const res = await fetcher().fetch({ url: server.url('/latin1'), kind: 'page' });
    expect(res.body).toBe('<p>Ärger über Öl</p>');
    expect(res.charset).toBe('windows-1252');
  });

  it('trusts a document that declares utf-8 over a server default of ISO-8859-1', async () => {
    const xml = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Zürich – Genève</title></channel></rss>';
    server.route('/latin1-default.xml', respond(xml, { contentType: 'text/xml; charset=ISO-8859-1' }));
    const res = await fetcher().fetch({ url: server.url('/latin1-default.xml'), kind: 'feed' });
    expect(res.body).toContain('<title>Zürich – Genève</title>');
    expect(res.charset).toBe('utf-8');
  });

  it('reads the XML declaration encoding', async () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Straße</title></channel></rss>';
    server.route('/decl.xml', charsetBody(xml, 'latin1', { label: null, mediaType: 'application/xml' }));
    const res = await fetcher().fetch({ url: server.url('/decl.xml'), kind: 'feed' });
    expect(res.body).toContain('<title>Straße</title>');
  });

  it('decodes a UTF-16 body with a BOM', async () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Ελληνικά</p>', 'utf16le')]);
    server.route('/utf16', respond(body, { contentType: 'text/html' }));
    const res = await fetcher().fetch({ url: server.url('/utf16'), kind: 'page' });
    expect(res).toMatchObject({ body: '<p>Ελληνικά</p>', charset: 'utf-16le' });
  });

  const japanese = '日本政府は半導体製造装置の輸出規制を強化すると発表した。経済産業省によると、対象は先端半導体の製造に必要な二十三品目で、七月から許可が必要になる。';
  const chinese = '中国商务部宣布对镓和锗相关物项实施出口管制，自八月一日起未经许可不得出口。商务部表示，此举是为了维护国家安全和利益。';
  const russian = 'Министерство финансов США ввело санкции против нескольких компаний, поставлявших электронику в Россию через третьи страны.';

  it.each([
    ['shift_jis', japanese, 'meta'],
    ['euc-jp', japanese, 'meta'],
    ['gbk', chinese, 'meta'],
    ['big5', '台灣經濟部宣布加強對先進半導體製造設備的出口管制，相關廠商必須事先取得許可。', 'header'],
    ['koi8-r', russian, 'header'],
  ])('decodes %s declared by %s', async (charset, text, where) => {
    const html = where === 'meta' ? `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body>${text}</body></html>` : `<html><body>${text}</body></html>`;
    server.route(`/cs-${charset}`, charsetBody(html, charset, { label: where === 'header' ? charset : null }));
    const res = await fetcher().fetch({ url: server.url(`/cs-${charset}`), kind: 'page' });
    expect(res.body).toContain(text);
  });

  it.each([
    ['shift_jis', japanese],
    ['gb18030', chinese],
  ])('detects undeclared %s with the detector', async (charset, text) => {
    const html = `<html><body><p>${text}</p><p>${text}</p></body></html>`;
    server.route(`/detect-${charset}`, respond(iconv.encode(html, charset), { contentType: 'text/html' }));
    const res = await fetcher().fetch({ url: server.url(`/detect-${charset}`), kind: 'page' });
    expect(res.body).toContain(text);
    expect(res.charset).toBe(charset);
  });
});

describe('robots.txt', () => {
  let robotsServer: FixtureServer;
  beforeAll(async () => {
    robotsServer = await startFixtureServer({
      '/robots.txt': respond('User-agent: *\nDisallow: /private\nCrawl-delay: 0.4\n\nUser-agent: otherbot\nDisallow: /\n', { contentType: 'text/plain' }),
      '/public': respond('ok', { contentType: 'text/plain' }),
      '/private/page': respond('secret', { contentType: 'text/plain' }),
      '/to-private': redirect('/private/page'),
    });
  });
  afterAll(() => robotsServer.close());

  it('refuses a disallowed path without requesting it, and allows others', async () => {
    const f = fetcher({ respectRobots: true });
    expect((await f.fetch({ url: robotsServer.url('/public'), kind: 'page' })).body).toBe('ok');
    const error = await fetchError(f.fetch({ url: robotsServer.url('/private/page'), kind: 'page' }));
    expect(error).toMatchObject({ code: 'robots-disallowed', retryable: false });
    expect(error.message).toMatch(/robots\.txt line 2/);
    // A redirect into a disallowed path is refused too.
    expect((await fetchError(f.fetch({ url: robotsServer.url('/to-private'), kind: 'page' }))).code).toBe('robots-disallowed');
    expect(robotsServer.requestsTo('/private/page')).toHaveLength(0);
    expect(robotsServer.requestsTo('/robots.txt')).toHaveLength(1); // cached
  });

  it('applies Crawl-delay between requests to the host', async () => {
    const f = fetcher({ respectRobots: true });
    const before = robotsServer.requestsTo('/public').length;
    await f.fetch({ url: robotsServer.url('/public'), kind: 'page' });
    await f.fetch({ url: robotsServer.url('/public'), kind: 'page' });
    const hits = robotsServer.requestsTo('/public').slice(before);
    expect(hits).toHaveLength(2);
    expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(350);
  });

  it('ignores robots.txt when respectRobots is false', async () => {
    const res = await fetcher({ respectRobots: false }).fetch({ url: robotsServer.url('/private/page'), kind: 'page' });
    expect(res.body).toBe('secret');
  });

  it('treats a 4xx robots.txt as allow-all and a 5xx as a temporary disallow', async () => {
    const s404 = await startFixtureServer({ '/a': respond('fine') });
    const s503 = await startFixtureServer({ '/robots.txt': status(503), '/a': respond('fine') });
    try {
      expect((await fetcher({ respectRobots: true }).fetch({ url: s404.url('/a'), kind: 'page' })).body).toBe('fine');
      const error = await fetchError(fetcher({ respectRobots: true }).fetch({ url: s503.url('/a'), kind: 'page' }));
      expect(error).toMatchObject({ code: 'robots-disallowed', retryable: true });
      expect(error.message).toMatch(/unreachable/);
      expect(s503.requestsTo('/a')).toHaveLength(0);
    } finally {
      await s404.close();
      await s503.close();
    }
  });
});

describe('Retry-After and per-host limits', () => {
  it('surfaces Retry-After seconds on 429 and pauses the host', async () => {
    server.route('/rate', sequence(status(429, { 'retry-after': '1' }), respond('ok')));
    // A fake clock advanced only by the limiter's sleeps: the wait is checked, not timed.
    let clock = Date.parse('2026-11-22T10:00:00Z');
    const slept: number[] = [];
    const f = fetcher({}, { now: () => clock, sleep: async (ms) => { slept.push(ms); clock += ms; } });
    const error = await fetchError(f.fetch({ url: server.url('/rate'), kind: 'page' }));
    expect(error).toMatchObject({ code: 'http-status', status: 429, retryAfterMs: 1000, retryable: true });
    expect(f.limiter.pausedFor(`127.0.0.1:${server.port}`)).toBe(1000);
    expect(slept).toEqual([]);
    await f.fetch({ url: server.url('/rate'), kind: 'page' });
    expect(slept.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(f.limiter.pausedFor(`127.0.0.1:${server.port}`)).toBe(0);
  });

  it('surfaces an HTTP-date Retry-After on 503', async () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    server.route('/maint', status(503, { 'retry-after': 'Sun, 22 Nov 2026 10:02:00 GMT' }));
    const f = fetcher({}, { now: () => now, sleep: async () => {} });
    const error = await fetchError(f.fetch({ url: server.url('/maint'), kind: 'page' }));
    expect(error).toMatchObject({ status: 503, retryAfterMs: 120_000, retryable: true });
  });

  it('keeps at most perHostConcurrency requests in flight and spaces request starts by perHostDelayMs', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    server.route('/counted', async (_req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 80));
      inFlight--;
      res.end('ok');
    });
    const f = fetcher({ perHostConcurrency: 2, perHostDelayMs: 0 });
    await Promise.all(Array.from({ length: 6 }, () => f.fetch({ url: server.url('/counted'), kind: 'page' })));
    expect(maxInFlight).toBe(2);

    const before = server.requestsTo('/counted').length;
    const spaced = fetcher({ perHostConcurrency: 4, perHostDelayMs: 150 });
    await Promise.all(Array.from({ length: 3 }, () => spaced.fetch({ url: server.url('/counted'), kind: 'page' })));
    const times = server.requestsTo('/counted').slice(before).map((r) => r.at);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(130);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(130);
  });
});

describe('SSRF guard', () => {
  const strict: Partial<HttpConfig> = { allowPrivateNetwork: false };
  const calls: string[] = [];
  const fakeDns: DnsLookup = async (hostname) => {
    calls.push(hostname);
    const table: Record<string, { address: string; family: number }> = {
      'private.test': { address: '10.0.0.1', family: 4 },
      'metadata.test': { address: '169.254.169.254', family: 4 },
      'mapped.test': { address: '::ffff:192.168.1.1', family: 6 },
      'public.test': { address: '127.0.0.1', family: 4 },
    };
    const hit = table[hostname];
    if (!hit) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return [hit];
  };
  // Tests only: treat the fixture's 127.0.0.1 as "public" so a redirect can be followed to a blocked target.
  const fixtureIsPublic = (ip: string) => (ip === '127.0.0.1' ? null : blockedAddressReason(ip));

  it('refuses loopback literals by default', async () => {
    const before = server.requests.length;
    const error = await fetchError(fetcher(strict).fetch({ url: server.url('/hello'), kind: 'page' }));
    expect(error.code).toBe('blocked-address');
    expect(error.message).toMatch(/loopback/);
    expect(server.requests.length).toBe(before);
  });

  it.each([
    ['http://private.test/', /private/],
    ['http://metadata.test/latest/meta-data/', /metadata/],
    ['http://mapped.test/', /private/],
    ['http://metadata.google.internal/computeMetadata/v1/', /metadata/],
    ['http://[::ffff:169.254.169.254]/', /metadata|link-local/],
    ['http://[fd00:ec2::254]/', /metadata|unique local/],
    ['http://localhost:9/', /loopback/],
  ])('refuses %s (resolved with a fake DNS, no traffic)', async (url, reason) => {
    const error = await fetchError(fetcher(strict, { dnsLookup: fakeDns }).fetch({ url, kind: 'page' }));
    expect(error.code).toBe('blocked-address');
    expect(error.message).toMatch(reason);
  });

  it('reports a blocked host as blocked-address even when robots.txt is checked first', async () => {
    const error = await fetchError(fetcher({ ...strict, respectRobots: true }, { dnsLookup: fakeDns }).fetch({ url: 'http://private.test/news', kind: 'page' }));
    expect(error).toMatchObject({ code: 'blocked-address', retryable: false });
    expect(error.message).toMatch(/^http:\/\/private\.test\/news: /);
  });

  it('checks every redirect hop', async () => {
    server.route('/to-metadata', redirect('http://metadata.test/latest/'));
    server.route('/to-literal', redirect('http://10.1.2.3/admin'));
    const f = fetcher(strict, { dnsLookup: fakeDns, addressPolicy: fixtureIsPublic });
    const ok = await f.fetch({ url: `http://public.test:${server.port}/hello`, kind: 'page' });
    expect(ok.body).toBe('<p>hello</p>');
    expect(calls).toContain('public.test');
    const viaName = await fetchError(f.fetch({ url: `http://public.test:${server.port}/to-metadata`, kind: 'page' }));
    expect(viaName.code).toBe('blocked-address');
    expect(calls).toContain('metadata.test');
    const viaLiteral = await fetchError(f.fetch({ url: `http://public.test:${server.port}/to-literal`, kind: 'page' }));
    expect(viaLiteral.code).toBe('blocked-address');
  });

  it('allows private addresses with allowPrivateNetwork', async () => {
    const res = await fetcher({ allowPrivateNetwork: true }).fetch({ url: server.url('/hello'), kind: 'page' });
    expect(res.status).toBe(200);
  });
});
