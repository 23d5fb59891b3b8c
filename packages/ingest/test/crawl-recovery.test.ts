import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '@newsgraph/graph';
import { articleIdFor } from '@newsgraph/shared';
import { canonicalizeUrl } from '../src/dedupe/canonicalize-url.ts';
import { CrawlStateMemory } from '../src/crawl/crawl-memory.ts';
import { SqliteCrawlState } from '../src/state/sqlite-crawl-state.ts';
import { runCrawl, type RunCrawlOptions } from '../src/crawl/run-crawl.ts';
import { HttpFetcher } from '../src/http/http-fetcher.ts';
import { RobotsCache } from '../src/http/robots-cache.ts';
import { conditional, delayed, respond, startFixtureServer, status, type FixtureServer } from './support/fixture-server.ts';
import { articleHtml, generateArticles, rssFeed, type FixtureArticle } from './fixtures/crawl/news-site.ts';
import { testCrawlConfig } from './fixtures/crawl/mount-site.ts';

/*
 * The defects of issue 14 that the in-process crawl had, each with the run that shows it fixed:
 * pages given up after a short outage, failed pages that could be neither listed nor retried, a
 * robots.txt 503 that ate every retry, and one bad child sitemap failing the whole source.
 */

const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-recovery-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function page(server: FixtureServer, article: FixtureArticle) {
  return respond(articleHtml(article, server.origin), { contentType: 'text/html' });
}

async function crawlOnce(store: SqliteStore, statePath: string, sources: RunCrawlOptions['sources'], extra: Partial<RunCrawlOptions> = {}) {
  const config = testCrawlConfig({ concurrency: 2 });
  return runCrawl({
    config,
    store,
    sources,
    role: 'crawl',
    once: true,
    serveMetrics: false,
    retry: { attempts: 4, baseDelayMs: 400, maxDelayMs: 400 },
    openMemory: async () => new CrawlStateMemory(new SqliteCrawlState(statePath)),
    ...extra,
  });
}

function feedSource(server: FixtureServer, id = 'feed') {
  return [{ source: { id, url: server.url('/feed.xml'), kind: 'rss' }, intervalMs: 60_000 }];
}

