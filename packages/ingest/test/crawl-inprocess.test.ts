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
});
