import { describe, expect, it } from 'vitest';
import { SqliteStore } from '@newsgraph/graph';
import { articleIdFor } from '@newsgraph/shared';
import { canonicalizeUrl } from '../src/dedupe/canonicalize-url.ts';
import { CrawlStateMemory } from '../src/crawl/crawl-memory.ts';
import { SqliteCrawlState } from '../src/state/sqlite-crawl-state.ts';
import { runCrawl } from '../src/crawl/run-crawl.ts';
import { respond, startFixtureServer } from './support/fixture-server.ts';
import { articleHtml, generateArticles, rssFeed } from './fixtures/crawl/news-site.ts';
import { mountNewsSite, testCrawlConfig } from './fixtures/crawl/mount-site.ts';

const FAST_RETRY = { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 };

describe('in-process crawl (no Redis)', () => {
  it('crawls a feed once, stores every article, records republications, reports failures', async () => {
    const server = await startFixtureServer();
    const store = await SqliteStore.open(':memory:');
    try {
      const articles = generateArticles(40, 3);
      const feedUrl = mountNewsSite(server, articles);
      // A second outlet republishing story 0 word for word, and a broken page.
      const copy = { ...articles[0]!, path: '/mirror/story-0.html' };
      server.route(copy.path, respond(articleHtml(copy, server.origin).replace('Fixture Gazette', 'Mirror Times'), { contentType: 'text/html' }));
      server.route('/mirror/broken.html', respond('nope', { status: 410 }));
      server.route(
        '/mirror.xml',
        respond(rssFeed([copy, { ...copy, path: '/mirror/broken.html' }], server.origin, 'Mirror'), { contentType: 'application/rss+xml' }),
      );
      const config = testCrawlConfig({ concurrency: 4 });
      const memory = new CrawlStateMemory(new SqliteCrawlState(':memory:'));
      const run = () =>
        runCrawl({
          config,
          store,
          sources: [
            { source: { id: 'gazette', url: feedUrl, kind: 'rss' }, intervalMs: 60_000 },
            { source: { id: 'mirror', url: server.url('/mirror.xml'), kind: 'rss' }, intervalMs: 60_000 },
          ],
          role: 'crawl',
          once: true,
          serveMetrics: false,
          retry: FAST_RETRY,
          extractionThreads: 1, // text and entity extraction on a worker thread
          openMemory: async () => memory,
        });
      const summary = await run();
      expect(summary.mode).toBe('in-process');
      const stats = await store.stats();
      expect(stats.articles).toBe(40);
      for (const a of articles) expect(await store.getArticle(articleIdFor(canonicalizeUrl(server.url(a.path))))).not.toBeNull();
      const original = articleIdFor(canonicalizeUrl(server.url(articles[0]!.path)));
      const publications = await store.listPublications(original);
      expect(publications.map((p) => p.url)).toEqual([server.url(copy.path)]);
      expect(summary.failed).toEqual([
        expect.objectContaining({ queue: 'page-fetch', url: canonicalizeUrl(server.url('/mirror/broken.html')), attempts: 1, failedReason: expect.stringMatching(/^\[http-status\].*410/) }),
      ]);
      expect(summary.jobCounts['article-process']!.completed).toBe(40);

      // A second run polls the feeds again but fetches no page twice.
      const pageRequests = server.requests.filter((r) => r.path.startsWith('/news/')).length;
      await run();
      expect(server.requests.filter((r) => r.path.startsWith('/news/')).length).toBe(pageRequests);
      expect(await store.stats()).toEqual(stats);
    } finally {
      await store.close();
      await server.close();
    }
  });

  it('crawls a sitemap index and its child sitemaps, with the source body selector', async () => {
    const server = await startFixtureServer();
    const store = await SqliteStore.open(':memory:');
    try {
      const articles = generateArticles(6, 17);
      for (const a of articles) {
        // Page chrome inside <article> that only the source's body selector leaves out.
        const html = articleHtml(a, server.origin).replace('<div class="story-body">', '<div class="explainer"><p>Subscribe now: our correspondents in Geneva, Nairobi and Jakarta have followed the trade in dual-use goods for a decade, and their reporting on customs records, shipping manifests and court filings explains how the networks behind it operate across borders.</p></div><div class="story-body">');
        server.route(a.path, respond(html, { contentType: 'text/html' }));
      }
      const urlset = (items: typeof articles) =>
        `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${items.map((a) => `<url><loc>${server.url(a.path)}</loc><lastmod>${a.publishedAt}</lastmod></url>`).join('')}</urlset>`;
      server.route('/sitemap-1.xml', respond(urlset(articles.slice(0, 3)), { contentType: 'application/xml' }));
      server.route('/sitemap-2.xml', respond(urlset(articles.slice(3)), { contentType: 'application/xml' }));
      server.route(
        '/sitemap.xml',
        respond(
          `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${server.url('/sitemap-1.xml')}</loc></sitemap><sitemap><loc>${server.url('/sitemap-2.xml')}</loc></sitemap></sitemapindex>`,
          { contentType: 'application/xml' },
        ),
      );
      const summary = await runCrawl({
        config: testCrawlConfig({ concurrency: 2 }),
        store,
        sources: [{ source: { id: 'maps', url: server.url('/sitemap.xml'), kind: 'sitemap', bodySelector: '.story-body' }, intervalMs: 60_000 }],
        role: 'crawl',
        once: true,
        serveMetrics: false,
        retry: FAST_RETRY,
        openMemory: async () => new CrawlStateMemory(new SqliteCrawlState(':memory:')),
      });
      expect(summary.failed).toEqual([]);
      expect((await store.stats()).articles).toBe(6);
      const stored = await store.getArticle(articleIdFor(canonicalizeUrl(server.url(articles[4]!.path))));
      expect(new Date(stored!.publishedAt!).toISOString()).toBe(new Date(articles[4]!.publishedAt).toISOString());
      expect(stored?.text).toContain(articles[4]!.paragraphs[0]!.slice(0, 40));
      expect(stored?.text).not.toContain('Subscribe now');
    } finally {
      await store.close();
      await server.close();
    }
  });
});