describe('in-process crawl: nothing given up', () => {
  it('--once exits when only scheduled retries remain; the next run picks them up with their attempts', async () => {
    const server = await startFixtureServer();
    const store = await SqliteStore.open(':memory:');
    const statePath = join(tmp, 'scheduled.db');
    try {
      const articles = generateArticles(3, 41);
      for (const a of articles) server.route(a.path, page(server, a));
      const flaky = articles[1]!;
      // Down for its first two requests (an outage), then fine.
      server.route(flaky.path, (req, res, ctx) => (ctx.hit <= 2 ? status(503)(req, res, ctx) : page(server, flaky)(req, res, ctx)));
      server.route('/feed.xml', respond(rssFeed(articles, server.origin), { contentType: 'application/rss+xml' }));

      // The first run's retry is due only well after the run can end, even on a loaded machine
      // (with 400 ms it once came due while the other pages were still being stored, and was
      // fetched in the same run); the second run's in-run retry keeps the short delay.
      const first = await crawlOnce(store, statePath, feedSource(server), { onceRetryHorizonMs: 0, retry: { attempts: 4, baseDelayMs: 5_000, maxDelayMs: 5_000 } });
      expect(first.interrupted).toBe(false);
      expect(first.failed).toEqual([]);
      expect(first.scheduledRetries).toBe(1);
      expect(first.totals).toMatchObject({ stored: 2, failed: 0 });
      const journal = new SqliteCrawlState(statePath);
      const pending = await journal.listPendingEntries();
      await journal.close();
      expect(pending).toEqual([expect.objectContaining({ url: canonicalizeUrl(server.url(flaky.path)), attempts: 1, retryAt: expect.any(Number) })]);

      // The next run, after the retry is due, fetches it (its second failure is retried within the run).
      await new Promise((r) => setTimeout(r, Math.max(0, pending[0]!.retryAt! - Date.now())));
      const second = await crawlOnce(store, statePath, feedSource(server));
      expect(second.failed).toEqual([]);
      expect(second.totals.stored).toBe(1);
      expect(server.requestsTo(flaky.path)).toHaveLength(3);
      expect(await store.getArticle(articleIdFor(canonicalizeUrl(server.url(flaky.path))))).not.toBeNull();
    } finally {
      await store.close();
      await server.close();
    }
  });

  it('a page that fails for good is listed, survives the process, and is revived by retry', async () => {
    const server = await startFixtureServer();
    const store = await SqliteStore.open(':memory:');
    const statePath = join(tmp, 'failed.db');
    try {
      const articles = generateArticles(2, 43);
      for (const a of articles) server.route(a.path, page(server, a));
      const gone = articles[0]!;
      server.route(gone.path, status(404));
      server.route('/feed.xml', respond(rssFeed(articles, server.origin), { contentType: 'application/rss+xml' }));
      const first = await crawlOnce(store, statePath, feedSource(server));
      const url = canonicalizeUrl(server.url(gone.path));
      expect(first.failed).toEqual([expect.objectContaining({ queue: 'page-fetch', url, failedReason: expect.stringMatching(/^\[http-status\].*404/) })]);
      expect(first.totals).toMatchObject({ stored: 1, failed: 1 });

      // Before: the URL was marked seen and the failure lived only in memory. Now it is in the state file.
      const state = new SqliteCrawlState(statePath);
      expect((await state.listFailedPages()).map((f) => f.url)).toEqual([url]);
      server.route(gone.path, page(server, gone)); // the site fixed it
      expect(await state.reviveFailedPages()).toEqual([url]);
      expect(await state.listFailedPages()).toEqual([]);
      await state.close();
      const second = await crawlOnce(store, statePath, feedSource(server));
      expect(second.failed).toEqual([]);
      expect(second.totals.stored).toBe(1);
      expect(await store.getArticle(articleIdFor(url))).not.toBeNull();
    } finally {
      await store.close();
      await server.close();
    }
  });

  it('a robots.txt answering 503 once does not eat the page retries', async () => {
    const server = await startFixtureServer();
    const store = await SqliteStore.open(':memory:');
    const config = testCrawlConfig({ concurrency: 2 });
    // The robots schedule is shortened like the page retries are in these tests (30 s by default).
    const fetcher = new HttpFetcher({ ...config.http, respectRobots: true }, { robotsCache: new RobotsCache({ userAgent: config.http.userAgent, errorRetryMs: 300 }) });
    try {
      const articles = generateArticles(2, 47);
      for (const a of articles) server.route(a.path, page(server, a));
      server.route('/feed.xml', respond(rssFeed(articles, server.origin), { contentType: 'application/rss+xml' }));
      server.route('/robots.txt', (req, res, ctx) => (ctx.hit === 1 ? status(503)(req, res, ctx) : respond('User-agent: *\nAllow: /\n')(req, res, ctx)));
      const summary = await runCrawl({
        config,
        store,
        sources: feedSource(server),
        role: 'crawl',
        once: true,
        serveMetrics: false,
        fetcher,
        // Three quick tries, all inside the old 10-minute "unreachable" cache: every one failed before.
        retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 2_000 },
        openMemory: async () => new CrawlStateMemory(new SqliteCrawlState(':memory:')),
      });
      expect(summary.failed).toEqual([]);
      expect((await store.stats()).articles).toBe(2);
      expect(server.requestsTo('/robots.txt')).toHaveLength(2);
    } finally {
      await fetcher.close();
      await store.close();
      await server.close();
    }
  });
});

