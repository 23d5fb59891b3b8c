import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '@newsgraph/graph';
import { articleIdFor } from '@newsgraph/shared';
import { canonicalizeUrl } from '../src/dedupe/canonicalize-url.ts';
import { CrawlStateMemory } from '../src/crawl/crawl-memory.ts';
import { SqliteCrawlState } from '../src/state/sqlite-crawl-state.ts';
import { runCrawl } from '../src/crawl/run-crawl.ts';
import { delayed, respond, startFixtureServer, type FixtureHandler } from './support/fixture-server.ts';
import { articleHtml, generateArticles, rssFeed } from './fixtures/crawl/news-site.ts';
import { mountNewsSite, testCrawlConfig, WAIT_FOR_ORIGINAL_RETRY } from './fixtures/crawl/mount-site.ts';
import { recordedReextraction, storeContents } from './support/recorded-extraction.ts';

const FAST_RETRY = { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 };
const ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/crawl/crawl-once-entry.ts');
const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-inprocess-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

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
      // Each run opens the crawl state file afresh, as each `newsgraph crawl` process does.
      const statePath = join(tmp, 'two-runs', 'crawl-state.db');
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
          retry: WAIT_FOR_ORIGINAL_RETRY, // the mirror's copy of story 0 may come before story 0 is written
          extractionThreads: 1, // text and entity extraction on a worker thread
          openMemory: async () => new CrawlStateMemory(new SqliteCrawlState(statePath)),
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
      const feedRequests = server.requestsTo('/feed.xml').length;
      const second = await run();
      expect(second.failed).toEqual([]);
      expect(server.requestsTo('/feed.xml').length).toBe(feedRequests + 1);
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

  it('an in-process crawl killed with SIGKILL mid-crawl and run again loses and duplicates nothing', async () => {
    const server = await startFixtureServer();
    const children: ChildProcess[] = [];
    try {
      const articles = generateArticles(80, 29);
      // Slow pages keep the crawl busy when it is killed. The feed answers conditional GETs
      // with 304, so items are lost if validators were saved before the work was safe.
      for (const a of articles) server.route(a.path, delayed(50, respond(articleHtml(a, server.origin), { contentType: 'text/html' })));
      const feed = rssFeed(articles, server.origin);
      const conditionalFeed: FixtureHandler = (req, res) => {
        if (req.headers['if-none-match'] === '"feed-v1"') {
          res.writeHead(304, { etag: '"feed-v1"' });
          res.end();
          return;
        }
        respond(feed, { contentType: 'application/rss+xml', headers: { etag: '"feed-v1"' } })(req, res, undefined as never);
      };
      server.route('/feed.xml', conditionalFeed);
      const ids = articles.map((a) => articleIdFor(canonicalizeUrl(server.url(a.path)))).sort();
      const storedIds = async (store: SqliteStore) => {
        const found: string[] = [];
        for (const id of ids) if (await store.getArticle(id)) found.push(id);
        return found.sort();
      };
      const contentHashes = async (store: SqliteStore) => {
        const hashes: Record<string, string | null> = {};
        for (const id of ids) hashes[id] = (await store.getArticle(id))?.contentHash ?? null;
        return hashes;
      };

      // The reference: one clean in-process crawl of the same site into its own database.
      const cleanDb = join(tmp, 'clean', 'graph.db');
      const clean = await startCrawl(cleanDb);
      expect(await clean.finished).toBe('done 0');
      const cleanStore = await SqliteStore.open(cleanDb);
      expect(await storedIds(cleanStore)).toEqual(ids);
      const cleanHashes = await contentHashes(cleanStore);
      await cleanStore.close();

      const db = join(tmp, 'killed', 'graph.db');
      const store = await SqliteStore.open(db); // creates the schema before the crawl starts
      const first = await startCrawl(db);
      // Until some articles are in, however long the child takes to start on a loaded machine
      // (not a fixed 10 s); the test timeout bounds the wait.
      while ((await store.stats()).articles < 15 && first.child.exitCode === null) await new Promise((r) => setTimeout(r, 25));
      const exited = new Promise((r) => first.child.once('exit', r));
      first.child.kill('SIGKILL');
      await exited;
      const before = (await store.stats()).articles;
      expect(before).toBeGreaterThan(0);
      expect(before).toBeLessThan(articles.length);
      // The killed run left unfinished pages in its journal (in crawl-state.db next to the graph).
      const journal = new SqliteCrawlState(join(tmp, 'killed', 'crawl-state.db'));
      const unfinished = (await journal.listPending()).length;
      await journal.close();
      expect(unfinished).toBeGreaterThan(0);
      const feedPolls = server.requestsTo('/feed.xml').length;

      const second = await startCrawl(db);
      expect(await second.finished).toBe('done 0');
      // The second run re-read the feed (and got 304: nothing new), so the resumed journal alone
      // brought in the missing articles.
      expect(server.requestsTo('/feed.xml').length).toBe(feedPolls + 1);
      expect(await storedIds(store)).toEqual(ids);
      // The clean crawl's texts, each stored once with the alias resolutions it recorded. Not the
      // clean crawl's mention and claim totals: the resumed run reads articles in another order,
      // and the alias index makes an article's extraction depend on what was read before it
      // (support/recorded-extraction.ts).
      expect(await contentHashes(store)).toEqual(cleanHashes);
      const { contents, missingLearning } = await recordedReextraction(store, ids);
      expect(missingLearning, 'articles without an alias learning record').toEqual([]);
      expect(await storeContents(store)).toEqual(contents);
      const after = new SqliteCrawlState(join(tmp, 'killed', 'crawl-state.db'));
      expect(await after.listPending()).toEqual([]);
      expect(await after.seenCount()).toBe(articles.length);
      await after.close();
      await store.close();
    } finally {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await server.close();
    }

    /** Starts the crawl entry on `db`; resolves once it runs, with its last stdout line on exit. */
    function startCrawl(db: string): Promise<{ child: ChildProcess; finished: Promise<string> }> {
      const child = spawn(process.execPath, [ENTRY], {
        env: { ...process.env, NEWSGRAPH_DB: db, FEED_URL: server.url('/feed.xml'), CRAWL_CONCURRENCY: '4' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let stdout = '';
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      const finished = new Promise<string>((resolve, reject) => {
        child.once('exit', (code, signal) => {
          if (code === 0) resolve(stdout.trim().split('\n').at(-1) ?? '');
          else if (signal === 'SIGKILL') resolve('killed');
          else reject(new Error(`crawl exited with ${code ?? signal}: ${stderr}`));
        });
      });
      finished.catch(() => undefined);
      return new Promise((resolve, reject) => {
        child.stdout!.on('data', (d: Buffer) => {
          stdout += d.toString();
          if (stdout.includes('ready')) resolve({ child, finished });
        });
        finished.then(
          () => reject(new Error(`crawl ended before it was ready: ${stdout} ${stderr}`)),
          reject,
        );
      });
    }
    // Three cold starts of a crawl process (each loads the NLP lexicons): over the default 60 s
    // at load 15.
  }, 180_000);
});