describe('waiting for a host outside the job', () => {
  it('a slow host neither holds every worker nor eats its pages\' fetch timeouts; a fast host is served meanwhile', async () => {
    const slow = await startFixtureServer();
    const fast = await startFixtureServer();
    const store = await SqliteStore.open(':memory:');
    const base = testCrawlConfig({ concurrency: 6, timeoutMs: 2_000 });
    // Two requests at a time per host; a slow page takes 1.2 s, so 8 of them need about 5 s.
    const config = { ...base, http: { ...base.http, perHostConcurrency: 2, perHostDelayMs: 0 } };
    try {
      const slowPages = generateArticles(8, 97);
      for (const a of slowPages) slow.route(a.path, delayed(1_200, respond(articleHtml(a, slow.origin), { contentType: 'text/html' })));
      slow.route('/feed.xml', respond(rssFeed(slowPages, slow.origin), { contentType: 'application/rss+xml' }));
      const fastPages = generateArticles(4, 101);
      for (const a of fastPages) fast.route(a.path, page(fast, a));
      fast.route('/feed.xml', respond(rssFeed(fastPages, fast.origin), { contentType: 'application/rss+xml' }));
      const summary = await runCrawl({
        config,
        store,
        sources: [...feedSource(slow, 'slow'), ...feedSource(fast, 'fast')],
        role: 'crawl',
        once: true,
        serveMetrics: false,
        retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
        openMemory: async () => new CrawlStateMemory(new SqliteCrawlState(':memory:')),
      });
      // Before: the other page workers waited for the slow host inside their fetch, their 2 s
      // timeouts ran out while waiting, and the fast host's pages came after the slow ones.
      expect(summary.failed).toEqual([]);
      expect((await store.stats()).articles).toBe(12);
      for (const a of slowPages) expect(slow.requestsTo(a.path)).toHaveLength(1);
      const slowStarts = slowPages.map((a) => slow.requestsTo(a.path)[0]!.at).sort((x, y) => x - y);
      const fastLast = Math.max(...fastPages.map((a) => fast.requestsTo(a.path)[0]!.at));
      expect(fastLast).toBeLessThan(slowStarts[2]!); // all fast pages before the slow host's third
    } finally {
      await store.close();
      await slow.close();
      await fast.close();
    }
  });
});

describe('sitemap index children', () => {
  it('are fetched and failed one by one, with conditional GET', async () => {
    const server = await startFixtureServer();
    const store = await SqliteStore.open(':memory:');
    const statePath = join(tmp, 'sitemaps.db');
    try {
      const articles = generateArticles(4, 53);
      for (const a of articles) server.route(a.path, page(server, a));
      const urlset = (items: FixtureArticle[]) =>
        `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${items.map((a) => `<url><loc>${server.url(a.path)}</loc></url>`).join('')}</urlset>`;
      server.route('/sitemap-1.xml', conditional('"s1"', 'Mon, 30 Nov 2026 10:00:00 GMT', respond(urlset(articles.slice(0, 2)), { contentType: 'application/xml' })));
      server.route('/sitemap-2.xml', conditional('"s2"', 'Mon, 30 Nov 2026 10:00:00 GMT', respond(urlset(articles.slice(2)), { contentType: 'application/xml' })));
      // sitemap-gone.xml is not routed: 404.
      server.route(
        '/sitemap.xml',
        respond(
          `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${['/sitemap-1.xml', '/sitemap-gone.xml', '/sitemap-2.xml'].map((p) => `<sitemap><loc>${server.url(p)}</loc></sitemap>`).join('')}</sitemapindex>`,
          { contentType: 'application/xml' },
        ),
      );
      const sources = [{ source: { id: 'maps', url: server.url('/sitemap.xml'), kind: 'sitemap' }, intervalMs: 60_000 }];
      // Before: the 404 child failed the whole poll, so none of the four articles was found.
      const first = await crawlOnce(store, statePath, sources);
      expect(first.failed).toEqual([]);
      expect((await store.stats()).articles).toBe(4);
      const second = await crawlOnce(store, statePath, sources);
      expect(second.failed).toEqual([]);
      for (const child of ['/sitemap-1.xml', '/sitemap-2.xml']) {
        const requests = server.requestsTo(child);
        expect(requests).toHaveLength(2);
        expect(requests[1]!.headers['if-none-match']).toBe(child === '/sitemap-1.xml' ? '"s1"' : '"s2"');
      }
    } finally {
      await store.close();
      await server.close();
    }
  });
});
